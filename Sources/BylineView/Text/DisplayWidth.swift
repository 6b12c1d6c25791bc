import CTextWidth

/// Display width in terminal columns, measured the way ncurses measures it (the C library's wcwidth).
public enum DisplayWidth {
    /// Selects a UTF-8 locale once per process; wcwidth answers -1 for all non-ASCII without one.
    private static let localeReady: Bool = ctw_use_utf8_locale() != 0

    /// Columns for one scalar: 0, 1 or 2 (unprintable scalars count as 1, for the U+FFFD shown instead).
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        if scalar.value >= 0x20 && scalar.value < 0x7F { return 1 }
        _ = localeReady
        let width = Int(ctw_wcwidth(scalar.value))
        return width < 0 ? 1 : width
    }

    /// Columns for one grapheme: the sum over its scalars, as ncurses and tmux count it (so 👨‍👩‍👧 takes 6).
    public static func of(_ grapheme: Character) -> Int {
        if let byte = grapheme.asciiValue, byte >= 0x20 && byte < 0x7F { return 1 }
        return grapheme.unicodeScalars.reduce(0) { $0 + of($1) }
    }

    /// Columns for a whole string.
    public static func of(_ text: some StringProtocol) -> Int {
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text.utf8.count }
        return text.reduce(0) { $0 + of($1) }
    }

    /// Columns for a whole string (the same as the generic form, without its cost for callers in other modules).
    public static func of(_ text: String) -> Int {
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text.utf8.count }
        return text.reduce(0) { $0 + of($1) }
    }

    /// Whether a scalar is a grapheme of its own next to any other such scalar: letters and punctuation of
    /// the Latin, Greek and Cyrillic blocks, general punctuation and CJK, but no combining mark, joiner,
    /// control, Hangul jamo or emoji. Text made only of these can be laid out scalar by scalar.
    static func isStandalone(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20...0x7E, 0xA0...0x2FF, 0x370...0x482, 0x48A...0x52F, 0x2010...0x2027, 0x2030...0x205E,
             0x3000...0x3029, 0x4E00...0x9FFF, 0xFF01...0xFF60: true
        default: false
        }
    }

    /// A one-scalar grapheme as it may be drawn: U+FFFD when unprintable.
    public static func printable(_ scalar: Unicode.Scalar) -> String {
        if scalar.value >= 0x20 && scalar.value < 0x7F { return String(scalar) }
        _ = localeReady
        if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || ctw_wcwidth(scalar.value) < 0 { return "\u{FFFD}" }
        return String(scalar)
    }

    /// The grapheme as it may be drawn: unprintable scalars become U+FFFD.
    public static func printable(_ grapheme: Character) -> String {
        if let byte = grapheme.asciiValue, byte >= 0x20 && byte < 0x7F { return String(grapheme) }
        let scalars = grapheme.unicodeScalars
        _ = localeReady
        var result = String.UnicodeScalarView()
        for scalar in scalars {
            if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || ctw_wcwidth(scalar.value) < 0 {
                result.append("\u{FFFD}")
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }
}
