/// A key as the backend reports it, independent of ncurses.
public enum Key: Sendable, Hashable {
    case up, down, left, right
    case pageUp, pageDown, home, end
    case enter, escape, tab, backTab, backspace, delete
    case function(Int)
    /// A printable character (including space).
    case character(Character)
    /// A control chord, by its letter: Ctrl-A is `.control("a")`.
    case control(Character)
    /// Alt (Meta) with a character: ESC followed by the character.
    case alt(Character)
}

/// A mouse action at a screen cell.
public struct MouseEvent: Sendable, Hashable {
    /// What the mouse did.
    public enum Action: Sendable, Hashable { case press, release, wheelUp, wheelDown }
    public var action: Action
    public var x: Int
    public var y: Int

    public init(action: Action, x: Int, y: Int) {
        self.action = action
        self.x = x
        self.y = y
    }
}

/// Everything that can happen to the reader, as values: input from the terminal, time passing, new articles.
public enum InputEvent: Sendable, Hashable {
    case key(Key)
    case mouse(MouseEvent)
    case resize(width: Int, height: Int)
    /// Nothing arrived within the poll interval; lets the app pick up loading progress and timers.
    case tick
}
