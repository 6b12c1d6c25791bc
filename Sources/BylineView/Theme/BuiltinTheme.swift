/// The theme used when no other can be: the bundled `default`, or a copy written in Swift should
/// even that fail to resolve (tests make sure it does not).
public enum BuiltinTheme {
    public static let fallback: Theme = {
        (try? ThemeCatalog(userThemesDirectory: nil).theme(named: "default")) ?? emergency
    }()

    /// A plain dark theme that needs no parsing.
    static let emergency: Theme = {
        var styles: [ThemeElement: Style] = [:]
        for element in ThemeElement.allCases { styles[element] = Style(foreground: .indexed(252), background: .indexed(234)) }
        styles[.titleBar] = Style(foreground: .indexed(255), background: .indexed(236), modifiers: [.bold])
        styles[.statusLine] = Style(foreground: .indexed(250), background: .indexed(236))
        styles[.selectedRow] = Style(foreground: .indexed(231), background: .indexed(24), modifiers: [.bold])
        styles[.selectedRowUnfocused] = Style(foreground: .indexed(252), background: .indexed(239))
        styles[.pickerSelected] = styles[.selectedRow]
        styles[.readerTitle] = Style(foreground: .indexed(255), background: .indexed(234), modifiers: [.bold])
        styles[.readerMetadata] = Style(foreground: .indexed(245), background: .indexed(234))
        styles[.searchMatch] = Style(foreground: .indexed(234), background: .indexed(220))
        styles[.error] = Style(foreground: .indexed(203), background: .indexed(234), modifiers: [.bold])
        return Theme(name: "default", styles: styles, sourceColors: [75, 114, 180, 176].map { Color.indexed($0) })
    }()
}
