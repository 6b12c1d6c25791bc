/// The theme compiled into the binary, used when no theme file can be read.
public enum BuiltinTheme {
    public static let fallback: Theme = {
        var styles: [ThemeElement: Style] = [:]
        let accent = Color.indexed(75)
        styles[.titleBar] = Style(foreground: .indexed(252), background: .indexed(236), modifiers: [.bold])
        styles[.statusLine] = Style(foreground: .indexed(250), background: .indexed(236))
        styles[.keyHint] = Style(foreground: accent, background: .indexed(236), modifiers: [.bold])
        styles[.listRow] = Style(foreground: .indexed(250))
        styles[.selectedRow] = Style(foreground: .indexed(231), background: .indexed(24), modifiers: [.bold])
        styles[.selectedRowUnfocused] = Style(foreground: .indexed(252), background: .indexed(238))
        styles[.unreadRow] = Style(foreground: .indexed(255), modifiers: [.bold])
        styles[.sourceTag] = Style(foreground: accent)
        styles[.readerTitle] = Style(foreground: .indexed(255), modifiers: [.bold])
        styles[.readerMetadata] = Style(foreground: .indexed(244))
        styles[.bodyText] = Style(foreground: .indexed(252))
        styles[.quote] = Style(foreground: .indexed(180), modifiers: [.italic])
        styles[.subhead] = Style(foreground: .indexed(255), modifiers: [.bold])
        styles[.searchMatch] = Style(foreground: .indexed(16), background: .indexed(220))
        styles[.border] = Style(foreground: .indexed(240))
        styles[.focusMarker] = Style(foreground: accent, modifiers: [.bold])
        styles[.picker] = Style(foreground: .indexed(252), background: .indexed(237))
        styles[.pickerSelected] = Style(foreground: .indexed(231), background: .indexed(24), modifiers: [.bold])
        styles[.overlayBorder] = Style(foreground: accent, background: .indexed(237))
        styles[.strippedChrome] = Style(foreground: .indexed(240), modifiers: [.dim])
        styles[.notice] = Style(foreground: .indexed(179))
        styles[.error] = Style(foreground: .indexed(203), modifiers: [.bold])
        return Theme(
            name: "default", styles: styles,
            sourceColors: [75, 114, 180, 176, 80, 215, 147, 150].map { Color.indexed($0) })
    }()
}
