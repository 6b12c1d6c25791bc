/// A centred box with a border and a title, drawn over the screen; returns the inner area.
enum Overlay {
    static func box(title: String, width: Int, height: Int, in buffer: inout CellBuffer, theme: Theme) -> Rect {
        let boxWidth = min(width, buffer.width - 2)
        let boxHeight = min(height, buffer.height - 2)
        guard boxWidth >= 4, boxHeight >= 3 else { return Rect(x: 0, y: 0, width: 0, height: 0) }
        let x = (buffer.width - boxWidth) / 2
        let y = (buffer.height - boxHeight) / 2
        let fill = theme.style(.picker)
        let border = fill.patched(with: theme.style(.overlayBorder))
        buffer.fill(Rect(x: x, y: y, width: boxWidth, height: boxHeight), with: Cell(" ", style: fill))
        let inner = boxWidth - 2
        buffer.write("┌" + String(repeating: "─", count: inner) + "┐", x: x, y: y, style: border)
        buffer.write("└" + String(repeating: "─", count: inner) + "┘", x: x, y: y + boxHeight - 1, style: border)
        for row in (y + 1)..<(y + boxHeight - 1) {
            buffer.write("│", x: x, y: row, style: border)
            buffer.write("│", x: x + boxWidth - 1, y: row, style: border)
        }
        let label = DisplayWidth.truncate(" \(title) ", to: max(0, inner - 2))
        buffer.write(label, x: x + 2, y: y, style: border.adding(.bold))
        return Rect(x: x + 2, y: y + 1, width: boxWidth - 4, height: boxHeight - 2)
    }
}

/// The source picker box: filter line, then one row per matching source with mark and count.
enum PickerOverlay {
    static func draw(_ picker: SourcePicker, state: AppState, into buffer: inout CellBuffer) {
        let theme = state.theme
        let matching = picker.matching
        let widest = matching.map { DisplayWidth.of($0.name) }.max() ?? 10
        let area = Overlay.box(title: "sources", width: max(36, widest + 18), height: matching.count + 4, in: &buffer, theme: theme)
        guard !area.isEmpty else { return }
        let style = theme.style(.picker)
        let filterText = picker.filter.isEmpty ? "type to narrow" : "filter: " + picker.filter
        buffer.write(DisplayWidth.truncate(filterText, to: area.width), x: area.x, y: area.y, style: picker.filter.isEmpty ? style.adding(.dim) : style)
        let rows = area.height - 1
        guard rows > 0 else { return }
        let offset = max(0, min(picker.highlighted - rows + 1, matching.count - rows))
        for row in 0..<rows {
            let index = offset + row
            guard index < matching.count else { break }
            let source = matching[index]
            let highlighted = index == picker.highlighted
            let rowStyle = highlighted ? theme.style(.pickerSelected) : style
            let y = area.y + 1 + row
            buffer.fill(Rect(x: area.x, y: y, width: area.width, height: 1), with: Cell(" ", style: rowStyle))
            let mark = picker.marked.contains(source.name) ? "[x] " : "[ ] "
            let count = " \(source.count.formatted())"
            let nameWidth = area.width - 4 - DisplayWidth.of(count)
            buffer.write(mark + DisplayWidth.fit(source.name, to: max(0, nameWidth)) + count, x: area.x, y: y, maxX: area.maxX, style: rowStyle)
        }
        if matching.isEmpty {
            buffer.write(DisplayWidth.truncate("no source matches", to: area.width), x: area.x, y: area.y + 1, style: theme.style(.notice).patched(with: Style(background: style.background)))
        }
    }
}

/// The help box: every key of the keymap with what it does, generated from the keymap itself.
enum HelpOverlay {
    static func lines(for keymap: Keymap) -> [(String, String)] {
        keymap.helpEntries.map { ($0.keys, $0.summary) }
    }

    static func draw(keymap: Keymap, offset: Int, state: AppState, into buffer: inout CellBuffer) {
        let entries = lines(for: keymap)
        let keyWidth = min(24, entries.map { DisplayWidth.of($0.0) }.max() ?? 10)
        // A short screen cannot show every key at once; the title then says how to see the rest.
        let fits = entries.count + 2 <= buffer.height - 2
        let title = fits ? "keys · any key closes" : "keys · ↑↓ more · other keys close"
        let area = Overlay.box(title: title, width: keyWidth + 52, height: entries.count + 2, in: &buffer, theme: state.theme)
        guard !area.isEmpty else { return }
        let style = state.theme.style(.picker)
        let keyStyle = style.patched(with: state.theme.style(.keyHint))
        let start = min(offset, max(0, entries.count - area.height))
        for (row, entry) in entries.dropFirst(start).prefix(area.height).enumerated() {
            let x = buffer.write(DisplayWidth.fit(entry.0, to: keyWidth), x: area.x, y: area.y + row, maxX: area.maxX, style: keyStyle)
            buffer.write("  " + entry.1, x: x, y: area.y + row, maxX: area.maxX, style: style)
        }
    }
}
