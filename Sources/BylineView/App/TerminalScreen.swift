/// What the run loop needs from a terminal; the ncurses backend conforms, tests and benchmarks use fakes.
public protocol TerminalScreen: AnyObject {
    /// Current size in cells.
    var size: (width: Int, height: Int) { get }
    /// Shows `buffer`, writing only what changed since the last call.
    func draw(_ buffer: CellBuffer)
    /// Forgets what is on the screen so the next draw writes everything.
    func forceRedraw()
    /// Waits up to `timeoutMilliseconds` for input; `.tick` when nothing came.
    func nextEvent(timeoutMilliseconds: Int) -> InputEvent
    /// A SIGINT/SIGTERM/SIGHUP that arrived, if any: the loop ends and the process exits 128 + signal.
    var pendingSignal: Int32? { get }
}
