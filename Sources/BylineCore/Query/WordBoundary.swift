/// Where words start in folded UTF-8, the rule search matches by: a typed word matches at the start of a
/// word of the text (`kyi` finds `Kyiv`, `rain` does not find `Ukraine`).
///
/// A word is a run of letters, digits and marks; a CJK ideograph, kana or hangul syllable is a word of its
/// own, since those scripts do not put spaces between words (so any run of them can still be found).
/// Every other character (space, punctuation, symbols, emoji) starts a match wherever it is.
enum WordBoundary {
    /// Whether `scalar` belongs to a word.
    @inline(__always)
    static func isWordScalar(_ scalar: UInt32) -> Bool {
        // Arithmetic, not a table: a static table costs a lazy-initialisation check on every byte of every text.
        if scalar < 0x80 { return (scalar | 0x20) &- 0x61 < 26 || scalar &- 0x30 < 10 }
        return isWordScalar(scalar, bmpBits: bmpWord)
    }

    /// `isWordScalar` given `bmpWord`, which a loop over many scalars fetches once: each fetch of the static
    /// table is a call to check that it is initialised.
    @inline(__always)
    static func isWordScalar(_ scalar: UInt32, bmpBits: [UInt64]) -> Bool {
        if scalar < 0x80 { return (scalar | 0x20) &- 0x61 < 26 || scalar &- 0x30 < 10 }
        if scalar < 0x10000 { return bmpBits[Int(scalar >> 6)] & (1 << UInt64(scalar & 63)) != 0 }
        return computeIsWord(scalar)
    }

    /// Whether `scalar` is a word by itself: CJK ideographs, kana, hangul.
    @inline(__always)
    static func standsAlone(_ scalar: UInt32) -> Bool {
        // Most scalars asked about are below all the ranges: one comparison for them.
        scalar >= 0x1100 && ((0x3040...0x30FF).contains(scalar) || (0x3400...0x4DBF).contains(scalar) || (0x4E00...0x9FFF).contains(scalar)
            || (0xAC00...0xD7AF).contains(scalar) || (0x1100...0x11FF).contains(scalar) || (0x3130...0x318F).contains(scalar)
            || (0xF900...0xFAFF).contains(scalar) || (0xFF66...0xFF9F).contains(scalar) || (0x20000...0x3FFFF).contains(scalar))
    }

    /// Whether a word continues from `previous` into `current` (so no match may start at `current`).
    @inline(__always)
    static func continues(_ previous: UInt32, _ current: UInt32) -> Bool {
        isWordScalar(previous) && isWordScalar(current) && !standsAlone(previous) && !standsAlone(current)
    }

    /// Whether a match may start at `offset` (a character boundary) of `bytes`.
    static func isMatchStart(_ bytes: UnsafeRawBufferPointer, _ offset: Int) -> Bool {
        guard offset > 0, offset < bytes.count else { return true }
        let current = decode(bytes, at: offset).scalar
        var start = offset - 1
        while start > 0 && offset - start < 4 && bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return !continues(decode(bytes, at: start).scalar, current)
    }

    /// The scalar starting at `offset` and its length in bytes (a stray byte counts as itself).
    @inline(__always)
    static func decode(_ bytes: UnsafeRawBufferPointer, at offset: Int) -> (scalar: UInt32, length: Int) {
        let byte = bytes[offset]
        if byte < 0x80 { return (UInt32(byte), 1) }
        let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
        guard length > 1, offset + length <= bytes.count else { return (UInt32(byte), 1) }
        var value = UInt32(byte) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for index in 1..<length { value = value << 6 | UInt32(bytes[offset + index] & 0x3F) }
        return (value, length)
    }

    /// Calls `body` with the byte range of every word in `bytes`, in order.
    @inline(__always)
    static func forEachWord(_ bytes: UnsafeRawBufferPointer, _ body: (Range<Int>) -> Void) {
        var offset = 0, wordStart = -1
        var previous: UInt32 = 0x20
        let count = bytes.count
        let bmpBits = bmpWord
        while offset < count {
            let byte = bytes[offset]
            if byte < 0x80 && previous < 0x80 {
                // ASCII after ASCII, most of any text: no ASCII character stands alone, so a word goes on
                // exactly while letters and digits do. Whole runs are passed over here, a byte at a time.
                if isASCIIWord(byte) {
                    if wordStart < 0 { wordStart = offset }
                    offset &+= 1
                    // Eight bytes at a time to the first that is not an ASCII letter or digit; byte by byte
                    // only within the last eight.
                    while true {
                        if offset &+ 8 <= count {
                            let others = notASCIIWordBytes(bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
                            if others == 0 {
                                offset &+= 8
                                continue
                            }
                            offset &+= others.trailingZeroBitCount >> 3
                            break
                        }
                        while offset < count, isASCIIWord(bytes[offset]) { offset &+= 1 }
                        break
                    }
                    // Ended by ASCII that is no letter or digit (most words): the word is done, and that run
                    // is passed over at once too.
                    if offset < count && bytes[offset] < 0x80 {
                        body(wordStart..<offset)
                        wordStart = -1
                        offset &+= 1
                        while offset < count, bytes[offset] < 0x80, !isASCIIWord(bytes[offset]) { offset &+= 1 }
                    }
                } else {
                    if wordStart >= 0 {
                        body(wordStart..<offset)
                        wordStart = -1
                    }
                    offset &+= 1
                    while offset < count, bytes[offset] < 0x80, !isASCIIWord(bytes[offset]) { offset &+= 1 }
                }
                previous = UInt32(bytes[offset &- 1])
                continue
            }
            let scalar: UInt32, length: Int
            if byte < 0x80 {
                scalar = UInt32(byte)
                length = 1
            } else {
                (scalar, length) = decode(bytes, at: offset)
            }
            if isWordScalar(scalar, bmpBits: bmpBits) {
                if wordStart < 0 {
                    wordStart = offset
                } else if standsAlone(previous) || standsAlone(scalar) {
                    // Inside a word `previous` belongs to it, so only the scripts whose characters stand alone
                    // can end it here (`continues` without asking twice whether both are word characters).
                    body(wordStart..<offset)
                    wordStart = offset
                }
            } else if wordStart >= 0 {
                body(wordStart..<offset)
                wordStart = -1
            }
            previous = scalar
            offset += length
        }
        if wordStart >= 0 { body(wordStart..<count) }
    }

    /// The high bit of every byte of `word` (read from memory: its first byte is the lowest) that is not an
    /// ASCII letter or digit.
    @inline(__always)
    static func notASCIIWordBytes(_ word: UInt64) -> UInt64 {
        ~(ByteLanes.asciiLetters(word) | ByteLanes.between(word, 0x2F, 0x3A)) & ByteLanes.high
    }

    /// Whether the byte is an ASCII letter or digit (false for every byte above 0x7F): one bit of two
    /// constants, with no table to load.
    @inline(__always)
    static func isASCIIWord(_ byte: UInt8) -> Bool {
        // Bits 0x30…0x39 of the first 64 bytes; bits 0x41…0x5A and 0x61…0x7A of the next 64.
        let low: UInt64 = 0x03FF_0000_0000_0000, high: UInt64 = 0x07FF_FFFE_07FF_FFFE
        guard byte < 0x80 else { return false }
        return ((byte < 0x40 ? low : high) >> UInt64(byte & 0x3F)) & 1 != 0
    }

    /// The words of `bytes` as byte ranges.
    static func words(_ bytes: [UInt8]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        bytes.withUnsafeBytes { buffer in forEachWord(buffer) { ranges.append($0) } }
        return ranges
    }

    /// One bit per scalar of the Basic Multilingual Plane, set from the ranges generated into
    /// `WordBoundaryData.swift`: asking the properties of every scalar took about 28 M instructions at start.
    static let bmpWord: [UInt64] = {
        var bits = [UInt64](repeating: 0, count: 0x10000 / 64)
        let ranges = bmpWordRanges
        for pair in stride(from: 0, to: ranges.count, by: 2) {
            var value = Int(ranges[pair])
            let end = Int(ranges[pair + 1])
            while value < end {
                if value & 63 == 0 && value + 64 <= end {
                    bits[value >> 6] = ~0
                    value += 64
                } else {
                    bits[value >> 6] |= 1 << UInt64(value & 63)
                    value += 1
                }
            }
        }
        return bits
    }()

    /// The rule itself, from the scalar's Unicode properties.
    @inline(never)
    static func computeIsWord(_ value: UInt32) -> Bool {
        guard let scalar = Unicode.Scalar(value) else { return false }
        if (0x2000...0x206F).contains(value) { return false }
        let properties = scalar.properties
        if properties.isAlphabetic { return true }
        switch properties.generalCategory {
        case .decimalNumber, .letterNumber, .otherNumber, .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }
}
