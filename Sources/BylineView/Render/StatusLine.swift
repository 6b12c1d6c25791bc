/// The bottom line: the keys that matter now (or a message, or the search prompt) and the reading position.
enum StatusLine {
    static func draw(_ state: AppState, into buffer: inout CellBuffer) {
        let area = state.layout.statusLine
        let theme = state.theme
        let style = theme.style(.statusLine)
        buffer.fill(area, with: Cell(" ", style: style))
        let position = state.readingPosition
        let positionWidth = DisplayWidth.of(position)
        let rightEdge = positionWidth > 0 && positionWidth + 4 < area.width ? area.width - positionWidth - 2 : area.width
        if rightEdge < area.width { buffer.write(position, x: rightEdge + 1, y: area.y, style: style) }
        if case .search(let draft, _) = state.mode {
            let prompt = "/" + draft
            let visibleWidth = max(1, rightEdge - 3)
            // Keep the end of a long query in view, where the person is typing.
            let shown = DisplayWidth.of(prompt) > visibleWidth ? "…" + String(prompt.suffix(visibleWidth - 1)) : prompt
            let x = buffer.write(shown, x: 1, y: area.y, maxX: rightEdge, style: style)
            buffer.write(" ", x: x, y: area.y, maxX: rightEdge, style: style.adding(.reverse))
            return
        }
        if let message = state.message {
            buffer.write(DisplayWidth.truncate(" " + message.text, to: rightEdge), x: 0, y: area.y, style: theme.style(message.isError ? .error : .notice).patched(with: Style(background: style.background)))
            return
        }
        var x = 1
        for (keys, label) in hints(state) {
            let needed = DisplayWidth.of(keys) + 1 + DisplayWidth.of(label) + 2
            if x + needed > rightEdge { break }
            x = buffer.write(keys, x: x, y: area.y, style: style.patched(with: theme.style(.keyHint)))
            x = buffer.write(" " + label + "  ", x: x, y: area.y, style: style)
        }
    }

    /// The key hints for the current mode and focus, taken from the keymap so they never drift from the real keys.
    static func hints(_ state: AppState) -> [(String, String)] {
        let keymap = state.keymap
        func key(_ action: Action) -> String? { keymap.keys(for: action).first?.symbol }
        switch state.mode {
        case .picker:
            return [("↑↓", "move"), ("Space", "mark"), ("Ctrl-A", "all"), ("⏎", "apply"), ("Esc", "cancel"), ("type", "to narrow")]
        case .help:
            return [("any key", "close help")]
        case .browse, .search:
            break
        }
        var hints: [(String, String)] = []
        if let up = key(.moveUp), let down = key(.moveDown) { hints.append((up + down, state.focus == .list ? "move" : "scroll")) }
        if state.focus == .list {
            if let read = key(.focusReader) { hints.append((read, "read")) }
        } else {
            if let space = key(.pageOrNext) { hints.append((space, "next page")) }
            if let back = key(.focusList) { hints.append((back, "list")) }
        }
        let rest: [(Action, String)] = [
            (.toggleRead, "mark read"), (.toggleStar, "star"), (.search, "search"), (.pickSources, "sources"), (.cycleSort, "order"), (.toggleRaw, "raw"),
            (.cycleTheme, "theme"), (.help, "help"), (.quit, "quit"),
        ]
        for (action, label) in rest { if let symbol = key(action) { hints.append((symbol, label)) } }
        return hints
    }
}
