/// The reading pane: the selected article's laid-out lines from the scroll offset, search matches highlighted.
enum ReaderPane {
    static func draw(_ state: AppState, into buffer: inout CellBuffer) {
        let pane = state.layout.reader
        guard !pane.isEmpty else { return }
        let theme = state.theme
        buffer.fill(pane, with: Cell(" ", style: theme.style(.bodyText)))
        let area = state.layout.readerText
        guard state.selectedArticle != nil else {
            let text = state.snapshot.isComplete ? "nothing to read" : "loading…"
            buffer.write(DisplayWidth.truncate(text, to: area.width), x: area.x, y: area.y, style: theme.style(.notice))
            return
        }
        let lines = state.readerLines
        let terms = state.highlightTerms
        for row in 0..<area.height {
            let index = state.readerOffset + row
            guard index < lines.count else { break }
            var x = area.x
            for span in lines[index].spans {
                let style = theme.style(span.element)
                if terms.isEmpty {
                    x = buffer.write(span.text, x: x, y: area.y + row, maxX: area.maxX, style: style)
                    continue
                }
                let mask = MatchHighlighter.mask(for: span.text, terms: terms)
                let matchStyle = style.patched(with: theme.style(.searchMatch))
                for (grapheme, matched) in zip(span.text, mask) {
                    x = buffer.write(String(grapheme), x: x, y: area.y + row, maxX: area.maxX, style: matched ? matchStyle : style)
                }
            }
        }
    }
}
