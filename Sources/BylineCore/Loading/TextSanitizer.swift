#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Makes untrusted article text inert: escape sequences, control characters, bidi overrides and
/// invisible characters are removed, so nothing from a file can drive the terminal or reorder text.
public enum TextSanitizer {
    /// Combining marks kept after one base character; floods beyond this are dropped.
    static let maxCombiningMarks = 3

    /// Sanitises a whole article, keeping line breaks; tabs become spaces.
    public static func sanitize(_ text: String) -> String {
        // Most text needs nothing; say so in one pass without building a copy.
        if UTF8Text.withBytes(text, { CleanText.verdict($0) != .unclean }) { return text }
        if let clean = sanitizeWithoutEscapes(text) { return clean }
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count)
        var scalars = text.unicodeScalars.makeIterator()
        var combining = 0
        var pending = scalars.next()
        while let scalar = pending {
            pending = scalars.next()
            switch scalar.value {
            case 0x20...0x7E:
                output.append(UInt8(scalar.value))
                combining = 0
            case 0x1B:
                pending = skipEscapeSequence(after: pending, in: &scalars)
            case 0x9B, 0x9D, 0x90, 0x98, 0x9E, 0x9F:
                pending = skipControlString(introducer: scalar.value, next: pending, in: &scalars)
            case 0x0A, 0x85, 0x2028, 0x2029:
                // NEL and the Unicode line/paragraph separators end lines like `\n` does; terminals would not.
                output.append(0x0A)
                combining = 0
            case 0x09:
                output.append(0x20)
                combining = 0
            case 0x00...0x1F, 0x7F...0x9F:
                continue
            default:
                if isInvisible(scalar) { continue }
                // A mark or joiner with no character before it on the line has nothing to attach to: on a
                // terminal it would join whatever was drawn in the cell before, so it goes.
                if scalar.value >= 0x300 && isAttachingMark(scalar) && !followsVisibleCharacter(output) { continue }
                // Combining marks all lie above U+0300; skip the property lookup below that.
                if scalar.value >= 0x300 && isCombiningMark(scalar) {
                    combining += 1
                    if combining > maxCombiningMarks { continue }
                } else {
                    combining = 0
                }
                UTF8.encode(scalar) { output.append($0) }
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// The same rules read from the UTF-8, for text without ESC or C1 string introducers (nearly all text):
    /// nil when one is present, for the scalar loop above to skip the sequences. Returns `text` itself when
    /// nothing had to go.
    private static func sanitizeWithoutEscapes(_ text: String) -> String? {
        var source = text
        return source.withUTF8 { bytes -> String? in
            var index = 0
            while index < bytes.count {
                // Eight bytes at once when none is ESC or C2 (the lead byte of every C1 introducer).
                if index + 8 <= bytes.count {
                    let word = UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self)
                    if !ByteLanes.contains(word, 0x1B) && !ByteLanes.contains(word, 0xC2) {
                        index += 8
                        continue
                    }
                }
                let byte = bytes[index]
                index += 1
                if byte == 0x1B { return nil }
                // U+0090, U+0098, U+009B, U+009D–U+009F are C2 followed by these.
                if byte == 0xC2, index < bytes.count {
                    switch bytes[index] {
                    case 0x90, 0x98, 0x9B, 0x9D, 0x9E, 0x9F: return nil
                    default: break
                    }
                }
            }
            let marks = CombiningMarks.shared
            var output = [UInt8]()
            output.reserveCapacity(bytes.count)
            var changed = false
            var combining = 0
            index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte < 0x80 {
                    index += 1
                    switch byte {
                    case 0x20...0x7E, 0x0A:
                        output.append(byte)
                        combining = 0
                    case 0x09:
                        output.append(0x20)
                        combining = 0
                        changed = true
                    default:
                        changed = true
                    }
                    continue
                }
                let start = index
                let (value, length) = UTF8Text.decode(bytes, at: index)
                index += length
                switch value {
                case 0x85, 0x2028, 0x2029:
                    output.append(0x0A)
                    combining = 0
                    changed = true
                    continue
                case 0x80...0x9F:
                    changed = true
                    continue
                default:
                    break
                }
                if isInvisible(Unicode.Scalar(value)!) { changed = true; continue }
                if value >= 0x300 {
                    let isMark = marks.isCombiningMark(value)
                    let attaches = isMark || value == 0x200C || value == 0x200D || (0xFE00...0xFE0F).contains(value)
                        || (0xE0100...0xE01EF).contains(value)
                    if attaches && !followsVisibleCharacter(output) { changed = true; continue }
                    if isMark {
                        combining += 1
                        if combining > maxCombiningMarks { changed = true; continue }
                    } else {
                        combining = 0
                    }
                } else {
                    combining = 0
                }
                for offset in start..<index { output.append(bytes[offset]) }
            }
            return changed ? String(decoding: output, as: UTF8.self) : text
        }
    }

    /// Scalars that only modify the character before them: combining marks, joiners, variation selectors.
    private static func isAttachingMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x200C, 0x200D, 0xFE00...0xFE0F, 0xE0100...0xE01EF: return true
        default: return isCombiningMark(scalar)
        }
    }

    /// Whether the text so far ends in something a mark can attach to (not a line start, space or nothing).
    private static func followsVisibleCharacter(_ output: [UInt8]) -> Bool {
        guard let last = output.last else { return false }
        return last != 0x20 && last != 0x0A
    }

    private static func isCombiningMark(_ scalar: Unicode.Scalar) -> Bool {
        let category = scalar.properties.generalCategory
        return category == .nonspacingMark || category == .enclosingMark
    }

    /// Sanitises one line of text (a file name, a title): line breaks become spaces too.
    public static func sanitizeLine(_ text: String) -> String {
        let clean = sanitize(text)
        // A line rarely holds a line break (a folder name asked for every file never does): copy only then.
        guard UTF8Text.withBytes(clean, { $0.count > 0 && memchr($0.baseAddress!, 0x0A, $0.count) != nil }) else { return clean }
        return String(String.UnicodeScalarView(clean.unicodeScalars.map { $0 == "\n" ? " " : $0 }))
    }

    /// Bidi overrides and isolates, zero-width characters and other format controls.
    public static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x200B, 0x200E, 0x200F, 0x202A...0x202E, 0x2060...0x2064, 0x2066...0x2069, 0xFEFF, 0x00AD, 0x061C,
             0xFFF9...0xFFFB:
            return true
        default:
            return false
        }
    }

    /// Skips the rest of an ESC sequence: CSI (`ESC [`), OSC/DCS/SOS/PM/APC strings, or a short escape
    /// (`ESC c`, `ESC ( B`: intermediates 0x20–0x2F, then one final character). Returns the first scalar after it.
    private static func skipEscapeSequence(
        after next: Unicode.Scalar?, in scalars: inout String.UnicodeScalarView.Iterator
    ) -> Unicode.Scalar? {
        guard let next else { return nil }
        switch next {
        case "[":
            return skipControlString(introducer: 0x9B, next: scalars.next(), in: &scalars)
        case "]", "P", "X", "^", "_":
            return skipControlString(introducer: 0x9D, next: scalars.next(), in: &scalars)
        default:
            var current: Unicode.Scalar? = next
            while let scalar = current, (0x20...0x2F).contains(scalar.value) { current = scalars.next() }
            // A lone ESC before a line break or another control keeps that character.
            guard let final = current, (0x30...0x7E).contains(final.value) else { return current }
            return scalars.next()
        }
    }

    /// Skips a CSI body up to its final byte, or a string up to BEL / ST (`ESC \` or U+009C). An ESC
    /// inside a string that does not start ST begins a new escape sequence, as it does in a terminal.
    private static func skipControlString(
        introducer: UInt32, next: Unicode.Scalar?, in scalars: inout String.UnicodeScalarView.Iterator
    ) -> Unicode.Scalar? {
        var current = next
        var consumed = 0
        let limit = 4096
        while let scalar = current, consumed < limit {
            consumed += 1
            if introducer == 0x9B {
                if (0x40...0x7E).contains(scalar.value) { return scalars.next() }
                if !(0x20...0x3F).contains(scalar.value) { return current }
            } else {
                if scalar.value == 0x07 || scalar.value == 0x9C { return scalars.next() }
                if scalar.value == 0x1B {
                    let after = scalars.next()
                    return after == "\\" ? scalars.next() : skipEscapeSequence(after: after, in: &scalars)
                }
                if scalar == "\n" { return current }
            }
            current = scalars.next()
        }
        return current
    }
}

/// Which scalars of the Basic Multilingual Plane are combining marks (non-spacing or enclosing), looked up
/// once: the general-category look-up cost more than the rest of sanitising non-Latin text.
struct CombiningMarks: Sendable {
    static let shared = CombiningMarks()
    private let bits: [UInt64]
    /// The marks plus every other scalar of the plane a sanitising rule concerns (C1 controls, line and
    /// paragraph separators, invisible characters, joiners, variation selectors): the rest need no look.
    private let lookBits: [UInt64]

    /// Sets the bits from the ranges generated into `CombiningMarksData.swift`: asking the general category of
    /// every scalar took about 28 M instructions at every start.
    private init() {
        var bits = [UInt64](repeating: 0, count: 0x10000 / 64)
        let ranges = Self.ranges
        for pair in stride(from: 0, to: ranges.count, by: 2) {
            for value in Int(ranges[pair])..<Int(ranges[pair + 1]) { bits[value >> 6] |= 1 << UInt64(value & 63) }
        }
        self.bits = bits
        var lookBits = bits
        // The second line is what `TextSanitizer.isInvisible` lists (a test checks the two agree).
        let others = [0x80...0x9F, 0x2028...0x2029, 0x200C...0x200D, 0xFE00...0xFE0F,
                      0x200B...0x200B, 0x200E...0x200F, 0x202A...0x202E, 0x2060...0x2064, 0x2066...0x2069,
                      0xFEFF...0xFEFF, 0x00AD...0x00AD, 0x061C...0x061C, 0xFFF9...0xFFFB]
        for value in others.joined() { lookBits[value >> 6] |= 1 << UInt64(value & 63) }
        self.lookBits = lookBits
    }

    /// Whether a sanitising rule may concern the scalar `value` (every scalar beyond the plane may).
    @inline(__always) func needsLook(_ value: UInt32) -> Bool {
        value >= 0x10000 || lookBits[Int(value >> 6)] & (1 << UInt64(value & 63)) != 0
    }

    @inline(__always) func isCombiningMark(_ value: UInt32) -> Bool {
        if value < 0x10000 { return bits[Int(value >> 6)] & (1 << UInt64(value & 63)) != 0 }
        let category = Unicode.Scalar(value)?.properties.generalCategory
        return category == .nonspacingMark || category == .enclosingMark
    }
}
