/// Splits text at line feeds by bytes. A line feed is always a grapheme of its own (the decoder has already
/// turned CR LF into LF), so this gives exactly `split(separator: "\n")`, without grapheme breaking.
enum LineSplitter {
    static func lines(_ text: String, omittingEmptySubsequences: Bool = true) -> [Substring] {
        let utf8 = text.utf8
        var lines: [Substring] = []
        var start = utf8.startIndex
        var index = start
        while index < utf8.endIndex {
            if utf8[index] == 0x0A {
                if !omittingEmptySubsequences || start < index { lines.append(Substring(utf8[start..<index])) }
                start = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        if !omittingEmptySubsequences || start < utf8.endIndex { lines.append(Substring(utf8[start..<utf8.endIndex])) }
        return lines
    }

    /// `line.allSatisfy(\.isWhitespace)`, by bytes when the line is ASCII.
    static func isBlank(_ line: Substring) -> Bool {
        var ascii = true
        for byte in line.utf8 {
            if byte >= 0x80 { ascii = false; break }
            if byte != 0x20 && !(byte >= 0x09 && byte <= 0x0D) { return false }
        }
        return ascii || line.allSatisfy(\.isWhitespace)
    }
}
