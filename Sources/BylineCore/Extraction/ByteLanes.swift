/// Tests on eight bytes at once, loaded as one `UInt64` (the bit tricks of "Bit Twiddling Hacks"): the long
/// scans of a block spend a few instructions on eight bytes instead of several on each.
enum ByteLanes {
    static let high: UInt64 = 0x8080_8080_8080_8080
    static let ones: UInt64 = 0x0101_0101_0101_0101

    /// The eight bytes at `offset` (which must leave eight bytes).
    @inline(__always)
    static func load(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> UInt64 {
        UnsafeRawPointer(bytes.baseAddress! + offset).loadUnaligned(as: UInt64.self)
    }

    /// The bytes from `offset` to the end of `bytes` (fewer than eight), the lanes past the end zero.
    @inline(__always)
    static func loadTail(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> UInt64 {
        var word: UInt64 = 0
        var index = bytes.count
        while index > offset {
            index -= 1
            word = word << 8 | UInt64(bytes[index])
        }
        return word
    }

    /// The high bit of each byte of `word` that equals `byte` (any byte value; no carry crosses a lane).
    @inline(__always)
    static func equal(_ word: UInt64, _ byte: UInt8) -> UInt64 {
        let diff = word ^ (ones &* UInt64(byte))
        let sevens = ones &* 0x7F
        return ~(((diff & sevens) &+ sevens) | diff) & high
    }

    /// The high bit of each byte of `word` that is an ASCII letter (A–Z, a–z): with its 0x20 bit set, a letter
    /// lies between `` ` `` and `{`.
    @inline(__always)
    static func asciiLetters(_ word: UInt64) -> UInt64 {
        between(word | ones &* 0x20, 0x60, 0x7B)
    }

    /// Writes the eight bytes of `word` at `offset` of `output` (which must have room for them).
    @inline(__always)
    static func store(_ word: UInt64, into output: UnsafeMutableBufferPointer<UInt8>, at offset: Int) {
        UnsafeMutableRawPointer(output.baseAddress! + offset).storeBytes(of: word, as: UInt64.self)
    }

    /// The high bit of each capital (A–Z) of eight ASCII bytes: a byte plus 0x3F reaches 0x80 from `A` up, plus
    /// 0x25 from `[` up, and no sum of bytes below 0x80 carries into the next byte.
    @inline(__always)
    static func asciiCapitals(_ word: UInt64) -> UInt64 {
        (word &+ ones &* 0x3F) & ~(word &+ ones &* 0x25) & high
    }

    /// Eight ASCII bytes with A–Z made a–z.
    @inline(__always)
    static func asciiLowercased(_ word: UInt64) -> UInt64 {
        word | asciiCapitals(word) >> 2
    }

    /// Whether some byte of `word` equals `byte`.
    @inline(__always)
    static func contains(_ word: UInt64, _ byte: UInt8) -> Bool {
        let diff = word ^ (ones &* UInt64(byte))
        return (diff &- ones) & ~diff & high != 0
    }

    /// How many bytes of `word` lie strictly between `low` and `high` (exclusive), for a word of ASCII bytes
    /// only (each below 0x80) and bounds with 0 <= low <= 127, 0 <= high <= 128.
    @inline(__always)
    static func countBetween(_ word: UInt64, _ low: UInt64, _ high: UInt64) -> Int {
        count(between(word, low, high))
    }

    /// How many lanes of `lanes` have their high bit set, for a value with no other bit set (what `between`,
    /// `equal` and `asciiLetters` answer): the lanes summed by one multiply. The package is built for the
    /// baseline x86-64, which has no population count instruction: `nonzeroBitCount` took about twenty.
    @inline(__always)
    static func count(_ lanes: UInt64) -> Int {
        Int(truncatingIfNeeded: ((lanes &>> 7) &* ones) &>> 56)
    }

    /// The high bit of each byte of `word` that lies strictly between `low` and `high`, with the bounds of
    /// `countBetween`.
    @inline(__always)
    static func between(_ word: UInt64, _ low: UInt64, _ high: UInt64) -> UInt64 {
        let seven = ones &* 127
        let masked = word & seven
        return (ones &* (127 + high) &- masked) & ~word & (masked &+ ones &* (127 - low)) & Self.high
    }
}
