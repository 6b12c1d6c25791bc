/// Draws the whole screen for a state into a cell buffer.
public enum Screen {
    public static func render(_ state: AppState) -> CellBuffer {
        let layout = state.layout
        var buffer = CellBuffer(width: layout.width, height: layout.height)
        guard layout.arrangement != .tooSmall else {
            TooSmallNotice.draw(width: layout.width, height: layout.height, into: &buffer, theme: state.theme)
            return buffer
        }
        buffer.fill(buffer.area, with: Cell(" ", style: state.theme.style(.base)))
        TitleBar.draw(state, into: &buffer)
        Dividers.draw(state, into: &buffer)
        ListPane.draw(state, into: &buffer)
        ReaderPane.draw(state, into: &buffer)
        StatusLine.draw(state, into: &buffer)
        switch state.mode {
        case .picker(let picker): PickerOverlay.draw(picker, state: state, into: &buffer)
        case .help(let offset): HelpOverlay.draw(keymap: state.keymap, offset: offset, state: state, into: &buffer)
        case .browse, .search: break
        }
        return buffer
    }
}

/// The one-line notice shown when the terminal is below 20×6.
enum TooSmallNotice {
    static func draw(width: Int, height: Int, into buffer: inout CellBuffer, theme: Theme) {
        guard width > 0, height > 0 else { return }
        // The longest wording that fits, so a very narrow terminal still says what is wrong.
        let wordings = ["byline: terminal too small (\(width)×\(height))", "too small (\(width)×\(height))", "too small", "\(width)×\(height)"]
        let text = wordings.first { DisplayWidth.of($0) <= width } ?? DisplayWidth.truncate(wordings[0], to: width)
        let x = max(0, (width - DisplayWidth.of(text)) / 2)
        buffer.write(text, x: x, y: height / 2, style: theme.style(.notice))
    }
}

/// The rules under the title bar, over the status line, and between the panes.
enum Dividers {
    static func draw(_ state: AppState, into buffer: inout CellBuffer) {
        let layout = state.layout
        let style = state.theme.style(.border)
        for rule in [layout.topRule, layout.bottomRule] where !rule.isEmpty {
            buffer.write(String(repeating: "─", count: rule.width), x: 0, y: rule.y, style: style)
        }
        let divider = layout.divider
        guard !divider.isEmpty else { return }
        if layout.arrangement == .sideBySide {
            for y in divider.y..<divider.maxY { buffer.write("│", x: divider.x, y: y, style: style) }
            if !layout.topRule.isEmpty { buffer.write("┬", x: divider.x, y: layout.topRule.y, style: style) }
            if !layout.bottomRule.isEmpty { buffer.write("┴", x: divider.x, y: layout.bottomRule.y, style: style) }
        } else {
            buffer.write(String(repeating: "─", count: divider.width), x: 0, y: divider.y, style: style)
        }
    }
}
