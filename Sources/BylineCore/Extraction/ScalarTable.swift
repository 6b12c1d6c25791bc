/// The classes the word and case tests ask of every scalar, looked up once per scalar value of the Basic
/// Multilingual Plane: Unicode property look-ups cost more than the rest of reading a Cyrillic or accented text.
/// Each entry is what `WordScanner.isWordScalar`, `ScalarClass.isUpper` and `ScalarClass.isLower` answer;
/// the tables are generated into source (ScalarTableTests checks them against the look-ups).
struct ScalarTable: Sendable {
    static let word: UInt8 = 1, upper: UInt8 = 2, lower: UInt8 = 4

    static let shared = ScalarTable()

    /// Flags of every scalar below U+10000 (surrogates have none).
    let flags: [UInt8]
    /// `StopWords.lowercased` of every scalar below U+0800 (Latin, Greek, Cyrillic…).
    let lowercase: [UInt32]

    /// Unpacks the tables generated into `ScalarTableData.swift`: computing them from the Unicode properties
    /// took about 80 M instructions at every start, as much as extracting a few hundred articles.
    private init() {
        var flags = [UInt8](repeating: 0, count: 0x10000)
        let runs = Self.flagRuns
        for (number, run) in runs.enumerated() {
            let end = number + 1 < runs.count ? Int(runs[number + 1] >> 8) : 0x10000
            let value = UInt8(truncatingIfNeeded: run)
            for scalar in Int(run >> 8)..<end { flags[scalar] = value }
        }
        var lowercase = (0..<UInt32(0x800)).map { $0 }
        let changes = Self.lowercaseChanges
        for pair in stride(from: 0, to: changes.count, by: 2) { lowercase[Int(changes[pair])] = changes[pair + 1] }
        self.flags = flags
        self.lowercase = lowercase
    }

    static func computeFlags(_ scalar: Unicode.Scalar) -> UInt8 {
        (WordScanner.isWordScalar(scalar) ? word : 0) | (ScalarClass.isUpper(scalar) ? upper : 0)
            | (ScalarClass.isLower(scalar) ? lower : 0)
    }

    @inline(__always) func flags(_ value: UInt32) -> UInt8 {
        value < 0x10000 ? flags[Int(value)] : Self.flagsBeyondTable(value)
    }

    /// Kept out of line, as `lowercasedBeyondTable` is: the property look-ups inlined into a loop set up their
    /// (resilient) type metadata at every call of the loop's function, whether a scalar needed them or not.
    @inline(never) private static func flagsBeyondTable(_ value: UInt32) -> UInt8 {
        computeFlags(UTF8Text.scalar(value))
    }

    /// `lowercased(value)` for a scalar whose `flags` the caller has: one above U+07FF that is not upper case
    /// is its own lower case (General Punctuation, whose scalars `ScalarClass.isUpper` does not ask about, holds
    /// no upper case either), so CJK and other caseless text pays no Unicode property look-up per scalar.
    @inline(__always) func lowercased(_ value: UInt32, flags: UInt8) -> UInt32 {
        value >= 0x800 && flags & Self.upper == 0 ? value : lowercased(value)
    }

    /// ASCII by arithmetic (most of any text, and no table load), the rest of U+0000…U+07FF from the table.
    @inline(__always) func lowercased(_ value: UInt32) -> UInt32 {
        if value < 0x80 { return value >= 0x41 && value <= 0x5A ? value + 0x20 : value }
        return value < 0x800 ? lowercase[Int(value)] : Self.lowercasedBeyondTable(value)
    }

    @inline(never) private static func lowercasedBeyondTable(_ value: UInt32) -> UInt32 {
        StopWords.lowercased(UTF8Text.scalar(value))
    }
}
