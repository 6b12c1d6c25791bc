/// The hash of a sentence: its words' `WordHash`es one after another, and a mark when the text ends inside the
/// last word (the plain definition hashed a space after every word a non-word scalar closes).
struct SentenceHash {
    private(set) var state: UInt64 = 0x84_2223_25cb_f29c
    private(set) var words = 0

    @inline(__always) mutating func add(word hash: UInt64) {
        state = HashMix.mix(state, hash)
        words &+= 1
    }

    /// The value kept for a sentence, `endsInWord` when the text ends inside its last word.
    @inline(__always) func value(endsInWord: Bool) -> Int {
        Int(truncatingIfNeeded: endsInWord ? HashMix.mix(state, 1) : state)
    }
}
