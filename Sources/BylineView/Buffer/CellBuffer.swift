/// A grid of cells the views draw into; the backend flushes it to the terminal, tests read it back.
public struct CellBuffer: Sendable, Equatable {
    public private(set) var width: Int
    public private(set) var height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int, filling cell: Cell = .blank) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: cell, count: self.width * self.height)
    }

    public var area: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
        set { cells[y * width + x] = newValue }
    }

    /// Fills a rectangle (clipped to the buffer) with one cell.
    public mutating func fill(_ rect: Rect, with cell: Cell) {
        let clipped = clip(rect)
        guard !clipped.isEmpty else { return }
        for y in clipped.y..<clipped.maxY {
            // A wide grapheme cut by the rectangle's edge would leave half of itself behind: blank the rest.
            clearWideNeighbours(x: clipped.x, y: y, width: clipped.width)
            for x in clipped.x..<clipped.maxX { self[x, y] = cell }
        }
    }

    /// Sets the style of every cell in a rectangle, keeping the text.
    public mutating func setStyle(_ style: Style, in rect: Rect) {
        let clipped = clip(rect)
        for y in clipped.y..<clipped.maxY {
            for x in clipped.x..<clipped.maxX { self[x, y].style = style }
        }
    }

    /// Writes `text` on one row from column `x`, never past `maxX` (nor the buffer's edge), and returns the
    /// column after the last cell written. A grapheme of width n takes n cells (the first holds it, the rest are continuations); one that would straddle the
    /// limit is replaced by a space. Text must already be sanitised; anything unprintable becomes U+FFFD.
    @discardableResult
    public mutating func write(_ text: some StringProtocol, x: Int, y: Int, maxX: Int? = nil, style: Style) -> Int {
        guard y >= 0, y < height else { return x }
        let limit = min(maxX ?? width, width)
        if x >= 0, let written = writeASCII(text, x: x, y: y, limit: limit, style: style) { return written }
        if x >= 0, text.unicodeScalars.allSatisfy(DisplayWidth.isStandalone) {
            return writeStandaloneScalars(text, x: x, y: y, limit: limit, style: style)
        }
        var column = x
        for grapheme in text {
            let cellWidth = DisplayWidth.of(grapheme)
            if cellWidth == 0 { continue }
            if column + cellWidth > limit {
                if column < limit && column >= 0 { self[column, y] = Cell(" ", style: style) }
                return limit
            }
            if column >= 0 {
                clearWideNeighbours(x: column, y: y, width: cellWidth)
                self[column, y] = Cell(DisplayWidth.printable(grapheme), style: style)
                for offset in 1..<cellWidth { self[column + offset, y] = Cell("", style: style) }
            }
            column += cellWidth
        }
        return column
    }

    /// `write` for text that is all printable ASCII (one cell per byte), the common case, without splitting
    /// graphemes or measuring them; nil for any other text.
    private mutating func writeASCII(_ text: some StringProtocol, x: Int, y: Int, limit: Int, style: Style) -> Int? {
        let utf8 = text.utf8
        guard utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) else { return nil }
        let count = utf8.count
        guard count > 0 else { return x }
        let end = min(x + count, limit)
        if end > x {
            clearWideNeighbours(x: x, y: y, width: end - x)
            let rowStart = y * width
            var column = x
            for byte in utf8 {
                guard column < end else { break }
                cells[rowStart + column] = Cell(Self.asciiText[Int(byte) - 0x20], style: style)
                column += 1
            }
        }
        return x + count > limit ? limit : x + count
    }

    /// `write` for text whose every scalar is a grapheme of its own: scalar by scalar, the same cells.
    private mutating func writeStandaloneScalars(_ text: some StringProtocol, x: Int, y: Int, limit: Int, style: Style) -> Int {
        var column = x
        for scalar in text.unicodeScalars {
            let cellWidth = DisplayWidth.of(scalar)
            if cellWidth == 0 { continue }
            if column + cellWidth > limit {
                if column < limit { self[column, y] = Cell(" ", style: style) }
                return limit
            }
            clearWideNeighbours(x: column, y: y, width: cellWidth)
            self[column, y] = Cell(DisplayWidth.printable(scalar), style: style)
            for offset in 1..<cellWidth { self[column + offset, y] = Cell("", style: style) }
            column += cellWidth
        }
        return column
    }

    /// Each printable ASCII character as a one-character string, made once.
    private static let asciiText: [String] = (0x20..<0x7F).map { String(UnicodeScalar(UInt8($0))) }

    /// Overwriting part of a wide grapheme would leave the rest of it dangling: blank it.
    private mutating func clearWideNeighbours(x: Int, y: Int, width: Int) {
        // Find the head of a grapheme that starts left of `x` and reaches into it, then blank all of it left of `x`.
        var head = x
        while head > 0 && self[head, y].isContinuation { head -= 1 }
        for column in head..<x { self[column, y].text = " " }
        var right = x + width
        while right < self.width && self[right, y].isContinuation {
            self[right, y].text = " "
            right += 1
        }
    }

    private func clip(_ rect: Rect) -> Rect {
        let x0 = max(0, rect.x), y0 = max(0, rect.y)
        let x1 = min(width, rect.maxX), y1 = min(height, rect.maxY)
        return Rect(x: x0, y: y0, width: x1 - x0, height: y1 - y0)
    }

    /// The text of one row, wide graphemes once (as `tmux capture-pane -p` prints it), trailing spaces kept.
    public func rowText(_ y: Int) -> String {
        var text = ""
        for x in 0..<width where !self[x, y].isContinuation { text += self[x, y].text }
        return text
    }

    /// Every row's text with trailing spaces removed, joined by newlines: a readable screenshot for tests.
    public var screenText: String {
        (0..<height).map { String(rowText($0).reversed().drop(while: { $0 == " " }).reversed()) }.joined(separator: "\n")
    }
}
