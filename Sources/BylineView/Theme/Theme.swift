/// A resolved set of styles for every element, plus the colour cycle for source tags.
public struct Theme: Sendable, Equatable {
    public let name: String
    private let styles: [ThemeElement: Style]
    /// Foreground colours given to sources in turn, so each source keeps one colour.
    public let sourceColors: [Color]

    public init(name: String, styles: [ThemeElement: Style], sourceColors: [Color]) {
        self.name = name
        self.styles = styles
        self.sourceColors = sourceColors
    }

    public func style(_ element: ThemeElement) -> Style { styles[element] ?? styles[.base] ?? .plain }

    /// The source tag's style for one source: its colour from the cycle, stable across runs.
    public func sourceStyle(_ source: String) -> Style {
        var style = style(.sourceTag)
        guard !sourceColors.isEmpty else { return style }
        let index = Int(truncatingIfNeeded: FNVHash.of(source) % UInt64(sourceColors.count))
        style.foreground = sourceColors[index]
        return style
    }

    /// This theme as a terminal with `depth` colours can show it (see `Style.degraded(to:)`).
    ///
    /// A bar or selection whose background differed from the screen's keeps differing: when both
    /// land on the same named colour, the bar takes the nearest other one, and without colour at
    /// all it is drawn in reverse video (the unfocused selection underlined, to stay distinct).
    public func degraded(to depth: ColorDepth) -> Theme {
        let originalBase = style(.base)
        let base = originalBase.degraded(to: depth)
        var degradedStyles: [ThemeElement: Style] = [:]
        for element in ThemeElement.allCases {
            let original = style(element)
            var small = original.degraded(to: depth)
            if depth <= .sixteen, element != .base, original.background != originalBase.background,
                small.background == base.background, case .ansi(let screen) = base.background,
                let rgb = original.background.approximateRGB
            {
                small.background = .ansi(ColorApproximation.nearestNamed(to: rgb, count: depth.namedColorCount, excluding: screen))
                small.foreground = original.foreground.degraded(to: depth) ?? .default
                small.keepForegroundVisible(original: original, depth: depth)
            }
            if depth == .none, element != .base, original.background != originalBase.background {
                // Without colour, reverse video stands in for a background of its own.
                small.modifiers.insert(.reverse)
            }
            degradedStyles[element] = small
        }
        if depth == .none, degradedStyles[.selectedRowUnfocused] == degradedStyles[.selectedRow] {
            degradedStyles[.selectedRowUnfocused] = Style(modifiers: [.underline, .bold])
        }
        let cycle = sourceColors.map { color in
            Style(foreground: color, background: base.background).degraded(to: depth).foreground
        }
        return Theme(name: name, styles: degradedStyles, sourceColors: depth == .none ? [] : cycle)
    }
}

/// A stable string hash (Swift's `Hasher` changes between runs).
enum FNVHash {
    static func of(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return hash
    }
}
