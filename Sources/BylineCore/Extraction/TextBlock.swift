/// One input block: the lines between two blank lines, trimmed, with its position in the text.
struct TextBlock: Sendable {
    let index: Int
    /// The block's lines, each trimmed and with inner runs of white space collapsed.
    let lines: [String]
    /// The lines joined with single spaces: a hard-wrapped paragraph unwrapped.
    let text: String
}

/// Splits text into blocks at blank lines.
enum BlockSplitter {
    static func split(_ text: String) -> [TextBlock] {
        var blocks: [TextBlock] = []
        var current: [String] = []
        func flush() {
            guard !current.isEmpty else { return }
            blocks.append(TextBlock(index: blocks.count, lines: current, text: current.joined(separator: " ")))
            current = []
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let collapsed = collapseWhitespace(line)
            if collapsed.isEmpty { flush() } else { current.append(collapsed) }
        }
        flush()
        return blocks
    }

    /// Trims a line and collapses every run of white space (including no-break spaces) to one space.
    static func collapseWhitespace(_ line: Substring) -> String {
        var scalars = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in line.unicodeScalars {
            let isSpace = scalar.value < 0x80
                ? (scalar == " " || scalar == "\t" || scalar == "\r" || scalar == "\u{0B}" || scalar == "\u{0C}")
                : scalar.properties.isWhitespace
            if isSpace {
                pendingSpace = !scalars.isEmpty
            } else {
                if pendingSpace { scalars.append(" ") }
                pendingSpace = false
                scalars.append(scalar)
            }
        }
        return String(scalars)
    }
}
