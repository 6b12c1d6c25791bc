import BylineView
import CNcurses

/// Maps an ncurses mouse report (its button-state bits) to a `MouseEvent`.
enum MouseDecoder {
    static func event(buttonState: mmask_t, x: Int, y: Int) -> MouseEvent? {
        let action: MouseEvent.Action
        if buttonState & CN_BUTTON4_PRESSED != 0 {
            action = .wheelUp
        } else if buttonState & CN_BUTTON5_PRESSED != 0 {
            action = .wheelDown
        } else if buttonState & (CN_BUTTON1_PRESSED | CN_BUTTON1_CLICKED) != 0 {
            action = .press
        } else if buttonState & CN_BUTTON1_RELEASED != 0 {
            action = .release
        } else {
            return nil
        }
        return MouseEvent(action: action, x: x, y: y)
    }

    /// The reports asked for: left button and wheel only, so motion does not flood the input.
    static let reportedEvents: mmask_t =
        CN_BUTTON1_PRESSED | CN_BUTTON1_RELEASED | CN_BUTTON4_PRESSED | CN_BUTTON5_PRESSED
}
