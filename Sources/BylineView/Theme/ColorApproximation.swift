import Foundation

/// Nearest-colour and contrast arithmetic for the xterm 256-colour palette.
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

    /// The nearest of the 240 cube and grey entries (16–255) to an RGB colour; 0–15 are left out
    /// because terminals redefine them.
    public static func indexed(r: UInt8, g: UInt8, b: UInt8) -> UInt8 {
        UInt8(nearest(to: LabColor((Int(r), Int(g), Int(b))), in: 16..<256))
    }

    /// The nearest of the 16 named colours to a palette entry.
    public static func ansi(forIndexed index: UInt8) -> UInt8 {
        index < 16 ? index : nearestNamed(to: rgb(ofIndexed: index), count: 16)
    }

    /// The nearest of the first `count` (8 or 16) named colours to an RGB colour.
    ///
    /// With so few colours, plain distance turns a clear blue into grey. So a colour keeps its kind:
    /// a grey, a faint tint or a near-black goes to the nearest of black, grey and white, and a
    /// colour goes to the named colour of the closest hue, lightness breaking near-ties.
    /// `excluded` is left out (the screen's background, for a bar that must stay distinct).
    public static func nearestNamed(to color: (Int, Int, Int), count: Int, excluding excluded: UInt8? = nil) -> UInt8 {
        let target = LabColor(color)
        let candidates = (0..<min(max(count, 1), 16)).filter { $0 != excluded.map(Int.init) }
        let sameKind = candidates.filter { paletteLab[$0].isChromatic == target.readsAsColour }
        guard !sameKind.isEmpty else { return UInt8(nearest(to: target, in: candidates)) }
        guard target.readsAsColour else { return UInt8(nearest(to: target, in: sameKind)) }
        var best = sameKind[0]
        var bestScore = Double.infinity
        for candidate in sameKind {
            let other = paletteLab[candidate]
            let hue = target.hueDifference(to: other)
            let lightness = target.l - other.l
            let score = hue * hue + 0.5 * lightness * lightness
            if score < bestScore { bestScore = score; best = candidate }
        }
        return UInt8(best)
    }

    /// Of the first `count` named colours, the one that contrasts most with named colour `background`.
    static func mostContrasting(with background: UInt8, count: Int) -> UInt8 {
        let backgroundRGB = rgb(ofIndexed: background)
        let candidates = (0..<min(max(count, 1), 16)).map(UInt8.init)
        return candidates.max { contrastRatio(rgb(ofIndexed: $0), backgroundRGB) < contrastRatio(rgb(ofIndexed: $1), backgroundRGB) }
            ?? 7
    }

    /// The WCAG contrast ratio of two colours, from 1 (the same) to 21 (black on white).
    public static func contrastRatio(_ a: (Int, Int, Int), _ b: (Int, Int, Int)) -> Double {
        let la = relativeLuminance(a), lb = relativeLuminance(b)
        return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
    }

    /// WCAG relative luminance of an sRGB colour.
    static func relativeLuminance(_ color: (Int, Int, Int)) -> Double {
        let (r, g, b) = LabColor.linear(color)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b
    }

    private static func nearest(to target: LabColor, in candidates: some Sequence<Int>) -> Int {
        var best = 0
        var bestDistance = Double.infinity
        for candidate in candidates {
            let distance = paletteLab[candidate].distanceSquared(to: target)
            if distance < bestDistance { bestDistance = distance; best = candidate }
        }
        return best
    }

    private static let paletteLab: [LabColor] = (0..<256).map { LabColor(rgb(ofIndexed: UInt8($0))) }

    /// xterm's default 16 colours.
    static let ansiRGB: [(Int, Int, Int)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
        (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]
}

/// A colour in CIE L*a*b*, where straight-line distance roughly matches how different colours look.
struct LabColor: Sendable {
    let l: Double, a: Double, b: Double

    init(_ rgb: (Int, Int, Int)) {
        let (r, g, b) = Self.linear(rgb)
        // sRGB → XYZ (D65), scaled by the white point.
        let x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
        let y = 0.2126 * r + 0.7152 * g + 0.0722 * b
        let z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883
        func f(_ t: Double) -> Double { t > 0.008856 ? cbrt(t) : 7.787 * t + 16.0 / 116.0 }
        l = 116 * f(y) - 16
        a = 500 * (f(x) - f(y))
        self.b = 200 * (f(y) - f(z))
    }

    var chroma: Double { (a * a + b * b).squareRoot() }

    /// Whether a palette entry is a colour rather than black, white or grey.
    var isChromatic: Bool { chroma >= 15 }

    /// Whether a colour to approximate should stay a colour: clearly tinted (not a cream or a
    /// blue-grey) and not so dark it reads as black (Solarized's backgrounds).
    var readsAsColour: Bool { chroma >= 25 && l >= 25 }

    /// The difference in hue angle, in degrees (0–180).
    func hueDifference(to other: LabColor) -> Double {
        let difference = abs(atan2(b, a) - atan2(other.b, other.a)) * 180 / Double.pi
        return difference > 180 ? 360 - difference : difference
    }

    func distanceSquared(to other: LabColor) -> Double {
        let dl = l - other.l, da = a - other.a, db = b - other.b
        return dl * dl + da * da + db * db
    }

    /// The linear-light components of an sRGB colour, each 0–1.
    static func linear(_ rgb: (Int, Int, Int)) -> (Double, Double, Double) {
        func channel(_ value: Int) -> Double {
            let c = Double(min(max(value, 0), 255)) / 255
            return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        return (channel(rgb.0), channel(rgb.1), channel(rgb.2))
    }
}
