/// Wraps text at word boundaries to a display width; words wider than the width are broken between graphemes.
public enum TextWrapper {
    /// The lines of `text` (one paragraph; line breaks inside it count as spaces) no wider than `width` columns.
    /// Runs of white space between words collapse to one space; an empty paragraph gives no lines.
    public static func wrap(_ text: some StringProtocol, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        var line = ""
        var lineWidth = 0
        for word in text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }) {
            let wordWidth = DisplayWidth.of(word)
            if lineWidth > 0 && lineWidth + 1 + wordWidth <= width {
                line += " "
                line += word
                lineWidth += 1 + wordWidth
                continue
            }
            if lineWidth > 0 {
                lines.append(line)
                line = ""
                lineWidth = 0
            }
            if wordWidth <= width {
                line = String(word)
                lineWidth = wordWidth
            } else {
                let pieces = breakWord(word, width: width)
                lines += pieces.dropLast()
                line = pieces.last ?? ""
                lineWidth = DisplayWidth.of(line)
            }
        }
        if lineWidth > 0 { lines.append(line) }
        return lines
    }

    /// Splits one word into pieces no wider than `width` (a grapheme wider than `width` gets a piece of its own).
    static func breakWord(_ word: some StringProtocol, width: Int) -> [String] {
        var pieces: [String] = []
        var piece = ""
        var pieceWidth = 0
        for grapheme in word {
            let graphemeWidth = DisplayWidth.of(grapheme)
            if pieceWidth + graphemeWidth > width && !piece.isEmpty {
                pieces.append(piece)
                piece = ""
                pieceWidth = 0
            }
            piece.append(grapheme)
            pieceWidth += graphemeWidth
        }
        if !piece.isEmpty { pieces.append(piece) }
        return pieces
    }
}

extension DisplayWidth {
    /// `text` cut to at most `width` columns, ending in `…` when something was cut.
    public static func truncate(_ text: some StringProtocol, to width: Int) -> String {
        guard width > 0 else { return "" }
        if of(text) <= width { return String(text) }
        var result = ""
        var used = 0
        for grapheme in text {
            let graphemeWidth = of(grapheme)
            if used + graphemeWidth > width - 1 { break }
            result.append(grapheme)
            used += graphemeWidth
        }
        return result + "…"
    }

    /// `text` padded with spaces (or cut with `…`) to exactly `width` columns.
    public static func fit(_ text: some StringProtocol, to width: Int) -> String {
        let cut = truncate(text, to: width)
        return cut + String(repeating: " ", count: max(0, width - of(cut)))
    }
}
