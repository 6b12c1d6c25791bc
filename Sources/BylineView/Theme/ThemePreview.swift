import Foundation

/// A small sample screen in a theme's styles, as text with ANSI colour codes, for
/// `byline themes --preview` (choosing a theme, or checking one being written, without the reader).
public enum ThemePreview {
    /// The sample as a terminal of `depth` colours shows it; `width` is at least 60 columns.
    public static func render(_ theme: Theme, depth: ColorDepth, width requestedWidth: Int = 80) -> String {
        let theme = theme.degraded(to: depth)
        let width = max(requestedWidth, 60)
        let listWidth = width * 2 / 5
        let readerWidth = width - listWidth - 1
        var lines: [[Run]] = []

        lines.append(padded([Run(" byline  ·  3 of 128 articles  ·  theme \(theme.name)", .titleBar)], to: width, .titleBar))
        let list: [[Run]] = [
            row(theme, marker: true, source: "Reuters", title: "Markets steady as rates hold", style: .selectedRow, width: listWidth),
            row(theme, marker: false, source: "AP", title: "Council votes on the budget", style: .unreadRow, width: listWidth),
            row(theme, marker: false, source: "BBC", title: "Storm closes coast road", style: .listRow, width: listWidth),
            row(theme, marker: false, source: "Guardian", title: "Libraries open late", style: .listRow, width: listWidth),
            row(theme, marker: false, source: "NPR", title: "A river's long recovery", style: .unreadRow, width: listWidth),
            [], [], [], [],
        ]
        let reader: [[Run]] = [
            [Run("Markets steady as rates hold", .readerTitle)],
            [Run("By Ana Ruiz · Reuters · 1 March 2024", .readerMetadata)],
            [],
            [Run("Shares ended flat as the central ", .bodyText), Run("bank", .searchMatch), Run(" kept", .bodyText)],
            [Run("its main rate at 4.5 per cent.", .bodyText)],
            [Run("What comes next", .subhead)],
            [Run("│ ", .border), Run("“We are patient,” the governor said.", .quote)],
            [Run("⚠ the date was guessed from the file name", .notice)],
            [Run("Share this article · Sign up to our newsletter", .strippedChrome)],
        ]
        for index in 0..<max(list.count, reader.count) {
            let left = padded(index < list.count ? list[index] : [], to: listWidth, .base)
            let right = padded([Run(" ", .base)] + (index < reader.count ? reader[index] : []), to: readerWidth, .base)
            lines.append(left + [Run("│", .border)] + right)
        }
        lines.append(padded(
            [Run(" q", .keyHint), Run(" quit  ", .statusLine), Run("/", .keyHint), Run(" search  ", .statusLine),
             Run("t", .keyHint), Run(" next theme  ", .statusLine), Run("tab", .keyHint), Run(" switch pane", .statusLine)],
            to: width, .statusLine))
        lines.append(padded([], to: width, .base))
        lines.append(padded([Run(" Also: ", .base), Run(" selected, reader focused ", .selectedRowUnfocused), Run("  ", .base),
                             Run("error: no such theme", .error)], to: width, .base))
        lines.append(padded([Run(" ", .base), Run("┌ Sources ──────────┐", .overlayBorder)], to: width, .base))
        lines.append(padded([Run(" ", .base), Run("│", .overlayBorder), Run(" AP          12    ", .pickerSelected), Run("│", .overlayBorder)], to: width, .base))
        lines.append(padded([Run(" ", .base), Run("│", .overlayBorder), Run(" BBC          9    ", .picker), Run("│", .overlayBorder)], to: width, .base))
        lines.append(padded([Run(" ", .base), Run("└───────────────────┘", .overlayBorder)], to: width, .base))

        var text = ""
        for line in lines {
            for run in line {
                let style = run.sourceStyle.map(theme.sourceStyle) ?? theme.style(run.element)
                text += sgr(style) + run.text
            }
            text += "\u{1B}[0m\n"
        }
        return text
    }

    /// The SGR escape sequence that switches a terminal to `style`.
    public static func sgr(_ style: Style) -> String {
        var codes = ["0"]
        let modifierCodes: [(Modifiers, String)] = [(.bold, "1"), (.dim, "2"), (.italic, "3"), (.underline, "4"), (.reverse, "7")]
        for (modifier, code) in modifierCodes where style.modifiers.contains(modifier) { codes.append(code) }
        codes.append(colorCode(style.foreground, base: 30))
        codes.append(colorCode(style.background, base: 40))
        return "\u{1B}[" + codes.joined(separator: ";") + "m"
    }

    private static func colorCode(_ color: Color, base: Int) -> String {
        switch color {
        case .default: "\(base + 9)"
        case .ansi(let index): index < 8 ? "\(base + Int(index))" : "\(base + 60 + Int(index) - 8)"
        case .indexed(let index): "\(base + 8);5;\(index)"
        case .rgb(let r, let g, let b): "\(base + 8);2;\(r);\(g);\(b)"
        }
    }

    /// Text in one element's style (or one source's tag style).
    private struct Run {
        let text: String
        let element: ThemeElement
        var sourceStyle: String?

        init(_ text: String, _ element: ThemeElement, source: String? = nil) {
            self.text = text
            self.element = element
            self.sourceStyle = source
        }
    }

    private static func row(_ theme: Theme, marker: Bool, source: String, title: String, style: ThemeElement, width: Int) -> [Run] {
        let tag = source.padding(toLength: 9, withPad: " ", startingAt: 0)
        let runs = [
            Run(marker ? "▌" : " ", marker ? .focusMarker : style),
            Run(tag, style == .selectedRow ? .selectedRow : .sourceTag, source: style == .selectedRow ? nil : source),
            Run(title, style),
        ]
        return padded(runs, to: width, style)
    }

    /// Cuts or fills the runs to exactly `width` columns (the sample uses only one-column characters).
    private static func padded(_ runs: [Run], to width: Int, _ fill: ThemeElement) -> [Run] {
        var result: [Run] = []
        var used = 0
        for run in runs where used < width {
            let text = String(run.text.prefix(width - used))
            used += text.count
            result.append(Run(text, run.element, source: run.sourceStyle))
        }
        if used < width { result.append(Run(String(repeating: " ", count: width - used), fill)) }
        return result
    }
}
