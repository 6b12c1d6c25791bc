/// One bit per entry: which entries match a search (or may, before checking).
struct MatchBits: Sendable, Equatable {
    private(set) var words: [UInt64]
    let count: Int

    init(count: Int, set value: Bool) {
        self.count = count
        words = [UInt64](repeating: value ? ~0 : 0, count: (count + 63) / 64)
        if value, count % 64 != 0 { words[words.count - 1] = (1 << UInt64(count % 64)) - 1 }
    }

    @inline(__always)
    subscript(index: Int) -> Bool {
        words[index >> 6] & (1 << UInt64(index & 63)) != 0
    }

    @inline(__always)
    mutating func set(_ index: Int) {
        words[index >> 6] |= 1 << UInt64(index & 63)
    }

    @inline(__always)
    mutating func clear(_ index: Int) {
        words[index >> 6] &= ~(1 << UInt64(index & 63))
    }

    /// Keeps only the entries also set in `other` (which must be as long).
    mutating func formIntersection(_ other: MatchBits) {
        words.withUnsafeMutableBufferPointer { mine in
            other.words.withUnsafeBufferPointer { theirs in
                for index in 0..<mine.count { mine[index] &= theirs[index] }
            }
        }
    }

    var setCount: Int { words.reduce(0) { $0 + $1.nonzeroBitCount } }

    /// The set entries, ascending.
    var setIndices: [Int32] {
        var result: [Int32] = []
        result.reserveCapacity(setCount)
        for (wordIndex, word) in words.enumerated() {
            var rest = word
            while rest != 0 {
                result.append(Int32(wordIndex << 6 + rest.trailingZeroBitCount))
                rest &= rest - 1
            }
        }
        return result
    }

    /// The same bits for a longer collection, entries past the old end set to `value`.
    func extended(to newCount: Int, with value: Bool) -> MatchBits {
        guard newCount > count else { return self }
        var result = MatchBits(count: newCount, set: value)
        for index in 0..<(count / 64) { result.words[index] = words[index] }
        for index in (count / 64 * 64)..<count { if self[index] != value { value ? result.clear(index) : result.set(index) } }
        return result
    }
}
