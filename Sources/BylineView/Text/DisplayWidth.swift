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
        let scalars = grapheme.unicodeScalars
        if scalars.count == 1, let only = scalars.first { return of(only) }
        return scalars.reduce(0) { $0 + of($1) }
    }

    /// Columns for a whole string.
    public static func of(_ text: some StringProtocol) -> Int {
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text.utf8.count }
        return text.reduce(0) { $0 + of($1) }
    }

    /// The grapheme as it may be drawn: unprintable scalars become U+FFFD.
    public static func printable(_ grapheme: Character) -> String {
        let scalars = grapheme.unicodeScalars
        if scalars.count == 1, let only = scalars.first, only.value >= 0x20 && only.value < 0x7F { return String(grapheme) }
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
