/// The step of the eight-byte hashes (`WordHash`, `SentenceHash`, the openings' and `TextKey`'s digests): one
/// multiply, and the high half folded down so that every input bit reaches the low bits as well.
enum HashMix {
    @inline(__always) static func mix(_ hash: UInt64, _ word: UInt64) -> UInt64 {
        let product = (hash ^ word) &* 0x9E37_79B9_7F4A_7C15
        return product ^ (product >> 32)
    }
}
