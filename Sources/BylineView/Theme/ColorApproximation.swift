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
    public static func nearestNamed(to color: (Int, Int, Int), count: Int) -> UInt8 {
        UInt8(nearest(to: LabColor(color), in: 0..<min(max(count, 1), 16)))
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

    private static func nearest(to target: LabColor, in range: Range<Int>) -> Int {
        var best = range.lowerBound
        var bestDistance = Double.infinity
        for candidate in range {
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
