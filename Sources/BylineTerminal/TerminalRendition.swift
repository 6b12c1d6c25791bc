import BylineView

/// A style as the terminal can show it: colour numbers for ncurses (-1 is the terminal's default) and modifiers.
struct TerminalRendition: Hashable {
    var foreground: Int32
    var background: Int32
    var modifiers: Modifiers

    /// Degrades the style's colours to `depth`. Without `defaultColors` (no use_default_colors),
    /// the default colours become white on black, which is what pair 0 shows on such terminals.
    init(_ style: Style, depth: ColorDepth, defaultColors: Bool) {
        modifiers = style.modifiers
        foreground = Self.number(for: style.foreground, depth: depth) ?? -1
        background = Self.number(for: style.background, depth: depth) ?? -1
        if !defaultColors {
            if foreground < 0 { foreground = 7 }
            if background < 0 { background = 0 }
        }
    }

    /// Whether this rendition needs a colour pair other than the default pair 0.
    var usesColor: Bool { foreground >= 0 || background >= 0 }

    static func number(for color: Color, depth: ColorDepth) -> Int32? {
        switch color.degraded(to: min(depth, .indexed256)) {
        case nil, .default?: return nil
        case .ansi(let index)?: return Int32(index)
        case .indexed(let index)?: return Int32(index)
        case .rgb?: return nil // unreachable: degraded to at most 256 colours
        }
    }
}
