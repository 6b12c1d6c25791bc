/// Every part of the screen a theme can style.
public enum ThemeElement: String, Sendable, CaseIterable, Hashable {
    case titleBar = "title-bar"
    case statusLine = "status-line"
    case listRow = "list-row"
    case selectedRow = "selected-row"
    case selectedRowUnfocused = "selected-row-unfocused"
    case unreadRow = "unread-row"
    case sourceTag = "source-tag"
    case readerTitle = "reader-title"
    case readerMetadata = "reader-metadata"
    case bodyText = "body-text"
    case quote = "quote"
    case subhead = "subhead"
    case searchMatch = "search-match"
    case border = "border"
    case focusMarker = "focus-marker"
    case picker = "picker"
    case pickerSelected = "picker-selected"
    case overlayBorder = "overlay-border"
    case strippedChrome = "stripped-chrome"
    case notice = "notice"
    case error = "error"
    case keyHint = "key-hint"
}

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

    public func style(_ element: ThemeElement) -> Style { styles[element] ?? .plain }

    /// The source tag's style for one source: its colour from the cycle, stable across runs.
    public func sourceStyle(_ source: String) -> Style {
        var style = style(.sourceTag)
        guard !sourceColors.isEmpty else { return style }
        let index = Int(truncatingIfNeeded: FNVHash.of(source) % UInt64(sourceColors.count))
        style.foreground = sourceColors[index]
        return style
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
