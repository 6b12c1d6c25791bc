/// Everything a key can do in the reader; the keymap binds keys to these.
public enum Action: String, Sendable, CaseIterable, Hashable {
    case moveUp = "move-up"
    case moveDown = "move-down"
    case pageUp = "page-up"
    case pageDown = "page-down"
    case first = "first"
    case last = "last"
    case focusReader = "focus-reader"
    case focusList = "focus-list"
    case switchFocus = "switch-focus"
    case pageOrNext = "page-or-next"
    case search = "search"
    case nextMatch = "next-match"
    case previousMatch = "previous-match"
    case pickSources = "pick-sources"
    case cycleSort = "cycle-sort"
    case toggleRaw = "toggle-raw"
    case cycleTheme = "cycle-theme"
    case help = "help"
    case redraw = "redraw"
    case quit = "quit"

    /// What the action does, for the help overlay.
    public var summary: String {
        switch self {
        case .moveUp: "previous article / scroll up"
        case .moveDown: "next article / scroll down"
        case .pageUp: "page up"
        case .pageDown: "page down"
        case .first: "first article / top of article"
        case .last: "last article / end of article"
        case .focusReader: "read the selected article"
        case .focusList: "back to the list"
        case .switchFocus: "switch between list and reader"
        case .pageOrNext: "page down; at the end, the next article"
        case .search: "search titles and text"
        case .nextMatch: "next search match"
        case .previousMatch: "previous search match"
        case .pickSources: "choose sources"
        case .cycleSort: "change the order"
        case .toggleRaw: "show the original text and what was stripped"
        case .cycleTheme: "next colour theme"
        case .help: "show this help"
        case .redraw: "redraw the screen"
        case .quit: "quit"
        }
    }
}
