/// A string as a dictionary key that hashes its UTF-8 eight bytes at a time instead of the standard library's
/// per-lookup normalisation, with the same equality as `String` (canonical equivalence).
///
/// Equal strings must hash alike: the digest is taken over the NFC form, which is the bytes themselves
/// for the scalars that are NFC whatever surrounds them (almost all news text), and the standard library's
/// own NFC code units otherwise.
struct TextKey: Hashable {
    let text: String
    let digest: UInt64

    init(_ text: String) {
        self.text = text
        digest = Self.digest(text)
    }

    static func == (lhs: TextKey, rhs: TextKey) -> Bool {
        guard lhs.digest == rhs.digest else { return false }
        let sameBytes = UTF8Text.withBytes(lhs.text) { left in
            UTF8Text.withBytes(rhs.text) { right in
                guard left.count == right.count else { return false }
                for index in 0..<left.count where left[index] != right[index] { return false }
                return true
            }
        }
        return sameBytes || lhs.text == rhs.text
    }

    func hash(into hasher: inout Hasher) { hasher.combine(digest) }

    static func digest(_ text: String) -> UInt64 {
        if let simple = UTF8Text.withBytes(text, simpleDigest) { return simple }
        return nfcDigest(text)
    }

    static func digest(_ text: Substring) -> UInt64 {
        if let simple = UTF8Text.withBytes(text, simpleDigest) { return simple }
        return nfcDigest(String(text))
    }

    private static func nfcDigest(_ text: String) -> UInt64 {
        Array(text._nfcCodeUnits).withUnsafeBufferPointer(hashBytes)
    }

    /// The digest of the bytes when they are their own NFC form, else nil: `hashBytes`, with the lead bytes of
    /// any eight that are not all ASCII checked in the same pass.
    private static func simpleDigest(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64? {
        var lanes = Lanes()
        var index = 0
        // Sixteen bytes a turn while they are ASCII, up to the first that are not (most texts are ASCII all
        // through; the digest is the same as eight at a time). Going back to sixteen after such bytes cost more.
        while index + 16 <= bytes.count {
            let first = UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self)
            let second = UnsafeRawPointer(bytes.baseAddress! + index + 8).loadUnaligned(as: UInt64.self)
            if (first | second) & 0x8080_8080_8080_8080 != 0 { break }
            lanes.add(first, second)
            index += 16
        }
        while index + 8 <= bytes.count {
            let word = UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self)
            // Only a lead byte can start a scalar that NFC might change.
            if word & 0x8080_8080_8080_8080 != 0 {
                // The lead bytes (11xxxxxx): bit 7 of a byte, and its bit 6 moved up to bit 7.
                var leads = word & (word << 1) & 0x8080_8080_8080_8080
                while leads != 0 {
                    let lead = index + leads.trailingZeroBitCount / 8
                    if !isNormalizedAnywhere(UTF8Text.decode(bytes, at: lead).value) { return nil }
                    leads &= leads - 1
                }
            }
            lanes.add(word)
            index += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while index < bytes.count {
            if bytes[index] >= 0xC0, !isNormalizedAnywhere(UTF8Text.decode(bytes, at: index).value) { return nil }
            tail |= UInt64(bytes[index]) << shift
            shift += 8
            index += 1
        }
        return lanes.digest(tail: tail, count: bytes.count)
    }

    /// A digest of the text's NFC form taken from its first and last sixteen bytes only (all of it when shorter
    /// than 32 bytes): equal for texts equal as `String`s, and cheaper than `digest` for a long text, whose middle
    /// is looked at only when NFC might change its ends (`sampleOfASCIIEnds`, `sampleOfNormalizedEnds`). Texts
    /// that share it must be told apart by their `TextKey`s.
    static func sampledDigest(_ text: String) -> UInt64 {
        if let ends = UTF8Text.withBytes(text, sampleOfASCIIEnds) { return ends }
        return plainSampledDigest(text)
    }

    /// `sampledDigest` with the whole text checked for scalars NFC might change: the plain code that
    /// `sampleOfASCIIEnds` spares for most texts.
    static func plainSampledDigest(_ text: String) -> UInt64 {
        if let simple = UTF8Text.withBytes(text, { isNFCAsItIs($0) ? sampleBytes($0) : nil }) { return simple }
        return Array(text._nfcCodeUnits).withUnsafeBufferPointer(sampleBytes)
    }

    /// `sampleBytes` of the text's NFC form read from the text itself, without looking at its middle, when its
    /// first 24 bytes and last 16 are ASCII; else what `sampleOfNormalizedEnds` finds. NFC keeps ASCII as it is; the ASCII byte after the
    /// first 16 stops a mark further on from reaching them (it can only join that byte), and no scalar
    /// composes with an ASCII one that follows it, so the NFC form begins and ends with those same 16 bytes.
    /// Its length may differ, which is why `sampleBytes` leaves the length out.
    private static func sampleOfASCIIEnds(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64? {
        guard bytes.count >= 33 else { return nil }
        let first = ByteLanes.load(bytes, at: 0), second = ByteLanes.load(bytes, at: 8)
        let third = ByteLanes.load(bytes, at: 16)
        let last = ByteLanes.load(bytes, at: bytes.count - 16), final = ByteLanes.load(bytes, at: bytes.count - 8)
        guard (first | second | third | last | final) & ByteLanes.high == 0 else { return sampleOfNormalizedEnds(bytes) }
        return sampleBytes(bytes)
    }

    /// `sampleOfASCIIEnds` for ends beyond ASCII: the scalars that hold the first 16 bytes, the one after them
    /// and those that hold the last 16 all `isNormalizedAnywhere` (starters that NFC keeps, whose decomposed
    /// form, if any, starts with a starter: a mark further on joins the one after the first 16 bytes at most, and
    /// none of them is the second of a composition); else nil.
    private static func sampleOfNormalizedEnds(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64? {
        guard bytes.count >= 40, let afterOpening = normalizedScalars(bytes, from: 0, through: 15),
              let afterNext = normalizedScalars(bytes, from: afterOpening, through: afterOpening) else { return nil }
        var ending = bytes.count - 16
        while bytes[ending] & 0xC0 == 0x80 { ending -= 1 }
        guard afterNext <= ending, normalizedScalars(bytes, from: ending, through: bytes.count - 1) != nil else { return nil }
        return sampleBytes(bytes)
    }

    /// The index after the scalars from `start` (where one begins) through the one that holds byte `last`, when
    /// they are all `isNormalizedAnywhere`; else nil.
    private static func normalizedScalars(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, through last: Int) -> Int? {
        var index = start
        while index <= last {
            let byte = bytes[index]
            if byte < 0x80 {
                index += 1
                continue
            }
            guard byte >= 0xC0, leadIsNormalized(bytes, at: index) else { return nil }
            index += byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
        }
        return index
    }

    /// Whether every scalar of the UTF-8 is `isNormalizedAnywhere`: then the bytes are their own NFC form.
    /// Sixteen bytes a step; only the lead bytes of those that are not all ASCII are decoded.
    static func isNFCAsItIs(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index + 16 <= bytes.count {
            let first = ByteLanes.load(bytes, at: index), second = ByteLanes.load(bytes, at: index + 8)
            if (first | second) & ByteLanes.high != 0 {
                if !leadsNormalized(first, at: index, of: bytes) || !leadsNormalized(second, at: index + 8, of: bytes) {
                    return false
                }
            }
            index += 16
        }
        while index < bytes.count {
            if bytes[index] >= 0xC0, !leadIsNormalized(bytes, at: index) { return false }
            index += 1
        }
        return true
    }

    /// Whether the scalars led by the lead bytes (11xxxxxx) among the eight bytes `word` at `index` are all
    /// `isNormalizedAnywhere`.
    @inline(__always)
    private static func leadsNormalized(_ word: UInt64, at index: Int, of bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var leads = word & (word << 1) & ByteLanes.high
        while leads != 0 {
            if !leadIsNormalized(bytes, at: index + leads.trailingZeroBitCount / 8) { return false }
            leads &= leads - 1
        }
        return true
    }

    /// `isNormalizedAnywhere` of the scalar led by the byte at `lead`, the common cases read from the bytes:
    /// a lead below CC (U+0080–U+02FF, Latin), and E2 80 82–E2 81 AF (U+2002–U+206F: quotes, dashes, ellipsis).
    @inline(__always)
    private static func leadIsNormalized(_ bytes: UnsafeBufferPointer<UInt8>, at lead: Int) -> Bool {
        let first = bytes[lead]
        if first < 0xCC { return true }
        if first == 0xE2 {
            let second = bytes[lead + 1], third = bytes[lead + 2]
            if (second == 0x80 && third >= 0x82) || (second == 0x81 && third <= 0xAF) { return true }
        }
        return isNormalizedAnywhere(UTF8Text.decode(bytes, at: lead).value)
    }

    /// `hashBytes` of a text of fewer than 32 bytes; of the first and last sixteen for a longer one.
    private static func sampleBytes(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        guard bytes.count >= 32 else { return hashBytes(bytes) }
        var lanes = Lanes()
        lanes.add(ByteLanes.load(bytes, at: 0), ByteLanes.load(bytes, at: 8))
        lanes.add(ByteLanes.load(bytes, at: bytes.count - 16), ByteLanes.load(bytes, at: bytes.count - 8))
        // Not the length: `sampleOfASCIIEnds` does not know the NFC form's.
        return lanes.digest(tail: 0, count: 32)
    }

    /// A hash of the bytes taken eight at a time (one multiply per word, where FNV-1a paid one per byte),
    /// with the length folded in so a shorter text padded with zero bytes differs.
    private static func hashBytes(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var lanes = Lanes()
        var index = 0
        while index + 8 <= bytes.count {
            lanes.add(UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self))
            index += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while index < bytes.count {
            tail |= UInt64(bytes[index]) << shift
            shift += 8
            index += 1
        }
        return lanes.digest(tail: tail, count: bytes.count)
    }

    /// Two hashes that take the eight-byte words in turn: the even words one, the odd words the other, so that
    /// the two multiplies of sixteen bytes run side by side instead of one after the other.
    private struct Lanes {
        /// The lane the next word goes to, and the other.
        var next: UInt64 = 0xcbf2_9ce4_8422_2325
        var other: UInt64 = 0x8422_2325_cbf2_9ce4

        @inline(__always) mutating func add(_ word: UInt64) {
            (next, other) = (other, HashMix.mix(next, word))
        }

        /// Two words: the first to `next`, the second to `other`, as two `add`s would.
        @inline(__always) mutating func add(_ first: UInt64, _ second: UInt64) {
            next = HashMix.mix(next, first)
            other = HashMix.mix(other, second)
        }

        func digest(tail: UInt64, count: Int) -> UInt64 {
            let hash = HashMix.mix(HashMix.mix(HashMix.mix(next, other), tail), UInt64(count))
            return hash ^ (hash >> 29)
        }
    }

    /// Scalars that NFC leaves as they are and never composes with a neighbour: starters without a canonical
    /// decomposition to undo or a mark to absorb (Latin below the combining marks, most Cyrillic, General
    /// Punctuation but the two quads, CJK punctuation and kana but the voicing marks, CJK ideographs, Hangul
    /// syllables, full-width forms). A string of such scalars is its NFC form.
    @inline(__always)
    static func isNormalizedAnywhere(_ value: UInt32) -> Bool {
        value < 0x300 || (value >= 0x400 && value <= 0x482) || (value >= 0x48A && value <= 0x4FF)
            || (value >= 0x2002 && value <= 0x206F) || (value >= 0x3001 && value <= 0x3029)
            || (value >= 0x3030 && value <= 0x303F) || (value >= 0x3041 && value <= 0x3096)
            || (value >= 0x309B && value <= 0x30FF) || (value >= 0x4E00 && value <= 0x9FFF)
            || (value >= 0xAC00 && value <= 0xD7A3) || (value >= 0xFF01 && value <= 0xFF60)
    }
}

/// A fixed set of strings tested by digest first: most texts asked about are not members, and a miss then
/// costs one pass over the bytes instead of the standard library's normalising hash.
struct StringSet: Sendable {
    private let members: Set<String>
    private let digests: HashSet64

    init(_ members: some Sequence<String>) {
        self.members = Set(members)
        digests = HashSet64(self.members.map(TextKey.digest))
    }

    func contains(_ text: String) -> Bool { digests.contains(TextKey.digest(text)) && members.contains(text) }
    func contains(_ text: Substring) -> Bool { digests.contains(TextKey.digest(text)) && members.contains(String(text)) }
}
