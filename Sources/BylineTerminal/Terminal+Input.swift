import BylineView
import CNcurses

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Terminal {
    /// Waits up to `timeoutMilliseconds` for input. Returns `.tick` on timeout and at once when a
    /// termination signal is pending (check `pendingSignal`). After Ctrl-Z and `fg` it returns `.resize`
    /// with the current size, and the next `draw` repaints everything.
    public func nextEvent(timeoutMilliseconds: Int) -> InputEvent {
        guard !isShutDown, !isSuspended else { return .tick }
        let clock = ContinuousClock()
        let deadline = clock.now + .milliseconds(max(0, timeoutMilliseconds))
        var earlyFailures = 0
        while true {
            if pendingSignal != nil { return .tick }
            if cn_take_stop_request() != 0 { return stopForJobControl() }
            if !queuedMouseEvents.isEmpty { return .mouse(queuedMouseEvents.removeFirst()) }
            let input: RawInput
            if let queued = queuedInput {
                queuedInput = nil
                input = queued
            } else {
                let remaining = clock.now.duration(to: deadline)
                guard let read = read(timeoutMilliseconds: milliseconds(remaining)) else {
                    if clock.now >= deadline { return .tick }
                    // ERR long before the deadline: a signal (EINTR, handled above on the next pass), or
                    // end of input when the terminal is gone, which would otherwise spin the CPU.
                    earlyFailures += 1
                    if earlyFailures > 100 { inputLost = true }
                    continue
                }
                input = read
            }
            switch KeyDecoder.decode(input) {
            case .key(let key):
                return .key(key)
            case .escape:
                // ncurses has already waited ESCDELAY for a sequence; whatever is ready now was sent with ESC.
                if let next = read(timeoutMilliseconds: 0) {
                    if let alt = KeyDecoder.altKey(pairing: next) { return .key(alt) }
                    queuedInput = next
                }
                return .key(.escape)
            case .resize:
                shownFrame = nil
                let current = size
                return .resize(width: current.width, height: current.height)
            case .mouse:
                queuedMouseEvents = readMouseEvents()
                if !queuedMouseEvents.isEmpty { return .mouse(queuedMouseEvents.removeFirst()) }
            case .ignored:
                continue
            }
        }
    }

    private func read(timeoutMilliseconds: Int) -> RawInput? {
        wtimeout(window, Int32(clamping: timeoutMilliseconds))
        var code: wint_t = 0
        switch wget_wch(window, &code) {
        case OK: return .character(UInt32(code))
        case KEY_CODE_YES: return .keyCode(Int32(bitPattern: code))
        default: return nil
        }
    }

    /// Every queued mouse report, oldest first. Reports that arrive together (a click, then the wheel) come
    /// with a single KEY_MOUSE, and getmouse pops the newest first.
    private func readMouseEvents() -> [MouseEvent] {
        var newestFirst: [MouseEvent] = []
        var report = MEVENT()
        for _ in 0..<16 { // ncurses keeps at most 8
            guard getmouse(&report) == OK else { break }
            if let event = MouseDecoder.event(buttonState: report.bstate, x: Int(report.x), y: Int(report.y)) {
                newestFirst.append(event)
            }
        }
        return newestFirst.reversed()
    }

    private func milliseconds(_ duration: Duration) -> Int {
        let (seconds, attoseconds) = duration.components
        return max(0, Int(seconds) * 1000 + Int((attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000))
    }
}
