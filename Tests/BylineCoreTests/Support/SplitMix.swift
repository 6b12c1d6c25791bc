/// A small seeded generator (SplitMix64), so a failing random test repeats.
struct SplitMix: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

    /// `count` of `pieces`, drawn one after another and joined: the random texts the shortcut tests compare on.
    mutating func pieces<Piece: RangeReplaceableCollection>(_ count: Int, from pieces: [Piece]) -> Piece {
        var joined = Piece()
        for _ in 0..<count { joined += pieces[below(pieces.count)] }
        return joined
    }

    /// Fewer than `bound` of `pieces` (the number drawn first), joined.
    mutating func pieces<Piece: RangeReplaceableCollection>(upTo bound: Int, from pieces: [Piece]) -> Piece {
        let count = below(bound)
        return self.pieces(count, from: pieces)
    }
}
