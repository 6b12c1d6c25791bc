/// The top line: what is shown (count, sources, order, search) and loading progress.
enum TitleBar {
    static func draw(_ state: AppState, into buffer: inout CellBuffer) {
        let area = state.layout.titleBar
        let style = state.theme.style(.titleBar)
        buffer.fill(area, with: Cell(" ", style: style))
        let right = progress(state)
        let rightWidth = DisplayWidth.of(right)
        let leftLimit = max(0, area.width - (rightWidth > 0 ? rightWidth + 2 : 0))
        buffer.write(DisplayWidth.truncate(" " + summary(state), to: leftLimit), x: 0, y: area.y, style: style)
        if rightWidth > 0 && rightWidth + 2 <= area.width {
            buffer.write(right, x: area.width - rightWidth - 1, y: area.y, style: style)
        }
    }

    /// `byline · 12 articles · 3 of 41 sources · newest first · /ceasefire · 5 unread`
    static func summary(_ state: AppState) -> String {
        let count = state.visible.count
        // While a long search is read in the background, the count is only a lower bound.
        var parts = ["byline", state.searchPending ? "\(count.formatted())+ articles" : "\(count.formatted()) article\(count == 1 ? "" : "s")"]
        let chosen = state.query.sources.count
        if chosen == 0 {
            parts.append("all sources")
        } else {
            let total = state.sourceCount
            parts.append(chosen == 1 ? state.query.sources.first! : "\(chosen) of \(total) sources")
        }
        parts.append(state.query.sort.label)
        let search = state.liveSearch
        if !search.isEmpty { parts.append("/" + search) }
        if state.showRaw { parts.append("raw view") }
        if state.searchPending {
            parts.append("searching…")
        } else if count > 0 {
            parts.append("\(state.unreadCount.formatted()) unread")
        }
        if state.starredOnly { parts.append("starred only") }
        return parts.joined(separator: " · ")
    }

    static func progress(_ state: AppState) -> String {
        let snapshot = state.snapshot
        guard !snapshot.isComplete else {
            return snapshot.skipped.isEmpty ? "" : "\(snapshot.skipped.count) skipped"
        }
        let done = (snapshot.entries.count + snapshot.skipped.count).formatted()
        // No total while the folders are still being walked.
        return snapshot.expected > 0 ? "loading \(done) / \(snapshot.expected.formatted())" : "loading \(done)"
    }
}

extension Int {
    /// Thousands separated by commas, independent of locale: `41,200`.
    func formatted() -> String {
        let digits = String(self.magnitude)
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return self < 0 ? "-" + result : result
    }
}
