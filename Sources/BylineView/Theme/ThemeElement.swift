/// Every part of the screen a theme can style; the raw value is the element's key in a theme file.
public enum ThemeElement: String, Sendable, CaseIterable, Hashable {
    case base = "base"
    case titleBar = "title-bar"
    case statusLine = "status-line"
    case keyHint = "key-hint"
    case listRow = "list-row"
    case unreadRow = "unread-row"
    case selectedRow = "selected-row"
    case selectedRowUnfocused = "selected-row-unfocused"
    case sourceTag = "source-tag"
    case readerTitle = "reader-title"
    case readerMetadata = "reader-metadata"
    case bodyText = "body-text"
    case subhead = "subhead"
    case quote = "quote"
    case searchMatch = "search-match"
    case border = "border"
    case focusMarker = "focus-marker"
    case picker = "picker"
    case pickerSelected = "picker-selected"
    case overlayBorder = "overlay-border"
    case strippedChrome = "stripped-chrome"
    case notice = "notice"
    case error = "error"

    /// What the element styles, for documentation and `byline themes --elements`.
    public var summary: String {
        switch self {
        case .base: "every cell nothing else styles: the screen's text and background colours"
        case .titleBar: "the top line"
        case .statusLine: "the bottom line"
        case .keyHint: "key names inside the status line"
        case .listRow: "an article in the list that has been read"
        case .unreadRow: "an article in the list not yet opened"
        case .selectedRow: "the selected article while the list has the focus"
        case .selectedRowUnfocused: "the selected article while the reader has the focus"
        case .sourceTag: "the source name in a list row (its colour comes from source-colors)"
        case .readerTitle: "the headline in the reader"
        case .readerMetadata: "byline, date and source under the headline"
        case .bodyText: "article paragraphs"
        case .subhead: "subheadings inside an article"
        case .quote: "block quotes"
        case .searchMatch: "text matching the search"
        case .border: "the line between the panes"
        case .focusMarker: "the mark showing which pane has the focus"
        case .picker: "pickers and overlays (source picker, help)"
        case .pickerSelected: "the selected entry in a picker"
        case .overlayBorder: "the frame around a picker or overlay"
        case .strippedChrome: "text the extractor removed, in the raw view"
        case .notice: "notices and warnings"
        case .error: "error messages"
        }
    }

    /// The element whose entry is used when a theme leaves this one out (`nil`: the base style alone).
    public var fallback: ThemeElement? {
        switch self {
        case .base, .listRow, .titleBar, .statusLine, .bodyText, .border, .picker, .searchMatch, .notice:
            nil
        case .keyHint: .statusLine
        case .unreadRow: .listRow
        case .selectedRowUnfocused, .pickerSelected: .selectedRow
        case .selectedRow: nil
        case .sourceTag: .listRow
        case .readerTitle: .bodyText
        case .readerMetadata, .strippedChrome: .bodyText
        case .subhead: .readerTitle
        case .quote: .bodyText
        case .focusMarker, .overlayBorder: .border
        case .error: .notice
        }
    }
}
