/// One pass over bytes that tells whether they can be an article's text exactly as they are: valid UTF-8
/// that `TextSanitizer` would leave alone (no control character but the line feed, so no carriage return
/// either; nothing invisible; no mark with nothing to attach to; no flood of marks). Nearly every file is,
/// and then becomes a `String` with one copy instead of a validating copy and three more passes.
enum CleanText {
    /// What the pass found.
    enum Verdict: Equatable {
        /// Clean, and every byte is ASCII.
        case ascii
        /// Clean, with characters beyond ASCII.
        case unicode
        /// Not valid UTF-8, or sanitising would change something.
        case unclean
    }

    /// The text of `bytes` when they are clean, copied once and not validated again; else nil.
    static func string(_ bytes: ArraySlice<UInt8>) -> String? {
        bytes.withUnsafeBufferPointer { string($0) }
    }

    /// The same for bytes in memory.
    static func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        let verdict = Self.verdict(bytes)
        guard verdict != .unclean else { return nil }
        if #available(macOS 26.0, iOS 26.0, watchOS 26.0, tvOS 26.0, visionOS 26.0, *) {
            // Safe: `verdict` has just checked that the bytes are valid UTF-8, and whether they are ASCII.
            return String(copying: unsafe UTF8Span(unchecked: bytes.span, isKnownASCII: verdict == .ascii))
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Whether `bytes` are valid UTF-8 that sanitising leaves as it is, and whether they are ASCII.
    static func verdict(_ bytes: UnsafeBufferPointer<UInt8>) -> Verdict {
        guard let base = bytes.baseAddress else { return .ascii }
        let count = bytes.count
        let marks = CombiningMarks.shared
        var index = 0
        var combining = 0
        var ascii = true
        while index < count {
            // Sixteen bytes at once: printable ASCII needs nothing, so go straight to the first byte that is not.
            if index &+ 16 <= count {
                let first = suspectsBesidesLineFeeds(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
                let second = suspectsBesidesLineFeeds(UnsafeRawPointer(base + (index &+ 8)).loadUnaligned(as: UInt64.self))
                if first | second == 0 {
                    combining = 0
                    index &+= 16
                    continue
                }
                let skipped = first != 0 ? first.trailingZeroBitCount >> 3 : 8 + second.trailingZeroBitCount >> 3
                if skipped > 0 {
                    combining = 0
                    index &+= skipped
                }
            }
            let lead = base[index]
            if lead < 0x80 {
                guard (0x20...0x7E).contains(lead) || lead == 0x0A else { return .unclean }
                combining = 0
                index += 1
                continue
            }
            ascii = false
            // A run of characters beyond ASCII (a word of Cyrillic, say) is decoded one after another,
            // without a sixteen-byte check that would stop at once at each of them.
            repeat {
                let start = index
                guard let (value, length) = decodeValid(base, count, at: index) else { return .unclean }
                index += length
                guard marks.needsLook(value) else {
                    combining = 0
                    continue
                }
                // The rules of `TextSanitizer`'s byte loop, for the few scalars they concern.
                if value <= 0x9F || value == 0x2028 || value == 0x2029 { return .unclean }
                if TextSanitizer.isInvisible(Unicode.Scalar(value)!) { return .unclean }
                guard value >= 0x300 else {
                    combining = 0
                    continue
                }
                let isMark = marks.isCombiningMark(value)
                let attaches = isMark || value == 0x200C || value == 0x200D || (0xFE00...0xFE0F).contains(value)
                    || (0xE0100...0xE01EF).contains(value)
                if attaches && (start == 0 || base[start - 1] == 0x20 || base[start - 1] == 0x0A) { return .unclean }
                if isMark {
                    combining += 1
                    if combining > TextSanitizer.maxCombiningMarks { return .unclean }
                } else {
                    combining = 0
                }
            } while index < count && base[index] >= 0x80
        }
        return ascii ? .ascii : .unicode
    }

    /// The scalar of the well-formed UTF-8 sequence (lead byte at or above 0x80) at `index`, and its length;
    /// nil for a stray continuation byte, an overlong form, a surrogate, a value above U+10FFFF or a cut end.
    @inline(__always)
    private static func decodeValid(_ base: UnsafePointer<UInt8>, _ count: Int, at index: Int) -> (UInt32, Int)? {
        let lead = UInt32(base[index])
        if lead < 0xE0 {
            guard lead >= 0xC2, index + 1 < count else { return nil }
            let second = UInt32(base[index + 1])
            guard second & 0xC0 == 0x80 else { return nil }
            return ((lead & 0x1F) << 6 | (second & 0x3F), 2)
        }
        if lead < 0xF0 {
            guard index + 2 < count else { return nil }
            let second = UInt32(base[index + 1]), third = UInt32(base[index + 2])
            guard second & 0xC0 == 0x80, third & 0xC0 == 0x80 else { return nil }
            let value = (lead & 0x0F) << 12 | (second & 0x3F) << 6 | (third & 0x3F)
            guard value >= 0x800, value & 0xF800 != 0xD800 else { return nil }
            return (value, 3)
        }
        guard lead <= 0xF4, index + 3 < count else { return nil }
        let second = UInt32(base[index + 1]), third = UInt32(base[index + 2]), fourth = UInt32(base[index + 3])
        guard second & 0xC0 == 0x80, third & 0xC0 == 0x80, fourth & 0xC0 == 0x80 else { return nil }
        let value = (lead & 0x07) << 18 | (second & 0x3F) << 12 | (third & 0x3F) << 6 | (fourth & 0x3F)
        guard value >= 0x10000, value <= 0x10FFFF else { return nil }
        return (value, 4)
    }

    /// `suspects` without the line feeds, which are allowed and break lines every hundred bytes or so: the
    /// high bit of every byte equal to 0x0A is cleared. The bytes after one may still be flagged by its borrow
    /// (a space after it); the byte loop then finds them allowed, so only the first flag must be no later
    /// than the first byte that is not allowed, and it is.
    @inline(__always)
    static func suspectsBesidesLineFeeds(_ word: UInt64) -> UInt64 {
        let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        let zeroWhereLineFeed = UInt64(littleEndian: word) ^ 0x0A0A_0A0A_0A0A_0A0A
        // Exactly the bytes that are zero: adding 0x7F to the low seven bits carries into the high bit of every
        // byte but a zero one, and never across bytes.
        let lineFeeds = ~(((zeroWhereLineFeed & low) &+ low) | zeroWhereLineFeed | low)
        return suspects(word) & ~lineFeeds
    }

    /// A high bit in the byte of `word` (read from memory, so its first byte is the lowest) where the first
    /// byte that is not printable ASCII (U+0020…U+007E) lies, and perhaps in later bytes; 0 when all are.
    @inline(__always)
    static func suspects(_ word: UInt64) -> UInt64 {
        let word = UInt64(littleEndian: word)
        let high: UInt64 = 0x8080_8080_8080_8080, ones: UInt64 = 0x0101_0101_0101_0101
        // A byte's high bit ends up set when it was set, when adding one reaches it (0x7F) or when taking 0x20
        // borrows (below 0x20). Carries and borrows start only at such bytes and move to later ones, so the
        // first flagged byte is exact.
        return (word | (word &+ ones) | (word &- 0x20 &* ones)) & high
    }
}
