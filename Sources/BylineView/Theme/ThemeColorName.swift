/// The colour words a theme file may use besides palette names: terminal colour names, 0–255 and `#rrggbb`.
enum ThemeColorName {
    static let named: [String: Color] = {
        let names = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]
        var table: [String: Color] = ["default": .default]
        for (index, name) in names.enumerated() {
            table[name] = .ansi(UInt8(index))
            table["bright-" + name] = .ansi(UInt8(index + 8))
        }
        return table
    }()

    static let expected = "a palette name, a terminal colour (black … white, bright-black … bright-white, default), 0–255, or \"#rrggbb\""

    /// `#rrggbb` as a colour, or `nil`.
    static func hex(_ text: String) -> Color? {
        let digits = text.dropFirst()
        guard text.hasPrefix("#"), digits.count == 6, digits.allSatisfy(\.isHexDigit), let value = UInt32(String(text.dropFirst()), radix: 16) else { return nil }
        return .rgb(UInt8(value >> 16 & 0xff), UInt8(value >> 8 & 0xff), UInt8(value & 0xff))
    }

    /// A 256-colour index as a colour (0–15 are the terminal's named colours), or `nil` when out of range.
    static func index(_ value: Int) -> Color? {
        guard (0...255).contains(value) else { return nil }
        return value < 16 ? .ansi(UInt8(value)) : .indexed(UInt8(value))
    }
}
