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
        var index = 0
        while index < bytes.count {
            // Eight bytes at once when they hold no control byte, no two spaces side by side and no lead byte of a
            // Unicode space; any other eight go through the byte test below.
            if index &+ 8 <= bytes.count {
                let word = ByteLanes.load(bytes, at: index)
                switch cleanLanes(word, at: index, of: bytes, previous: previous, beforePrevious: beforePrevious) {
                case .clean:
                    beforePrevious = UInt8(truncatingIfNeeded: word >> 48)
                    previous = UInt8(truncatingIfNeeded: word >> 56)
                    index &+= 8
                    continue
                case .unclean: return false
                case .unknown: break
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

    /// What `cleanLanes` tells of eight bytes: clean, holding white space to collapse, or to be read byte by byte.
    enum LaneVerdict { case clean, unclean, unknown }

    /// The eight bytes `word` at `index`, after `previous` and `beforePrevious`: clean, holding white space to
    /// collapse, or to be read byte by byte. Of the bytes from 0x80 up, only the spaces' lead bytes C2, E1, E2
    /// and E3 matter; an E2 (General Punctuation: quotes and dashes, common in news) is read with the two bytes
    /// after it here, the rarer three and a sequence begun before these eight go byte by byte.
    @inline(__always)
    static func cleanLanes(
        _ word: UInt64, at index: Int, of bytes: UnsafeBufferPointer<UInt8>, previous: UInt8, beforePrevious: UInt8
    ) -> LaneVerdict {
        let high = ByteLanes.high, ones = ByteLanes.ones
        if word & high == 0 {
            // All ASCII: none below the space, no two spaces side by side.
            let spaces = ByteLanes.equal(word, 0x20)
            return ~((word | high) &- ones &* 0x20) & high == 0 && spaces & (spaces << 8) == 0
                && !(previous == 0x20 && word & 0xFF == 0x20) ? .clean : .unknown
        }
        // The same among the ASCII bytes of eight that are not all ASCII.
        let controls = ~((word | high) &- ones &* 0x20) & high & ~word
        let spaces = ByteLanes.equal(word, 0x20)
        guard controls == 0, spaces & (spaces << 8) == 0, !(previous == 0x20 && word & 0xFF == 0x20) else {
            return .unknown
        }
        if previous >= 0xC0 || beforePrevious >= 0xE0 { return .unknown }
        // C2 and E2 differ in their 0x20 bit only, as E1 and E3 in their 0x02 bit.
        let twoOrE2 = ByteLanes.equal(word & (ones &* 0xDF), 0xC2)
        var e2 = twoOrE2 & (word << 2)
        if twoOrE2 & ~(word << 2) != 0 || ByteLanes.equal(word & (ones &* 0xFD), 0xE1) != 0 { return .unknown }
        while e2 != 0 {
            let lead = index &+ e2.trailingZeroBitCount &>> 3
            guard lead &+ 2 < bytes.count else { return .unknown }
            let second = bytes[lead &+ 1], third = bytes[lead &+ 2]
            if second == 0x80 && (third <= 0x8A || third == 0xA8 || third == 0xA9 || third == 0xAF) { return .unclean }
            if second == 0x81 && third == 0x9F { return .unclean }
            e2 &= e2 &- 1
        }
        return .clean
    }
}

/// Splits text into blocks at blank lines.
enum BlockSplitter {
    static func split(_ text: String) -> [TextBlock] {
        // Lines are cut from the UTF-8 at line feeds, as `LineSplitter.lines` cuts them; most are already clean
        // and are copied as they are. Copying a slice of the string skips the UTF-8 validation that making a
        // string from bytes pays. The blocks are built inside the closure: variables it captured from outside
        // paid an exclusivity check at every line.
        let utf8 = text.utf8
        return UTF8Text.withBytes(text) { bytes in
            var blocks: [TextBlock] = []
            var current: [String] = []
            var start = 0
            while start <= bytes.count {
                // memchr finds the line feed: a loop testing every byte cost about ten instructions a byte.
                var end = bytes.count
                if start < bytes.count, let base = bytes.baseAddress, let found = memchr(base + start, 0x0A, bytes.count - start) {
                    end = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                }
                let line = UnsafeBufferPointer(rebasing: bytes[start..<end])
                let lineStart = start
                start = end + 1
                if line.isEmpty {
                    flush(&current, into: &blocks)
                    continue
                }
                let slice = Substring(utf8[utf8.index(utf8.startIndex, offsetBy: lineStart)..<utf8.index(utf8.startIndex, offsetBy: end)])
                if isAlreadyClean(line) {
                    current.append(String(slice))
                } else {
                    let collapsed = collapseWhitespace(slice)
                    if collapsed.isEmpty { flush(&current, into: &blocks) } else { current.append(collapsed) }
                }
            }
            flush(&current, into: &blocks)
            return blocks
        }
    }

    /// Ends the block of `lines`, if any. A block of one line (most are) is its own text: joining made a copy.
    @inline(__always)
    private static func flush(_ lines: inout [String], into blocks: inout [TextBlock]) {
        guard !lines.isEmpty else { return }
        let text = lines.count == 1 ? lines[0] : lines.joined(separator: " ")
        blocks.append(TextBlock(index: blocks.count, lines: lines, text: text))
        lines = []
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
