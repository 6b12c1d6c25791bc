/// Which byte pairs occur in a text, hashed into 1,024 bits: a search term whose pairs are not all present
/// cannot occur, so most articles are ruled out for a rare term without reading their text.
struct BigramFilter: Sendable, Equatable {
    static let words = 16
    private(set) var bits: [UInt64]

    init(_ bytes: [UInt8]) {
        var bits = [UInt64](repeating: 0, count: Self.words)
        bytes.withUnsafeBufferPointer { buffer in
            guard buffer.count >= 2 else { return }
            for index in 1..<buffer.count {
                let slot = Self.slot(buffer[index - 1], buffer[index])
                bits[slot >> 6] |= 1 << UInt64(slot & 63)
            }
        }
        self.bits = bits
    }

    /// Whether every pair set in `needle` is set here (always true for a needle shorter than two bytes).
    @inline(__always)
    func mayContain(_ needle: BigramFilter) -> Bool {
        for word in 0..<Self.words where bits[word] & needle.bits[word] != needle.bits[word] { return false }
        return true
    }

    @inline(__always)
    private static func slot(_ first: UInt8, _ second: UInt8) -> Int {
        Int(((UInt32(first) << 8 | UInt32(second)) &* 0x9E37_79B1) >> 22)
    }
}
