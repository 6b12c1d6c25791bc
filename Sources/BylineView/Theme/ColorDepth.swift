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
}

extension Color {
    /// The nearest colour this depth can show (`nil` when the terminal has no colour at all).
    public func degraded(to depth: ColorDepth) -> Color? {
        switch (self, depth) {
        case (_, .none): return nil
        case (.default, _): return .default
        case (.ansi(let index), .eight): return .ansi(index % 8)
        case (.ansi, _): return self
        case (.indexed(let index), .eight), (.indexed(let index), .sixteen):
            let ansi = ColorApproximation.ansi(forIndexed: index)
            return .ansi(depth == .eight ? ansi % 8 : ansi)
        case (.indexed, _): return self
        case (.rgb, .direct): return self
        case (.rgb(let r, let g, let b), _):
            return Color.indexed(ColorApproximation.indexed(r: r, g: g, b: b)).degraded(to: depth)
        }
    }
}

/// Nearest-colour arithmetic for the xterm 256-colour palette.
public enum ColorApproximation {
    /// RGB of a palette entry.
    public static func rgb(ofIndexed index: UInt8) -> (Int, Int, Int) {
        let i = Int(index)
        if i < 16 { return ansiRGB[i] }
        if i >= 232 { let level = 8 + (i - 232) * 10; return (level, level, level) }
        let cube = i - 16
        func level(_ n: Int) -> Int { n == 0 ? 0 : 55 + n * 40 }
        return (level(cube / 36), level(cube / 6 % 6), level(cube % 6))
    }

    /// The nearest of the 240 cube and grey entries (16–255) to an RGB colour.
    public static func indexed(r: UInt8, g: UInt8, b: UInt8) -> UInt8 {
        var best: UInt8 = 16
        var bestDistance = Int.max
        for candidate in 16...255 {
            let distance = distanceSquared(rgb(ofIndexed: UInt8(candidate)), (Int(r), Int(g), Int(b)))
            if distance < bestDistance { bestDistance = distance; best = UInt8(candidate) }
        }
        return best
    }

    /// The nearest of the 16 ANSI colours to a palette entry.
    public static func ansi(forIndexed index: UInt8) -> UInt8 {
        if index < 16 { return index }
        let target = rgb(ofIndexed: index)
        var best: UInt8 = 0
        var bestDistance = Int.max
        for candidate in 0..<16 {
            let distance = distanceSquared(ansiRGB[candidate], target)
            if distance < bestDistance { bestDistance = distance; best = UInt8(candidate) }
        }
        return best
    }

    static func distanceSquared(_ a: (Int, Int, Int), _ b: (Int, Int, Int)) -> Int {
        let dr = a.0 - b.0, dg = a.1 - b.1, db = a.2 - b.2
        return 2 * dr * dr + 4 * dg * dg + 3 * db * db
    }

    /// xterm's default 16 colours.
    static let ansiRGB: [(Int, Int, Int)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
        (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]
}
