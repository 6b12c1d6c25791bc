import BylineCore
import XCTest
@testable import BylineView

final class ScreenTests: XCTestCase {
    func testWideScreenShowsListLeftReaderRight() {
        let state = Fixtures.state(width: 120, height: 40)
        let screen = Screen.render(state)
        XCTAssertTrue(screen.rowText(0).hasPrefix(" byline · 5 articles · all sources · by path · 5 unread"), screen.rowText(0))
        // List rows start under the top rule; the first is selected and marked, and unread.
        let firstRow = screen.rowText(2)
        XCTAssertTrue(firstRow.hasPrefix("▌•harbour.examp"), firstRow)
        XCTAssertTrue(firstRow.contains("Article number 1"), firstRow)
        // The divider sits at the list's right edge (40% of 120 = 48).
        XCTAssertEqual(screen[48, 5].text, "│")
        // Reader: title in bold, metadata line, blank, body.
        let titleRow = try! XCTUnwrap(screen.row(containing: "Article number 1 about the ferry timetable"))
        let titleColumn = try! XCTUnwrap(screen.column(of: "Article number 1 about the ferry timetable", row: titleRow))
        XCTAssertGreaterThan(titleColumn, 48)
        XCTAssertTrue(screen[titleColumn, titleRow].style.modifiers.contains(.bold))
        XCTAssertTrue(screen.rowText(titleRow + 1).contains("harbour.example · Local · Our Correspondent · 2024-03-11"))
        XCTAssertTrue(screen.rowText(titleRow + 3).contains("Paragraph 1 of article 1"))
        XCTAssertTrue(screen.rowText(39).contains("q quit"), screen.rowText(39))
    }

    func testSelectedRowIsStyledDifferentlyFromOtherRows() {
        let screen = Screen.render(Fixtures.state(width: 120, height: 40))
        XCTAssertNotEqual(screen[10, 2].style, screen[10, 3].style)
        XCTAssertEqual(screen[10, 2].style, BuiltinTheme.fallback.style(.selectedRow))
    }

    func testNarrowScreenStacksListAboveReader() {
        let state = Fixtures.state(width: 80, height: 24)
        let screen = Screen.render(state)
        XCTAssertEqual(state.layout.arrangement, .stacked)
        let listRow = try! XCTUnwrap(screen.row(containing: "▌"))
        let titleRow = try! XCTUnwrap(screen.row(containing: "Article number 1 about the ferry timetable"))
        // Title appears in the list (row with marker) and again, below, in the reader.
        let readerTitleRow = (titleRow + 1..<24).first { screen.rowText($0).hasPrefix(" Article number 1") }
        XCTAssertEqual(listRow, 2)
        XCTAssertNotNil(readerTitleRow, screen.screenText)
        XCTAssertTrue(screen.rowText(2 + state.layout.list.height).hasPrefix("────"))
    }

    func testDownMovesSelectionAndReaderFollows() {
        var state = Fixtures.state(width: 120, height: 40)
        state.press(.down)
        let screen = Screen.render(state)
        XCTAssertTrue(screen.rowText(3).hasPrefix("▌"))
        XCTAssertNotNil(screen.row(containing: "Paragraph 1 of article 2"))
        state.press(.character("k"))
        XCTAssertEqual(state.selectedArticle?.id, ArticleID(value: 1))
        state.press(.end)
        XCTAssertEqual(state.selectedArticle?.id, ArticleID(value: 5))
        state.press(.character("g"))
        XCTAssertEqual(state.selectedArticle?.id, ArticleID(value: 1))
        state.press(.character("G"), .home)
        XCTAssertEqual(state.selectedRow, 0)
    }

    func testReaderScrollsAndSpaceAtEndGoesToNextArticle() {
        var state = Fixtures.state(width: 80, height: 24)
        state.press(.enter)
        XCTAssertEqual(state.focus, .reader)
        XCTAssertEqual(state.readingPosition, "0%")
        state.press(.down)
        XCTAssertEqual(state.readerOffset, 1)
        state.press(.pageDown, .pageDown, .pageDown, .pageDown, .pageDown, .pageDown)
        XCTAssertEqual(state.readingPosition, "100%")
        state.press(.character(" "))
        XCTAssertEqual(state.selectedArticle?.id, ArticleID(value: 2))
        XCTAssertEqual(state.readerOffset, 0)
        XCTAssertEqual(state.focus, .reader)
        state.press(.escape)
        XCTAssertEqual(state.focus, .list)
        state.press(.tab)
        XCTAssertEqual(state.focus, .reader)
        state.press(.left)
        XCTAssertEqual(state.focus, .list)
    }

    func testStatusLineShowsReadingPosition() {
        var state = Fixtures.state(width: 80, height: 24)
        state.press(.enter, .pageDown)
        let status = Screen.render(state).rowText(23)
        XCTAssertTrue(status.trimmingCharacters(in: .whitespaces).hasSuffix("%"), status)
    }

    func testWideTextLandsInTheRightColumns() {
        let entries = [
            Fixtures.article(1, source: "東京.example", title: "“Peace” — 漢字 talks 🎉 Привет", paragraphs: ["漢字漢字 and “quotes” — 🎉 done"]),
            Fixtures.article(2),
        ]
        var state = Fixtures.state(width: 120, height: 40, entries: entries)
        state.press(.down)
        let screen = Screen.render(state)
        for y in 0..<screen.height {
            // Every row is exactly the screen's width when wide graphemes count twice.
            let width = (0..<screen.width).filter { !screen[$0, y].isContinuation }.reduce(0) { $0 + DisplayWidth.of(screen[$1, y].text) }
            XCTAssertEqual(width, 120, "row \(y): \(screen.rowText(y))")
        }
        let row = try! XCTUnwrap(screen.row(containing: "漢字漢字 and"))
        XCTAssertEqual(screen[48, row].text, "│")
    }

    func testTooSmallTerminalShowsOneLineNotice() {
        for (width, height) in [(19, 6), (20, 5), (1, 1), (10, 3), (60, 4)] {
            let state = Fixtures.state(width: width, height: height)
            let screen = Screen.render(state)
            let text = screen.screenText.trimmingCharacters(in: .whitespacesAndNewlines)
            let expected = width >= 34 ? "byline: terminal too small (\(width)×\(height))" : width >= 9 ? "too small" : ""
            if !expected.isEmpty { XCTAssertTrue(text.contains(expected), "\(width)×\(height): \(text)") }
        }
        XCTAssertEqual(Screen.render(Fixtures.state(width: 20, height: 6)).rowText(0).prefix(7), " byline")
    }

    func testEveryScreenSizeRendersWithoutCrashing() {
        var state = Fixtures.state(width: 1, height: 1, count: 30)
        state.press(.enter, .pageDown)
        for width in stride(from: 1, through: 400, by: 13) {
            for height in stride(from: 1, through: 120, by: 7) {
                _ = state.handle(.resize(width: width, height: height))
                let screen = Screen.render(state)
                XCTAssertEqual(screen.width, width)
                XCTAssertEqual(screen.height, height)
            }
        }
    }

    func testResizeReLaysOut() {
        var state = Fixtures.state(width: 120, height: 40)
        XCTAssertEqual(state.layout.arrangement, .sideBySide)
        _ = state.handle(.resize(width: 80, height: 24))
        XCTAssertEqual(state.layout.arrangement, .stacked)
        XCTAssertEqual(Screen.render(state).width, 80)
    }

    func testQuitKeyAsksTheAppToQuit() {
        var state = Fixtures.state(width: 80, height: 24)
        XCTAssertEqual(state.handle(.key(.character("q"))), [.quit])
    }
}
