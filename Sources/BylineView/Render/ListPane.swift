/// The list of articles: a focus marker, a read/star marker, the source in a fixed-width column, and the
/// title cut to fit. Unread rows are drawn in the theme's `unread-row` style (bold in every bundled theme).
enum ListPane {
    static let marker = "▌"
    static let unreadMarker = "•"
    static let starMarker = "★"

    static func draw(_ state: AppState, into buffer: inout CellBuffer) {
        let area = state.layout.list
        guard !area.isEmpty else { return }
        let theme = state.theme
        buffer.fill(area, with: Cell(" ", style: theme.style(.listRow)))
        if state.visible.isEmpty {
            for (index, line) in TextWrapper.wrap(state.emptyListMessage, width: max(1, area.width - 2)).prefix(area.height).enumerated() {
                buffer.write(line, x: area.x + 1, y: area.y + index, maxX: area.maxX, style: theme.style(.notice))
            }
            return
        }
        let sourceWidth = sourceColumnWidth(state, paneWidth: area.width)
        let titleWidth = area.maxX - (area.x + 2 + (sourceWidth > 0 ? sourceWidth + 2 : 0)) - 1
        let focused = state.focus == .list
        for row in 0..<area.height {
            let index = state.listOffset + row
            guard index < state.visible.count else { break }
            let texts = state.listRows.row(state.visible[index], of: state.snapshot.entries, sourceWidth: sourceWidth, titleWidth: titleWidth)
            let mark = state.mark(ofEntry: state.visible[index])
            let y = area.y + row
            let selected = index == state.selectedRow
            var rowStyle = selected ? theme.style(focused ? .selectedRow : .selectedRowUnfocused) : theme.style(.listRow)
            if !mark.read { rowStyle = selected ? rowStyle.adding(.bold) : rowStyle.patched(with: theme.style(.unreadRow)) }
            buffer.fill(Rect(x: area.x, y: y, width: area.width, height: 1), with: Cell(" ", style: rowStyle))
            if selected { buffer.write(marker, x: area.x, y: y, style: rowStyle.patched(with: theme.style(.focusMarker))) }
            if mark.starred {
                buffer.write(starMarker, x: area.x + 1, y: y, style: rowStyle)
            } else if !mark.read {
                buffer.write(unreadMarker, x: area.x + 1, y: y, style: rowStyle)
            }
            var x = area.x + 2
            if sourceWidth > 0 {
                let sourceStyle = selected ? rowStyle : rowStyle.patched(with: theme.sourceStyle(texts.source))
                buffer.write(texts.fittedSource, x: x, y: y, maxX: area.maxX, style: sourceStyle)
                x += sourceWidth + 2
            }
            if titleWidth > 0 {
                buffer.write(texts.title, x: x, y: y, maxX: area.maxX - 1, style: rowStyle)
            }
        }
    }

    /// Wide enough for most source names, never more than a third of the pane; none on very narrow panes.
    static func sourceColumnWidth(_ state: AppState, paneWidth: Int) -> Int {
        guard paneWidth >= 24 else { return 0 }
        return min(14, paneWidth / 3)
    }
}
