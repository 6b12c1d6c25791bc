#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// One input block: the lines between two blank lines, trimmed, with its position in the text.
struct TextBlock: Sendable {
    let index: Int
    /// The lines joined with single spaces: a hard-wrapped paragraph unwrapped.
    let text: String
    /// The lines of a block of two or more; empty for a block of one line (most are), whose text is its line:
    /// an array per block cost an allocation, and reference counting wherever a block was copied.
    private let brokenLines: [String]

    init(index: Int, lines: [String], text: String) {
        self.index = index
        self.text = text
        brokenLines = lines.count == 1 ? [] : lines
    }

    /// A block of one line.
    init(index: Int, oneLine: String) {
        self.index = index
        text = oneLine
        brokenLines = []
    }

    /// The block's lines, each trimmed and with inner runs of white space collapsed.
    var lines: Lines { Lines(text: text, brokenLines: brokenLines) }

    var lineCount: Int { brokenLines.isEmpty ? 1 : brokenLines.count }

    var firstLine: String { brokenLines.isEmpty ? text : brokenLines[0] }

    /// A block's lines: its text alone, or its lines when it has two or more.
    struct Lines: RandomAccessCollection {
        fileprivate let text: String
        fileprivate let brokenLines: [String]

        var startIndex: Int { 0 }
        var endIndex: Int { brokenLines.isEmpty ? 1 : brokenLines.count }
        subscript(position: Int) -> String { brokenLines.isEmpty ? text : brokenLines[position] }
    }
}

extension BlockSplitter {
    /// True when a line has no white space to trim or collapse: no leading, trailing or doubled space, no tab,
    /// no Unicode space (U+00A0, U+2000–U+200A, U+2028/9, U+202F, U+205F, U+3000, U+1680). Most lines are.
    ///
    /// Eight bytes a step. A Unicode space is found at its lead byte (C2, E1, E2 or E3) by reading the bytes
    /// after it, so nothing is carried from one eight to the next but whether the last byte was a space: the
    /// bytes are a `String`'s, valid UTF-8, and a lead byte's continuation bytes always follow it.
    static func isAlreadyClean(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first, let last = bytes.last, first != 0x20, last != 0x20 else { return false }
        let count = bytes.count
        // The high bit of lane 0 when the byte before the current eight is a space.
        var spaceBefore: UInt64 = 0
        var index = 0
        while index &+ 8 <= count {
            let word = ByteLanes.load(bytes, at: index)
            if !cleanLanes(word, at: index, of: bytes, spaceBefore: spaceBefore, lanes: ByteLanes.high) { return false }
            spaceBefore = (word & 0xFF00_0000_0000_0000) == 0x2000_0000_0000_0000 ? 0x80 : 0
            index &+= 8
        }
        guard index < count else { return true }
        // The last bytes: the eight ending the line when there are eight (those before `index` were read, and
        // reading them again finds nothing new), else the few bytes alone, the lanes past the end masked.
        if count >= 8 {
            return cleanLanes(ByteLanes.load(bytes, at: count &- 8), at: count &- 8, of: bytes, spaceBefore: 0, lanes: ByteLanes.high)
        }
        let lanes = ByteLanes.high & ~(UInt64.max << UInt64(8 &* count))
        return cleanLanes(ByteLanes.loadTail(bytes, at: 0), at: 0, of: bytes, spaceBefore: spaceBefore, lanes: lanes)
    }

    /// Whether the eight bytes `word` at `index` of `bytes` (only the `lanes` whose high bit is set) hold nothing
    /// that `isAlreadyClean` rejects; `spaceBefore` is 0x80 when the byte before them is a space.
    @inline(__always)
    static func cleanLanes(
        _ word: UInt64, at index: Int, of bytes: UnsafeBufferPointer<UInt8>, spaceBefore: UInt64, lanes: UInt64
    ) -> Bool {
        let high = ByteLanes.high, ones = ByteLanes.ones
        let spaces = ByteLanes.equal(word, 0x20) & lanes
        // ASCII bytes below the space: a byte below 0x80 with its high bit set loses it by subtracting 0x20.
        let controls = ~((word | high) &- ones &* 0x20) & ~word & lanes
        if spaces & (spaces << 8 | spaceBefore) != 0 { return false }
        if controls != 0 && !controlsAreClean(word, controls) { return false }
        guard word & high & lanes != 0 else { return true }
        // C2 and E2 differ in their 0x20 bit only, as E1 and E3 in their 0x02 bit.
        var leads = (ByteLanes.equal(word & (ones &* 0xDF), 0xC2) | ByteLanes.equal(word & (ones &* 0xFD), 0xE1)) & lanes
        while leads != 0 {
            let lead = index &+ leads.trailingZeroBitCount &>> 3
            leads &= leads &- 1
            if !leadIsClean(bytes, at: lead) { return false }
        }
        return true
    }

    /// Of the control bytes marked in `controls`, tab, vertical tab, form feed and carriage return are white
    /// space; the others are left as they are.
    @inline(never)
    static func controlsAreClean(_ word: UInt64, _ controls: UInt64) -> Bool {
        var marked = controls
        while marked != 0 {
            let byte = UInt8(truncatingIfNeeded: word >> UInt64(marked.trailingZeroBitCount &- 7))
            if byte == 0x09 || (byte >= 0x0B && byte <= 0x0D) { return false }
            marked &= marked &- 1
        }
        return true
    }

    /// Whether the scalar led by C2, E1, E2 or E3 at `lead` is no Unicode space: C2 A0; E1 9A 80; E2 80 80–8A,
    /// A8, A9, AF; E2 81 9F; E3 80 80.
    @inline(__always)
    static func leadIsClean(_ bytes: UnsafeBufferPointer<UInt8>, at lead: Int) -> Bool {
        guard lead &+ 1 < bytes.count else { return true }
        let second = bytes[lead &+ 1]
        switch bytes[lead] {
        case 0xC2: return second != 0xA0
        case 0xE2:
            guard lead &+ 2 < bytes.count else { return true }
            let third = bytes[lead &+ 2]
            if second == 0x80 { return !(third <= 0x8A || third == 0xA8 || third == 0xA9 || third == 0xAF) }
            return !(second == 0x81 && third == 0x9F)
        default:
            guard lead &+ 2 < bytes.count else { return true }
            let third = bytes[lead &+ 2]
            return bytes[lead] == 0xE1 ? !(second == 0x9A && third == 0x80) : !(second == 0x80 && third == 0x80)
        }
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
            // The block's first line, and all its lines once it has a second: most blocks are one line.
            var first: String?
            var more: [String] = []
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
                    flush(&first, &more, into: &blocks)
                    continue
                }
                let slice = Substring(utf8[utf8.index(utf8.startIndex, offsetBy: lineStart)..<utf8.index(utf8.startIndex, offsetBy: end)])
                let cleaned = isAlreadyClean(line) ? String(slice) : collapseWhitespace(slice)
                if cleaned.isEmpty {
                    flush(&first, &more, into: &blocks)
                } else if let firstLine = first {
                    if more.isEmpty { more.append(firstLine) }
                    more.append(cleaned)
                } else {
                    first = cleaned
                }
            }
            flush(&first, &more, into: &blocks)
            return blocks
        }
    }

    /// Ends the block of `first` and `more`, if any. A block of one line is its own text: joining made a copy.
    @inline(__always)
    private static func flush(_ first: inout String?, _ more: inout [String], into blocks: inout [TextBlock]) {
        guard let firstLine = first else { return }
        if more.isEmpty {
            blocks.append(TextBlock(index: blocks.count, oneLine: firstLine))
        } else {
            blocks.append(TextBlock(index: blocks.count, lines: more, text: more.joined(separator: " ")))
            more = []
        }
        first = nil
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
