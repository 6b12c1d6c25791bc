#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// One input block: the lines between two blank lines, trimmed, with its position in the text.
struct TextBlock: Sendable {
    let index: Int
    /// The block's lines, each trimmed and with inner runs of white space collapsed.
    let lines: [String]
    /// The lines joined with single spaces: a hard-wrapped paragraph unwrapped.
    let text: String
}

extension BlockSplitter {
    /// True when a line has no white space to trim or collapse: no leading, trailing or doubled space, no tab,
    /// no Unicode space (U+00A0, U+2000–U+200A, U+2028/9, U+202F, U+205F, U+3000, U+1680). Most lines are.
    static func isAlreadyClean(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first, let last = bytes.last, first != 0x20, last != 0x20 else { return false }
        var previous: UInt8 = 0, beforePrevious: UInt8 = 0
        let high: UInt64 = 0x8080_8080_8080_8080
        var index = 0
        while index < bytes.count {
            // Eight bytes at once when they are all ASCII from the space up with no two spaces side by side;
            // any other eight go through the byte test below.
            if index + 8 <= bytes.count {
                let word = UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self)
                let spaces = ~(((word ^ 0x2020_2020_2020_2020) | high) &- 0x0101_0101_0101_0101) & high
                if word & high == 0, ~((word | high) &- 0x2020_2020_2020_2020) & high == 0,
                   spaces & (spaces << 8) == 0, !(previous == 0x20 && word & 0xFF == 0x20) {
                    beforePrevious = UInt8(truncatingIfNeeded: word >> 48)
                    previous = UInt8(truncatingIfNeeded: word >> 56)
                    index += 8
                    continue
                }
            }
            let end = min(index + 8, bytes.count)
            while index < end {
                let byte = bytes[index]
                index += 1
                // Printable ASCII other than a second space is clean whatever came before.
                if byte > 0x20 && byte < 0x7F {
                    beforePrevious = previous
                    previous = byte
                    continue
                }
                switch byte {
                case 0x09, 0x0B, 0x0C, 0x0D: return false
                case 0x20 where previous == 0x20: return false
                case 0xA0 where previous == 0xC2: return false
                case 0x80...0x8A, 0xA8, 0xA9, 0xAF:
                    if previous == 0x80 && beforePrevious == 0xE2 { return false }
                    if byte == 0x80 && previous == 0x80 && beforePrevious == 0xE3 { return false }
                    if byte == 0x80 && previous == 0x9A && beforePrevious == 0xE1 { return false }
                case 0x9F where previous == 0x81 && beforePrevious == 0xE2: return false
                default: break
                }
                beforePrevious = previous
                previous = byte
            }
        }
        return true
    }
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
        // Lines are cut from the UTF-8 at line feeds, as `LineSplitter.lines` cuts them; most are already clean
        // and are copied as they are. Copying a slice of the string skips the UTF-8 validation that making a
        // string from bytes pays.
        let utf8 = text.utf8
        UTF8Text.withBytes(text) { bytes in
            var start = 0
            while start <= bytes.count {
                // memchr finds the line feed: a loop testing every byte cost about ten instructions a byte.
                var end = bytes.count
                if start < bytes.count, let base = bytes.baseAddress, let found = memchr(base + start, 0x0A, bytes.count - start) {
                    end = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                }
                let line = UnsafeBufferPointer(rebasing: bytes[start..<end])
                let slice = Substring(utf8[utf8.index(utf8.startIndex, offsetBy: start)..<utf8.index(utf8.startIndex, offsetBy: end)])
                start = end + 1
                if line.isEmpty {
                    flush()
                } else if isAlreadyClean(line) {
                    current.append(String(slice))
                } else {
                    let collapsed = collapseWhitespace(slice)
                    if collapsed.isEmpty { flush() } else { current.append(collapsed) }
                }
            }
        }
        flush()
        return blocks
    }

    /// Trims a line and collapses every run of white space (including no-break spaces) to one space.
    static func collapseWhitespace(_ line: Substring) -> String {
        if UTF8Text.withBytes(line, { isAlreadyClean($0) }) { return String(line) }
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
