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
                shownSlots = nil
                let current = size
                return .resize(width: current.width, height: current.height)
            case .mouse:
                if let event = readMouse() { return .mouse(event) }
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

    private func readMouse() -> MouseEvent? {
        var event = MEVENT()
        guard getmouse(&event) == OK else { return nil }
        return MouseDecoder.event(buttonState: event.bstate, x: Int(event.x), y: Int(event.y))
    }

    private func milliseconds(_ duration: Duration) -> Int {
        let (seconds, attoseconds) = duration.components
        return max(0, Int(seconds) * 1000 + Int((attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000))
    }
}
