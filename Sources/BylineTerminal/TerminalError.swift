/// Why the screen could not be opened; `description` is a one-line message for the person at the terminal.
public enum TerminalError: Error, Equatable, CustomStringConvertible {
    /// Standard input or output is not a terminal (a pipe, a file, cron).
    case notATerminal
    /// TERM is unset, empty or `dumb`, or names a terminal that cannot address the cursor.
    case unsupportedTerminal(term: String)
    /// The terminfo database has no entry for TERM.
    case unknownTerminal(term: String)

    public var description: String {
        switch self {
        case .notATerminal:
            return "standard input and output must be a terminal"
        case .unsupportedTerminal(let term) where term.isEmpty:
            return "TERM is not set, so the terminal type is unknown"
        case .unsupportedTerminal(let term):
            return "the terminal type TERM=\(term) cannot show a full-screen interface"
        case .unknownTerminal(let term):
            return "unknown terminal type TERM=\(term) (no terminfo entry; try TERM=xterm-256color)"
        }
    }
}
