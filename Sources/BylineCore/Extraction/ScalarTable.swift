/// The classes the word and case tests ask of every scalar, looked up once per scalar value of the Basic
/// Multilingual Plane: Unicode property look-ups cost more than the rest of reading a Cyrillic or accented text.
/// Each entry is what `WordScanner.isWordScalar`, `ScalarClass.isUpper` and `ScalarClass.isLower` answer.
struct ScalarTable: Sendable {
    static let word: UInt8 = 1, upper: UInt8 = 2, lower: UInt8 = 4

    static let shared = ScalarTable()

    /// Flags of every scalar below U+10000 (surrogates have none).
    let flags: [UInt8]
    /// `StopWords.lowercased` of every scalar below U+0800 (Latin, Greek, Cyrillic…).
    let lowercase: [UInt32]

    private init() {
        flags = (0..<0x10000).map { value in
            guard let scalar = Unicode.Scalar(UInt32(value)) else { return 0 }
            return Self.computeFlags(scalar)
        }
        lowercase = (0..<0x800).map { value in
            Unicode.Scalar(UInt32(value)).map { StopWords.lowercased($0) } ?? UInt32(value)
        }
    }

    static func computeFlags(_ scalar: Unicode.Scalar) -> UInt8 {
        (WordScanner.isWordScalar(scalar) ? word : 0) | (ScalarClass.isUpper(scalar) ? upper : 0)
            | (ScalarClass.isLower(scalar) ? lower : 0)
    }

    @inline(__always) func flags(_ value: UInt32) -> UInt8 {
        value < 0x10000 ? flags[Int(value)] : Self.computeFlags(UTF8Text.scalar(value))
    }

    @inline(__always) func lowercased(_ value: UInt32) -> UInt32 {
        value < 0x800 ? lowercase[Int(value)] : StopWords.lowercased(UTF8Text.scalar(value))
    }
}
