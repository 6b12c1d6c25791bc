import BylineView

/// The ncurses terminal is what the reader loop draws on and reads events from.
extension Terminal: TerminalScreen {}
