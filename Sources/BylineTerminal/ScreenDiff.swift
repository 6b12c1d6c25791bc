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

/// Decides which cells of a frame must be written, by comparing it with the frame on screen.
enum ScreenDiff {
    /// The runs that turn `old` into `new`; everything when there is no old frame or its size differs.
    static func runs(from old: CellBuffer?, to new: CellBuffer) -> [ScreenRun] {
        let previous = old.flatMap { $0.width == new.width && $0.height == new.height ? slots(of: $0) : nil }
        return runs(from: previous, to: slots(of: new), width: new.width)
    }

    /// The runs that turn the `old` slots into the `new` ones (both of one `width`); `old == nil` writes all.
    static func runs(from old: [ScreenSlot]?, to new: [ScreenSlot], width: Int) -> [ScreenRun] {
        guard width > 0 else { return [] }
        var runs: [ScreenRun] = []
        var current: ScreenRun?
        for (index, slot) in new.enumerated() {
            let x = index % width
            if x == 0, let finished = current {
                runs.append(finished)
                current = nil
            }
            guard case .glyph(let text, let glyphWidth, let style) = slot else { continue }
            if let old, old[index] == slot {
                if let finished = current { runs.append(finished) }
                current = nil
                continue
            }
            if var run = current, run.style == style {
                run.text += text
                run.columns += glyphWidth
                current = run
            } else {
                if let finished = current { runs.append(finished) }
                current = ScreenRun(x: x, y: index / width, style: style, text: text, columns: glyphWidth)
            }
        }
        if let finished = current { runs.append(finished) }
        return runs
    }

    /// The buffer as drawable slots. Cells that cannot be drawn where they are become spaces: a continuation
    /// with no wide glyph to its left, a glyph of width 0, and a wide glyph whose continuations are missing or
    /// cut off by the right edge. Text is made printable, so no control character ever reaches the terminal.
    static func slots(of buffer: CellBuffer) -> [ScreenSlot] {
        var slots: [ScreenSlot] = []
        slots.reserveCapacity(buffer.cells.count)
        for y in 0..<buffer.height {
            var x = 0
            while x < buffer.width {
                let cell = buffer[x, y]
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
        return slots
    }

    private static func printable(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text }
        return text.map(DisplayWidth.printable).joined()
    }
}
