/// Character classes of Unicode scalars with an ASCII fast path: property look-ups dominate the cost
/// of reading long English text.
enum ScalarClass {
    @inline(__always) static func isUpper(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 { return scalar.value >= 0x41 && scalar.value <= 0x5A }
        return !isPunctuationBlock(scalar.value) && scalar.properties.isUppercase
    }

    @inline(__always) static func isLower(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 { return scalar.value >= 0x61 && scalar.value <= 0x7A }
        return !isPunctuationBlock(scalar.value) && scalar.properties.isLowercase
    }

    @inline(__always) static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 { return isUpper(scalar) || isLower(scalar) }
        return !isPunctuationBlock(scalar.value) && scalar.properties.isAlphabetic
    }

    /// General Punctuation (U+2000–U+206F: curly quotes, dashes, ellipsis, spaces): no letters, digits or case.
    @inline(__always) static func isPunctuationBlock(_ value: UInt32) -> Bool {
        value >= 0x2000 && value <= 0x206F
    }

    /// Scalars that lower-casing leaves alone for certain: General Punctuation, CJK symbols, kana and ideographs.
    @inline(__always) static func hasNoCase(_ value: UInt32) -> Bool {
        isPunctuationBlock(value) || (value >= 0x3000 && value <= 0x9FFF)
    }

    @inline(__always) static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= 0x30 && scalar.value <= 0x39
    }

    /// `.`, `!`, `?` or `…`.
    @inline(__always) static func isSentenceEnd(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "." || scalar == "!" || scalar == "?" || scalar == "…"
    }

    /// Scalars that always form a character (grapheme cluster) on their own, neither joining the scalar before
    /// nor the one after: those below the combining marks but CR, the Cyrillic letters and signs but its
    /// combining marks (U+0483–U+0489), and the printing General Punctuation (quotes, dashes, ellipsis), not its
    /// joiners, format controls and line separators. (A scalar before them could still be a prepended mark that
    /// joins them, but such a mark does not stand alone itself.)
    @inline(__always) static func standsAlone(_ value: UInt32) -> Bool {
        if value < 0x300 { return value != 0x0D }
        return (value >= 0x400 && value <= 0x482) || (value >= 0x48A && value <= 0x52F)
            || (value >= 0x2010 && value <= 0x2027) || (value >= 0x2030 && value <= 0x205E)
    }
}
