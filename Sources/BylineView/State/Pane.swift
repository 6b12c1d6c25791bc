/// The two panes that can have the keyboard.
public enum Pane: Sendable, Equatable {
    case list, reader
    public var other: Pane { self == .list ? .reader : .list }
}
