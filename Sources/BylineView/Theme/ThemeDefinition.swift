/// One theme file as written, before `inherits` and palette names are resolved.
struct ThemeDefinition: Sendable {
    /// A colour as written: a literal, or a name looked up in the palette and then the terminal's names.
    enum ColorSpec: Sendable, Equatable {
        case color(Color)
        case name(String)
    }

    /// One element's entry and the line it is on.
    struct StyleSpec: Sendable {
        var foreground: Located<ColorSpec>?
        var background: Located<ColorSpec>?
        var modifiers: Modifiers
        let line: Int
    }

    /// A value and the line it came from, so later errors can point at it.
    struct Located<Value: Sendable>: Sendable {
        let value: Value
        let line: Int
    }

    let name: String
    /// The file as shown in messages.
    let file: String
    let description: String?
    let inherits: Located<String>?
    let palette: [String: Located<Color>]
    let styles: [ThemeElement: StyleSpec]
    let sourceColors: Located<[Located<ColorSpec>]>?
}
