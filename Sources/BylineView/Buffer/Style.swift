/// A terminal colour: the terminal's default, one of the 16 named colours, a 256-colour index, or RGB.
public enum Color: Sendable, Hashable {
    case `default`
    /// 0–7 normal, 8–15 bright (black, red, green, yellow, blue, magenta, cyan, white).
    case ansi(UInt8)
    case indexed(UInt8)
    case rgb(UInt8, UInt8, UInt8)
}

/// Text attributes that work without colour.
public struct Modifiers: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public static let bold = Modifiers(rawValue: 1 << 0)
    public static let dim = Modifiers(rawValue: 1 << 1)
    public static let italic = Modifiers(rawValue: 1 << 2)
    public static let underline = Modifiers(rawValue: 1 << 3)
    public static let reverse = Modifiers(rawValue: 1 << 4)
}

/// How a cell looks: foreground, background and modifiers.
public struct Style: Sendable, Hashable {
    public var foreground: Color
    public var background: Color
    public var modifiers: Modifiers

    public init(foreground: Color = .default, background: Color = .default, modifiers: Modifiers = []) {
        self.foreground = foreground
        self.background = background
        self.modifiers = modifiers
    }

    public static let plain = Style()

    /// This style with `other`'s non-default colours laid over it and the modifiers of both.
    public func patched(with other: Style) -> Style {
        Style(
            foreground: other.foreground == .default ? foreground : other.foreground,
            background: other.background == .default ? background : other.background,
            modifiers: modifiers.union(other.modifiers))
    }

    public func adding(_ extra: Modifiers) -> Style {
        var copy = self
        copy.modifiers.formUnion(extra)
        return copy
    }
}
