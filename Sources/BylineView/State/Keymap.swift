/// Which keys do which action; the one table both key handling and the help overlay read.
public struct Keymap: Sendable, Equatable {
    /// One key bound to one action.
    public struct Binding: Sendable, Equatable {
        public let key: Key
        public let action: Action
        public init(_ key: Key, _ action: Action) {
            self.key = key
            self.action = action
        }
    }

    public private(set) var bindings: [Binding]

    public init(bindings: [Binding]) { self.bindings = bindings }

    public func action(for key: Key) -> Action? {
        bindings.last { $0.key == key }?.action
    }

    /// The keys bound to `action`, in table order.
    public func keys(for action: Action) -> [Key] {
        bindings.filter { $0.action == action }.map(\.key)
    }

    /// Binds `key` to `action`, replacing what it did before.
    public mutating func bind(_ key: Key, to action: Action) {
        bindings.removeAll { $0.key == key }
        bindings.append(Binding(key, action))
    }

    /// Makes `key` do nothing (`key = "none"` in config.toml).
    public mutating func unbind(_ key: Key) {
        bindings.removeAll { $0.key == key }
    }

    /// The keys of newsboat, mutt and less that a person expects.
    public static let standard = Keymap(bindings: [
        Binding(.up, .moveUp), Binding(.character("k"), .moveUp),
        Binding(.down, .moveDown), Binding(.character("j"), .moveDown),
        Binding(.pageUp, .pageUp), Binding(.character("b"), .pageUp), Binding(.control("b"), .pageUp),
        Binding(.pageDown, .pageDown), Binding(.control("f"), .pageDown),
        Binding(.home, .first), Binding(.character("g"), .first),
        Binding(.end, .last), Binding(.character("G"), .last),
        Binding(.enter, .focusReader), Binding(.right, .focusReader), Binding(.character("l"), .focusReader),
        Binding(.left, .focusList), Binding(.escape, .focusList), Binding(.character("h"), .focusList),
        Binding(.tab, .switchFocus), Binding(.backTab, .switchFocus),
        Binding(.character(" "), .pageOrNext),
        Binding(.character("/"), .search),
        Binding(.character("n"), .nextMatch), Binding(.character("N"), .previousMatch),
        Binding(.character("s"), .pickSources),
        Binding(.character("o"), .cycleSort),
        Binding(.character("r"), .toggleRaw),
        Binding(.character("t"), .cycleTheme),
        Binding(.character("u"), .toggleRead), Binding(.character("U"), .markShownRead),
        Binding(.character("*"), .toggleStar), Binding(.character("S"), .starredOnly),
        Binding(.character("v"), .switchLayout), Binding(.character("z"), .zoom),
        Binding(.character("p"), .openPager), Binding(.character("e"), .openEditor),
        Binding(.character("?"), .help), Binding(.function(1), .help),
        Binding(.control("l"), .redraw),
        Binding(.character("q"), .quit),
    ])
}

extension Key {
    /// How a key is written in help and in the config file: `Down`, `PgUp`, `Ctrl-A`, `j`, `Space`.
    public var name: String {
        switch self {
        case .up: "Up"
        case .down: "Down"
        case .left: "Left"
        case .right: "Right"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .home: "Home"
        case .end: "End"
        case .enter: "Enter"
        case .escape: "Esc"
        case .tab: "Tab"
        case .backTab: "Shift-Tab"
        case .backspace: "Backspace"
        case .delete: "Delete"
        case .function(let number): "F\(number)"
        case .character(" "): "Space"
        case .character(let character): String(character)
        case .control(let character): "Ctrl-\(character.uppercased())"
        case .alt(let character): "Alt-\(character)"
        }
    }

    /// The short symbol used in the status line's hints.
    public var symbol: String {
        switch self {
        case .up: "↑"
        case .down: "↓"
        case .left: "←"
        case .right: "→"
        case .enter: "⏎"
        default: name
        }
    }
}
