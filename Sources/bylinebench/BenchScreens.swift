import BylineTerminal
import BylineView

/// What one frame cost on the terminal side.
struct FrameCost {
    /// Cells that differ from the previous frame (what the backend writes).
    var cellsChanged = 0
    /// Same-styled stretches of changed cells on one row: one cursor move and one write each.
    var runs = 0
    /// Bytes written to the terminal: measured by the ncurses backend, or estimated headlessly.
    var bytes = 0
}

/// A screen the keystroke benchmark can draw to and read the cost of the last frame from.
protocol MeasuredScreen: TerminalScreen {
    var lastCost: FrameCost { get }
}

/// A terminal kept in memory: compares each frame with the previous one, cell by cell, the way the backend's
/// diff decides what to write. Bytes are an estimate: the changed text, plus about 8 bytes of cursor movement
/// per run and 12 bytes of colour/attribute change when a run's style differs from the one before.
final class MemoryScreen: MeasuredScreen {
    let size: (width: Int, height: Int)
    private var shown: CellBuffer?
    private(set) var lastCost = FrameCost()

    init(width: Int, height: Int) { size = (width, height) }

    func draw(_ buffer: CellBuffer) {
        var cost = FrameCost()
        let previous = shown.flatMap { $0.width == buffer.width && $0.height == buffer.height ? $0 : nil }
        var lastStyle: Style?
        for y in 0..<buffer.height {
            var inRun = false
            for x in 0..<buffer.width {
                let cell = buffer[x, y]
                let changed = previous.map { $0[x, y] != cell } ?? true
                guard changed else { inRun = false; continue }
                cost.cellsChanged += 1
                cost.bytes += cell.text.utf8.count
                if !inRun || lastStyle != cell.style {
                    cost.runs += 1
                    cost.bytes += 8
                    if lastStyle != cell.style { cost.bytes += 12 }
                    lastStyle = cell.style
                    inRun = true
                }
            }
        }
        lastCost = cost
        shown = buffer
    }

    func forceRedraw() { shown = nil }
    func nextEvent(timeoutMilliseconds: Int) -> InputEvent { .tick }
    var pendingSignal: Int32? { nil }
}

/// The real ncursesw backend; the cost comes from its own `lastDraw` statistics (bytes from /proc/self/io).
final class NcursesScreen: MeasuredScreen {
    let terminal: Terminal

    init() throws { terminal = try Terminal() }

    var size: (width: Int, height: Int) { terminal.size }
    func draw(_ buffer: CellBuffer) { terminal.draw(buffer) }
    func forceRedraw() { terminal.forceRedraw() }
    func nextEvent(timeoutMilliseconds: Int) -> InputEvent { terminal.nextEvent(timeoutMilliseconds: timeoutMilliseconds) }
    var pendingSignal: Int32? { terminal.pendingSignal }

    var lastCost: FrameCost {
        let draw = terminal.lastDraw
        return FrameCost(cellsChanged: draw.cellsWritten, runs: draw.runs, bytes: draw.bytesWritten ?? -1)
    }

    func shutdown() { terminal.shutdown() }
}
