import BylineView

/// A screen position as the terminal will show it: a glyph that starts there, or a column covered by a wide glyph to its left.
enum ScreenSlot: Equatable {
    case glyph(String, width: Int, style: Style)
    case covered
}

/// A stretch of changed glyphs on one row that share a style: one write to the terminal.
struct ScreenRun: Equatable {
    var x: Int
    var y: Int
    var style: Style
    var text: String
    /// Columns the run covers (the sum of its glyph widths).
    var columns: Int
}

/// A frame as it was drawn: its cells, and each row's slots.
struct DrawnFrame {
    let cells: CellBuffer
    let rows: [[ScreenSlot]]

    init(cells: CellBuffer, rows: [[ScreenSlot]]) {
        self.cells = cells
        self.rows = rows
    }

    init(_ cells: CellBuffer) {
        self.cells = cells
        rows = (0..<cells.height).map { y in
            var row: [ScreenSlot] = []
            ScreenDiff.slots(ofRow: y, in: cells, into: &row)
            return row
        }
    }
}

/// Decides which cells of a frame must be written, by comparing it with the frame on screen.
enum ScreenDiff {
    /// The runs that turn `old` into `new`; everything when there is no old frame or its size differs.
    static func runs(from old: CellBuffer?, to new: CellBuffer) -> [ScreenRun] {
        diff(from: old.map(DrawnFrame.init), to: new).runs
    }

    /// The runs that turn the frame on screen into `new`, and `new` as drawn, for the next diff. Rows whose
    /// cells are all unchanged are skipped without being turned into slots; the old rows' slots are reused.
    static func diff(from old: DrawnFrame?, to new: CellBuffer) -> (runs: [ScreenRun], drawn: DrawnFrame) {
        let previous = old.flatMap { $0.cells.width == new.width && $0.cells.height == new.height ? $0 : nil }
        var runs: [ScreenRun] = []
        var rows: [[ScreenSlot]] = []
        rows.reserveCapacity(new.height)
        for y in 0..<new.height {
            if let previous, rowIsUnchanged(y, previous.cells, new) {
                rows.append(previous.rows[y])
                continue
            }
            var row: [ScreenSlot] = []
            slots(ofRow: y, in: new, into: &row)
            appendRuns(from: previous?.rows[y], to: row, y: y, into: &runs)
            rows.append(row)
        }
        return (runs, DrawnFrame(cells: new, rows: rows))
    }

    private static func rowIsUnchanged(_ y: Int, _ old: CellBuffer, _ new: CellBuffer) -> Bool {
        let row = (y * new.width)..<((y + 1) * new.width)
        return old.cells.withUnsafeBufferPointer { oldCells in
            new.cells.withUnsafeBufferPointer { newCells in
                row.allSatisfy { oldCells[$0] == newCells[$0] }
            }
        }
    }

    /// The runs that turn one row's `old` slots into the `new` ones; `old == nil` writes all of it.
    private static func appendRuns(from old: [ScreenSlot]?, to new: [ScreenSlot], y: Int, into runs: inout [ScreenRun]) {
        var current: ScreenRun?
        for (x, slot) in new.enumerated() {
            guard case .glyph(let text, let glyphWidth, let style) = slot else { continue }
            if let old, old[x] == slot {
                if let finished = current { runs.append(finished) }
                current = nil
                continue
            }
            if current != nil && current!.style == style {
                current!.text += text
                current!.columns += glyphWidth
            } else {
                if let finished = current { runs.append(finished) }
                current = ScreenRun(x: x, y: y, style: style, text: text, columns: glyphWidth)
            }
        }
        if let finished = current { runs.append(finished) }
    }

    /// The buffer as drawable slots, row after row.
    static func slots(of buffer: CellBuffer) -> [ScreenSlot] {
        var slots: [ScreenSlot] = [], row: [ScreenSlot] = []
        slots.reserveCapacity(buffer.cells.count)
        for y in 0..<buffer.height {
            Self.slots(ofRow: y, in: buffer, into: &row)
            slots += row
        }
        return slots
    }

    /// One row as drawable slots. Cells that cannot be drawn where they are become spaces: a continuation
    /// with no wide glyph to its left, a glyph of width 0, and a wide glyph whose continuations are missing or
    /// cut off by the right edge. Text is made printable, so no control character ever reaches the terminal.
    static func slots(ofRow y: Int, in buffer: CellBuffer, into slots: inout [ScreenSlot]) {
        slots.removeAll(keepingCapacity: true)
        slots.reserveCapacity(buffer.width)
        var x = 0
        while x < buffer.width {
            let cell = buffer[x, y]
            // Most cells hold one printable ASCII character: one column, drawn as it is.
            let utf8 = cell.text.utf8
            if utf8.count == 1, let byte = utf8.first, byte >= 0x20 && byte < 0x7F {
                slots.append(.glyph(cell.text, width: 1, style: cell.style))
                x += 1
                continue
            }
            let width = cell.isContinuation ? 0 : DisplayWidth.of(cell.text)
            if width >= 1 && x + width <= buffer.width
                && (1..<width).allSatisfy({ buffer[x + $0, y].isContinuation })
            {
                slots.append(.glyph(printable(cell.text), width: width, style: cell.style))
                for _ in 1..<width { slots.append(.covered) }
                x += width
            } else {
                slots.append(.glyph(" ", width: 1, style: cell.style))
                x += 1
            }
        }
    }

    private static func printable(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text }
        return text.map(DisplayWidth.printable).joined()
    }
}
