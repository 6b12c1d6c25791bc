import BylineView
import CNcurses

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Terminal {
    /// Gives the terminal to another program (a pager, an editor): leaves curses, stops reacting to Ctrl-C
    /// (the child gets it) and lets Ctrl-Z stop the whole job. Call `resume()` when the program has ended.
    public func suspend() {
        guard !isShutDown, !isSuspended else { return }
        isSuspended = true
        cn_set_child_running(1)
        def_prog_mode()
        endwin()
        cn_set_screen_active(0)
    }

    /// Takes the terminal back after `suspend()`; the next `draw` repaints everything.
    public func resume() {
        guard !isShutDown, isSuspended else { return }
        isSuspended = false
        cn_set_child_running(0)
        reenterScreen()
    }

    /// Runs a program (a pager, an editor; looked up in PATH) on the terminal between `suspend()` and `resume()`.
    /// Returns its exit status (128 + the signal when one killed it), or nil when it could not be started.
    public func runProgram(_ arguments: [String]) -> Int32? {
        guard !arguments.isEmpty else { return nil }
        let wasSuspended = isSuspended
        if !wasSuspended { suspend() }
        defer { if !wasSuspended { resume() } }
        var cArguments: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) }
        cArguments.append(nil)
        defer { for argument in cArguments { free(argument) } }
        let status = cn_run_program(&cArguments)
        return status < 0 ? nil : status
    }

    /// Ctrl-Z: leave curses, stop until `fg`, come back. Runs from `nextEvent`, outside the signal handler,
    /// because re-entering curses is not async-signal-safe.
    func stopForJobControl() -> InputEvent {
        def_prog_mode()
        endwin()
        cn_set_screen_active(0)
        cn_stop_process()
        reenterScreen()
        let current = size
        return .resize(width: current.width, height: current.height)
    }

    private func reenterScreen() {
        cn_set_screen_active(1)
        cn_sync_size_with_tty() // the window may have been resized while we were away
        forceRedraw()
        // The first refresh after endwin restores the program's tty modes, the alternate screen and the
        // keypad, cursor and mouse modes; it shows the last frame until the app draws a new one.
        clearok(cn_curscr(), true)
        wnoutrefresh(window)
        doupdate()
        needsRepaint = false
    }
}
