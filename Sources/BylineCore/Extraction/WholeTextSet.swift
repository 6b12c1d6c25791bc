/// A fixed set of strings asked whether it holds a whole text, given as UTF-8: byte for byte when the text is
/// its own NFC form whatever surrounds it (`LoweredOpening.isNFC`), where `String` equality (canonical
/// equivalence) is byte equality, and through `StringSet` otherwise.
struct WholeTextSet: Sendable {
    private let strings: StringSet
    private let patterns: BytePatterns
    /// Every member is its own NFC form: otherwise the bytes cannot decide.
    private let byBytes: Bool

    init(_ members: [String]) {
        strings = StringSet(members)
        patterns = BytePatterns(members)
        byBytes = members.allSatisfy { !$0.isEmpty && UTF8Text.withBytes($0, LoweredOpening.isNFC) }
    }

    /// `contains(String(decoding: bytes, as: UTF8.self))`; `isNFC` is `LoweredOpening.isNFC(bytes)`.
    func contains(_ bytes: UnsafeBufferPointer<UInt8>, isNFC: Bool) -> Bool {
        if isNFC && byBytes { return patterns.isWhole(bytes) }
        return strings.contains(String(decoding: bytes, as: UTF8.self))
    }
}
