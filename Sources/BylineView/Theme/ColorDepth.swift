/// How many colours the terminal can show.
public enum ColorDepth: Int, Sendable, Comparable, CaseIterable {
    case none = 0, eight = 8, sixteen = 16, indexed256 = 256, direct = 16_777_216

    /// The depth for a terminal reporting `colors` colours (and whether it can set RGB directly).
    public init(colors: Int, canSetRGB: Bool = false) {
        switch colors {
        case ..<8: self = .none
        case 8..<16: self = .eight
        case 16..<256: self = .sixteen
        default: self = canSetRGB && colors >= 16_777_216 ? .direct : .indexed256
        }
    }

    public static func < (lhs: ColorDepth, rhs: ColorDepth) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The named colours (0–7 or 0–15) a terminal of this depth has, for nearest-colour searches.
    var namedColorCount: Int { self == .eight ? 8 : 16 }
}

extension Color {
    /// The nearest colour this depth can show (`nil` when the terminal has no colour at all).
    ///
    /// Nearest means perceptually nearest (CIE Lab) to xterm's default palette: `#rrggbb` goes to the
    /// nearest of the 240 fixed 256-colour entries unless the terminal takes RGB directly, and
    /// anything goes to the nearest of the 8 or 16 named colours on smaller terminals.
    public func degraded(to depth: ColorDepth) -> Color? {
        switch (self, depth) {
        case (_, .none): return nil
        case (.default, _): return .default
        case (.ansi(let index), .eight) where index >= 8:
            return .ansi(ColorApproximation.nearestNamed(to: ColorApproximation.rgb(ofIndexed: index), count: 8))
        case (.ansi, _): return self
        case (.indexed(let index), .eight), (.indexed(let index), .sixteen):
            return .ansi(ColorApproximation.nearestNamed(to: ColorApproximation.rgb(ofIndexed: index), count: depth.namedColorCount))
        case (.indexed, _): return self
        case (.rgb, .direct): return self
        case (.rgb(let r, let g, let b), .indexed256):
            return .indexed(ColorApproximation.indexed(r: r, g: g, b: b))
        case (.rgb(let r, let g, let b), _):
            return .ansi(ColorApproximation.nearestNamed(to: (Int(r), Int(g), Int(b)), count: depth.namedColorCount))
        }
    }

    /// The colour's RGB in xterm's default palette (`nil` for the terminal's default colour).
    public var approximateRGB: (Int, Int, Int)? {
        switch self {
        case .default: nil
        case .ansi(let index), .indexed(let index): ColorApproximation.rgb(ofIndexed: index)
        case .rgb(let r, let g, let b): (Int(r), Int(g), Int(b))
        }
    }
}

extension Style {
    /// This style as a terminal with `depth` colours can show it.
    ///
    /// Colours go to their nearest; when readable text would become unreadable (say two colours
    /// land on the same one), the foreground becomes the available colour that contrasts most with
    /// the background, so text never vanishes.
    /// On 8-colour terminals a bright foreground that lost its brightness gains bold, which most of
    /// them draw bright. Without colour at all, only the modifiers remain.
    public func degraded(to depth: ColorDepth) -> Style {
        guard depth < .direct else { return self }
        guard depth > .none else { return Style(modifiers: modifiers) }
        var result = Style(
            foreground: foreground.degraded(to: depth) ?? .default,
            background: background.degraded(to: depth) ?? .default,
            modifiers: modifiers)
        if case .ansi(let index) = foreground, depth == .eight, (9...15).contains(index) {
            result.modifiers.insert(.bold)
        }
        result.keepForegroundVisible(original: self, depth: depth)
        return result
    }

    /// When readable text became unreadable (the same colour as its background, or nearly as
    /// light), makes the foreground the available colour that contrasts most.
    mutating func keepForegroundVisible(original: Style, depth: ColorDepth) {
        guard depth <= .sixteen, case .ansi(let backgroundIndex) = background, case .ansi(let foregroundIndex) = foreground,
            let originalForeground = original.foreground.approximateRGB,
            let originalBackground = original.background.approximateRGB
        else { return }
        let before = ColorApproximation.contrastRatio(originalForeground, originalBackground)
        let after = ColorApproximation.contrastRatio(
            ColorApproximation.rgb(ofIndexed: foregroundIndex), ColorApproximation.rgb(ofIndexed: backgroundIndex))
        guard foregroundIndex == backgroundIndex || (after < 2 && before >= 3) else { return }
        foreground = .ansi(ColorApproximation.mostContrasting(with: backgroundIndex, count: depth.namedColorCount))
    }
}
