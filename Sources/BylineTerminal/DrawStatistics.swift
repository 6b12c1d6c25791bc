/// What one `Terminal.draw` cost: what a benchmark reports per keystroke.
public struct DrawStatistics: Sendable, Equatable {
    /// Cells handed to ncurses (changed cells; wide glyphs count all their columns).
    public var cellsWritten = 0
    /// Same-styled stretches of changed cells, one ncurses call each.
    public var runs = 0
    /// Bytes the process wrote to the terminal during the update (from /proc/self/io; nil where unavailable).
    /// Counts every write(2) of the process in that interval, so other threads writing at the same time inflate it.
    public var bytesWritten: Int?
    /// Whether every cell was written (first frame, resize, forced redraw).
    public var wasFullRedraw = false

    public init() {}
}
