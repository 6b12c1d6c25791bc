import BylineCore
import Foundation
import XCTest
@testable import BylineView

/// Whole screens in the bundled `default` and `monochrome` themes, compared cell by cell (text and style) with
/// committed goldens. After an intended change, regenerate with `BYLINE_UPDATE_GOLDENS=1 swift test --filter Golden`
/// and read the diff like a screenshot.
final class GoldenScreenTests: XCTestCase {
    private func theme(_ name: String) -> Theme {
        ThemeSelection(environment: [:]).themeOrDefault(name).theme
    }

    private func sampleState(theme: Theme, width: Int, height: Int) -> AppState {
        let entries = [
            Fixtures.article(1, source: "harbour.example", title: "Ferry returns to the winter timetable",
                             paragraphs: ["PORT ELLERY — The cross-harbour ferry went back to its full timetable on Monday, six weeks after storm damage.",
                                          "“People have been very patient with us,” said the skipper — and the café agreed."]),
            Fixtures.article(2, source: "valley.example", title: "RESERVOIR LEVELS CLIMB AFTER A WET WINTER"),
            Fixtures.article(3, source: "tribune.example", title: "Библиотека открыта до полуночи — 图书馆"),
        ]
        var state = AppState(width: width, height: height, query: ArticleQuery(sort: .path), theme: theme)
        state.receive(Fixtures.snapshot(entries))
        return state
    }

    func testDefaultThemeWideScreen() throws {
        try assertGolden("default-120x30", sampleState(theme: theme("default"), width: 120, height: 30))
    }

    func testDefaultThemeNarrowScreenReaderFocused() throws {
        var state = sampleState(theme: theme("default"), width: 80, height: 24)
        state.press(.enter)
        try assertGolden("default-80x24-reader", state)
    }

    func testMonochromeThemeWideScreen() throws {
        try assertGolden("monochrome-120x30", sampleState(theme: theme("monochrome"), width: 120, height: 30))
    }

    func testMonochromeThemeWithPicker() throws {
        var state = sampleState(theme: theme("monochrome"), width: 80, height: 24)
        state.press(.character("s"))
        try assertGolden("monochrome-80x24-picker", state)
    }

    // MARK: - Golden files

    private func assertGolden(_ name: String, _ state: AppState, file: StaticString = #filePath, line: UInt = #line) throws {
        let actual = GoldenScreen.describe(Screen.render(state))
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Goldens/\(name).golden")
        if ProcessInfo.processInfo.environment["BYLINE_UPDATE_GOLDENS"] == "1" {
            try actual.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        if actual != expected {
            let actualLines = actual.components(separatedBy: "\n"), expectedLines = expected.components(separatedBy: "\n")
            let firstDifference = zip(actualLines, expectedLines).enumerated().first { $0.element.0 != $0.element.1 }
            XCTFail("""
                screen differs from Goldens/\(name).golden\(firstDifference.map { " at line \($0.offset + 1):\n- \($0.element.1)\n+ \($0.element.0)" } ?? "")
                (regenerate with BYLINE_UPDATE_GOLDENS=1 if the change is intended)
                """, file: file, line: line)
        }
    }
}

/// A cell buffer written as text a person can read: the screen's rows, then each row's styles as letters, then
/// the legend of what each letter means.
enum GoldenScreen {
    static func describe(_ buffer: CellBuffer) -> String {
        var legend: [Style: Character] = [:]
        var order: [Style] = []
        let letters = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        func letter(_ style: Style) -> Character {
            if let known = legend[style] { return known }
            let next = order.count < letters.count ? letters[order.count] : "?"
            legend[style] = next
            order.append(style)
            return next
        }
        var lines = ["screen \(buffer.width)×\(buffer.height)"]
        for y in 0..<buffer.height { lines.append("|" + buffer.rowText(y) + "|") }
        lines.append("styles")
        for y in 0..<buffer.height {
            lines.append(String((0..<buffer.width).map { letter(buffer[$0, y].style) }))
        }
        lines.append("legend")
        for style in order { lines.append("\(legend[style]!) \(describe(style))") }
        return lines.joined(separator: "\n") + "\n"
    }

    static func describe(_ style: Style) -> String {
        let modifiers: [(Modifiers, String)] = [(.bold, "bold"), (.dim, "dim"), (.italic, "italic"), (.underline, "underline"), (.reverse, "reverse")]
        let names = modifiers.filter { style.modifiers.contains($0.0) }.map(\.1)
        return "fg=\(describe(style.foreground)) bg=\(describe(style.background))" + (names.isEmpty ? "" : " " + names.joined(separator: ","))
    }

    static func describe(_ color: Color) -> String {
        switch color {
        case .default: "default"
        case .ansi(let index): "ansi\(index)"
        case .indexed(let index): "\(index)"
        case .rgb(let r, let g, let b): String(format: "#%02x%02x%02x", r, g, b)
        }
    }
}
