import BylineView
import CNcurses

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The ncursesw screen: draws cell buffers, reads keys, mouse and resizes, and gives the terminal back on
/// every way out (shutdown, signals, crashes, exit). Use it from one thread only: ncursesw is not thread-safe.
///
/// Signals: SIGINT, SIGTERM and SIGHUP set `pendingSignal` and wake `nextEvent` (which returns `.tick`); the
/// app saves what it must and calls `exit(forSignal:)`, which restores the terminal and exits at once, without
/// waiting for background saves. If it has not exited 2 s after the signal, or on a second signal, the signal
/// handler restores the terminal and exits with 128 + the signal itself.
public final class Terminal {
    /// How many colours styles are degraded to (at most 256; `.none` draws attributes only).
    public let colorDepth: ColorDepth
    /// The cost of the last `draw`.
    public internal(set) var lastDraw = DrawStatistics()

    let screen: OpaquePointer
    let window: UnsafeMutablePointer<WINDOW>
    let hasDefaultColors: Bool
    var pairs: ColorPairTable
    var attributesByStyle: [Style: (attributes: attr_t, pair: Int16)] = [:]
    /// What is on screen now (nil: unknown, so the next draw writes every cell) and its size.
    var shownFrame: DrawnFrame?
    var shownSize = (width: 0, height: 0)
    /// The real screen may hold garbage (after a stop or a child program): repaint it from scratch.
    var needsRepaint = false
    /// The text of the run being written, as ncurses takes it (kept to reuse its storage).
    var wideText: [wchar_t] = []
    /// A read that followed ESC but did not make an Alt chord; delivered by the next `nextEvent`.
    var queuedInput: RawInput?
    /// Mouse reports that arrived together with the one just delivered.
    var queuedMouseEvents: [MouseEvent] = []
    var isSuspended = false
    var isShutDown = false
    var inputLost = false

    /// Opens the full-screen interface on standard input/output.
    /// - Throws: `TerminalError` when there is no terminal or TERM cannot be used; nothing is printed then.
    public init() throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw TerminalError.notATerminal }
        let term = getenv("TERM").map { String(cString: $0) } ?? ""
        if term.isEmpty || term == "dumb" { throw TerminalError.unsupportedTerminal(term: term) }
        _ = cn_use_utf8_locale() // before newterm, or every non-ASCII character is drawn blank
        guard let screen = cn_open_screen(term) else { throw TerminalError.unknownTerminal(term: term) }
        guard cn_has_cursor_addressing() != 0, let window = cn_stdscr() else {
            cn_set_screen_active(0)
            endwin()
            delscreen(screen)
            throw TerminalError.unsupportedTerminal(term: term)
        }
        self.screen = screen
        self.window = window

        cbreak() // not raw(): Ctrl-C must still raise SIGINT
        noecho()
        nonl()
        intrflush(window, false)
        keypad(window, true)
        leaveok(window, true) // the cursor is hidden, so ncurses need not move it back after each update
        // No typeahead check: ncurses would flush every few lines to poll for input.
        typeahead(-1)
        if getenv("ESCDELAY") == nil { set_escdelay(25) } // ncurses' default makes Escape wait a full second
        curs_set(0)

        if has_colors() {
            start_color()
            hasDefaultColors = use_default_colors() == OK
            colorDepth = Self.depth(forTerminalColors: Int(cn_colors()))
        } else {
            hasDefaultColors = false
            colorDepth = .none
        }
        pairs = ColorPairTable(
            colorPairs: colorDepth == .none ? 0 : Int(cn_color_pairs()),
            defaultColors: hasDefaultColors ? (-1, -1) : (7, 0))

        // Until the screen has once been left with endwin, ncurses flushes its output at every cursor movement:
        // one write (and one wake-up of the terminal) per changed line. Leave and re-enter at once, before
        // anything is drawn, so each frame goes out in as few writes as ncurses' output buffer allows.
        endwin()
        doupdate()

        mousemask(MouseDecoder.reportedEvents, nil)
        mouseinterval(0) // report presses at once instead of waiting to synthesise clicks
        cn_install_signal_handlers()
    }

    deinit { shutdown() }

    /// The depth for the terminfo COLORS value. Direct-colour entries (COLORS = 2^24, e.g. xterm-direct) read
    /// colour numbers of 8 and above as packed RGB, so only the 8 ANSI colours keep their meaning there.
    static func depth(forTerminalColors colors: Int) -> ColorDepth {
        colors > 256 ? .eight : ColorDepth(colors: colors)
    }

    /// The screen size in cells.
    public var size: (width: Int, height: Int) {
        guard !isShutDown else { return (0, 0) }
        var rows: Int32 = 0
        var columns: Int32 = 0
        cn_getmaxyx(window, &rows, &columns)
        return (Int(max(columns, 0)), Int(max(rows, 0)))
    }

    /// SIGINT, SIGTERM or SIGHUP received (or the terminal went away, reported as SIGHUP); the app should
    /// save its state and call `exit(forSignal:)`.
    public var pendingSignal: Int32? {
        let signal = cn_pending_signal()
        if signal != 0 { return signal }
        return inputLost ? SIGHUP : nil
    }

    /// Makes the next `draw` repaint the whole screen (for example after something else wrote to the terminal).
    public func forceRedraw() {
        shownFrame = nil
        needsRepaint = true
    }

    /// Restores the terminal (leaves the alternate screen, shows the cursor, stops mouse reports, resets the
    /// tty modes) and puts back the signal handlers. Safe to call more than once; the terminal is unusable after.
    public func shutdown() {
        guard !isShutDown else { return }
        isShutDown = true
        if !isSuspended {
            mousemask(0, nil)
            curs_set(1)
            endwin()
        }
        cn_set_screen_active(0)
        cn_uninstall_signal_handlers()
        delscreen(screen)
    }

    /// Restores the terminal and ends the process with 128 + `signal`, the shell's convention for "killed by".
    /// A signal quits promptly: the process ends without running exit handlers, so it does not wait for background
    /// work such as an extraction-cache save (a save cut short leaves the old cache; a later load removes its
    /// temporary file). Output buffered by stdio is still written.
    public func exit(forSignal signal: Int32) -> Never {
        shutdown()
        fflush(nil)
        #if canImport(Glibc)
        Glibc._exit(128 + signal)
        #else
        Darwin._exit(128 + signal)
        #endif
    }
}
