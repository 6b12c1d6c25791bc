#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Splits text at line feeds by bytes. A line feed is always a grapheme of its own (the decoder has already
/// turned CR LF into LF), so this gives exactly `split(separator: "\n")`, without grapheme breaking.
enum LineSplitter {
    static func lines(_ text: String, omittingEmptySubsequences: Bool = true) -> [Substring] {
        // Line feeds are found with memchr in the string's bytes: walking the UTF8View index by index cost about
        // twenty instructions a byte. A cut after a line feed is always on a scalar boundary.
        let utf8 = text.utf8
        return UTF8Text.withBytes(text) { bytes in
            var lines: [Substring] = []
            var start = 0
            func cut(at end: Int) {
                guard !omittingEmptySubsequences || start < end else { return }
                let from = utf8.index(utf8.startIndex, offsetBy: start), to = utf8.index(utf8.startIndex, offsetBy: end)
                lines.append(Substring(utf8[from..<to]))
            }
            if let base = bytes.baseAddress {
                while start < bytes.count, let found = memchr(base + start, 0x0A, bytes.count - start) {
                    let end = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                    cut(at: end)
                    start = end + 1
                }
            }
            if !omittingEmptySubsequences || start < bytes.count { cut(at: bytes.count) }
            return lines
        }
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
