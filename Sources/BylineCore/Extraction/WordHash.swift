/// The hash of a word's lower-cased scalars, built so that the word pass can take a run of ASCII bytes eight at
/// a time with one multiply, where FNV-1a paid a serial multiply for every byte.
///
/// The word is read as a stream of units: an ASCII scalar is one byte, any other scalar three (its value with
/// the high bit of the first byte set, so the stream reads back one way only). The stream is mixed in eight
/// byte chunks, the last one padded with zeros and with its length in the top byte. The value depends only on
/// the lower-cased scalars, however a caller cuts them into runs: a scalar whose lower case is ASCII (`İ`, the
/// Kelvin sign) counts as that ASCII byte.
struct WordHash {
    private var state: UInt64 = WordHash.seed
    /// The state of an empty stream.
    static let seed: UInt64 = 0xcbf2_9ce4_8422_2325
    /// Bytes of the stream not mixed yet, in the low `pendingBits` bits.
    private var pending: UInt64 = 0
    private var pendingBits: UInt64 = 0

    /// The hash of `word`'s scalars, lower-cased (the plain definition the fast paths stand in for).
    static func of(_ word: Substring) -> UInt64 {
        var hash = WordHash()
        for scalar in word.unicodeScalars { hash.append(lowered: StopWords.lowercased(scalar)) }
        return hash.value
    }

    /// Appends `count` (1…8) bytes held in the low bytes of `chunk`, the rest of it zero: ASCII scalars already
    /// lower-cased, or one scalar's three-byte unit.
    @inline(__always) mutating func append(_ chunk: UInt64, count: Int) {
        pending |= chunk &<< pendingBits
        let bits = pendingBits &+ UInt64(truncatingIfNeeded: count) &<< 3
        if bits >= 64 {
            state = HashMix.mix(state, pending)
            // The bytes of `chunk` that did not fit, `chunk >> (64 - pendingBits)`, in two shifts: `&>>` takes its
            // count modulo 64, so one shift by 64 (`pendingBits` 0, all of `chunk` fit) would keep `chunk`; the top
            // bit of `chunk` is clear, so a shift by 1 and then by 63 leaves zero.
            pending = (chunk &>> 1) &>> (63 &- pendingBits)
            pendingBits = bits &- 64
        } else {
            pendingBits = bits
        }
    }

    /// Appends one lower-cased scalar value.
    @inline(__always) mutating func append(lowered value: UInt32) {
        if value < 0x80 {
            append(UInt64(value), count: 1)
        } else {
            let value = UInt64(value)
            append(0x80 | value & 0x7F | (value >> 7) << 8, count: 3)
        }
    }

    /// The hash of a word of one to seven ASCII scalars, lower-cased, in the low `bits / 8` bytes of `lowered`
    /// (the rest zero): what appending them to a fresh hash and taking its `value` gives, with no state kept.
    @inline(__always) static func ofShortRun(_ lowered: UInt64, bits: UInt64) -> UInt64 {
        HashMix.mix(seed, lowered | bits &<< 53)
    }

    /// The hash of a word of eight to fifteen ASCII scalars, lower-cased: the first eight in `first`, the rest
    /// in the low `bits / 8` bytes of `rest` (the rest of it zero; all zero for a word of eight): the first
    /// eight fill a chunk and are mixed, the rest pend as in `ofShortRun`.
    @inline(__always) static func ofLongerRun(_ first: UInt64, _ rest: UInt64, bits: UInt64) -> UInt64 {
        HashMix.mix(HashMix.mix(seed, first), rest | bits &<< 53)
    }

    /// The hash of the stream appended so far.
    var value: UInt64 { HashMix.mix(state, pending | pendingBits &<< 53) }
}
