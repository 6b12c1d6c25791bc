import BylineCore
import XCTest
@testable import BylineView

/// Search, source picker, order and selection stability, driven by keys on the cell buffer.
final class FilterKeysTests: XCTestCase {
    private func mixedState() -> AppState {
        let entries = [
            Fixtures.article(1, source: "alpha.example", title: "Café owners in Zürich protest", paragraphs: ["The café owners met in Kyiv."]),
            Fixtures.article(2, source: "beta.example", title: "Harbour ferry timetable", paragraphs: ["Ferries stop at dusk."]),
            Fixtures.article(3, source: "beta.example", title: "Council budget vote", paragraphs: ["The council voted on the budget."]),
            Fixtures.article(4, source: "gamma.example", title: "Peace talks resume", paragraphs: ["Zelensky and the delegation met."]),
        ]
        return Fixtures.state(width: 120, height: 40, entries: entries)
    }

    func testSearchNarrowsAsThePersonTypesIgnoringCaseAndAccents() {
        var state = mixedState()
        state.press(.character("/"))
        state.type("cafe")
        XCTAssertEqual(state.visible.count, 1)
        XCTAssertTrue(Screen.render(state).rowText(0).contains("/cafe"))
        state.press(.enter)
        XCTAssertEqual(state.mode, .browse)
        XCTAssertEqual(state.query.search, "cafe")
        state.press(.escape)
        XCTAssertEqual(state.query.search, "")
        XCTAssertEqual(state.visible.count, 4)
    }

    func testEscapeWhileTypingClearsTheSearch() {
        var state = mixedState()
        state.press(.character("/"))
        state.type("zelensky")
        XCTAssertEqual(state.visible.count, 1)
        state.press(.escape)
        XCTAssertEqual(state.visible.count, 4)
        XCTAssertEqual(state.mode, .browse)
    }

    func testMatchesAreHighlightedInTheReader() {
        var state = mixedState()
        state.press(.character("/"))
        state.type("kyiv")
        state.press(.enter)
        let screen = Screen.render(state)
        let row = try! XCTUnwrap(screen.row(containing: "met in Kyiv"))
        let column = try! XCTUnwrap(screen.column(of: "Kyiv", row: row))
        XCTAssertEqual(screen[column, row].style.background, BuiltinTheme.fallback.style(.searchMatch).background)
        XCTAssertNotEqual(screen[column - 2, row].style, screen[column, row].style)
    }

    func testEmptyResultSaysSo() {
        var state = mixedState()
        state.press(.character("/"))
        state.type("foo")
        let screen = Screen.render(state)
        XCTAssertNotNil(screen.row(containing: "no article matches 'foo' in 3"), screen.screenText)
    }

    func testSelectedArticleStaysSelectedWhileStillInTheList() {
        var state = mixedState()
        state.press(.down, .down)
        XCTAssertEqual(state.selectedArticle?.title, "Council budget vote")
        state.press(.character("/"))
        state.type("council")
        XCTAssertEqual(state.selectedArticle?.title, "Council budget vote")
        state.press(.escape)
        XCTAssertEqual(state.selectedArticle?.title, "Council budget vote")
        XCTAssertEqual(state.selectedRow, 2)
    }

    func testPickerTogglesAndAppliesMarkedSources() {
        var state = mixedState()
        state.press(.character("s"))
        guard case .picker(let picker) = state.mode else { return XCTFail("picker not open") }
        XCTAssertEqual(picker.sources.map(\.name), ["beta.example", "alpha.example", "gamma.example"])
        let screen = Screen.render(state)
        XCTAssertNotNil(screen.row(containing: "[x] beta.example"), screen.screenText)
        // Unmark alpha, apply: two of three sources remain.
        state.press(.down, .character(" "), .enter)
        XCTAssertEqual(state.query.sources, ["beta.example", "gamma.example"])
        XCTAssertEqual(state.visible.count, 3)
        XCTAssertTrue(Screen.render(state).rowText(0).contains("2 of 3 sources"))
    }

    func testPickerEnterWithoutTogglingShowsJustTheHighlightedSource() {
        var state = mixedState()
        state.press(.character("s"))
        state.type("gam")
        state.press(.enter)
        XCTAssertEqual(state.query.sources, ["gamma.example"])
        XCTAssertEqual(state.visible.count, 1)
        XCTAssertTrue(Screen.render(state).rowText(0).contains("gamma.example"))
    }

    func testPickerCtrlAMarksAllAndEscapeCancels() {
        var state = mixedState()
        state.press(.character("s"), .enter)
        XCTAssertEqual(state.query.sources, ["beta.example"])
        state.press(.character("s"), .control("a"), .enter)
        XCTAssertEqual(state.query.sources, [])
        state.press(.character("s"), .down, .character(" "), .escape)
        XCTAssertEqual(state.query.sources, [])
        XCTAssertEqual(state.mode, .browse)
    }

    func testPickerCountsReflectTheCurrentSearch() {
        var state = mixedState()
        state.press(.character("/"))
        state.type("the")
        state.press(.enter, .character("s"))
        guard case .picker(let picker) = state.mode else { return XCTFail("picker not open") }
        XCTAssertEqual(picker.sources.first { $0.name == "beta.example" }?.count, 1)
    }

    func testOrderCyclesAndIsShownInTheTitleBar() {
        var state = mixedState()
        XCTAssertEqual(state.query.sort, .path)
        state.press(.character("o"))
        XCTAssertEqual(state.query.sort, .date)
        XCTAssertTrue(Screen.render(state).rowText(0).contains("newest first"))
        state.press(.character("o"), .character("o"))
        XCTAssertEqual(state.query.sort, .title)
        XCTAssertEqual(state.visible.map { state.snapshot.entries[$0].article.title }.first, "Café owners in Zürich protest")
    }

    func testNextMatchJumpsInTheReader() {
        let long = (1...40).map { "Line \($0) of filler text about the harbour." } + ["The needle is here."] + (1...40).map { "More filler \($0)." }
        var state = Fixtures.state(width: 80, height: 24, entries: [Fixtures.article(1, paragraphs: long)])
        state.press(.character("/"))
        state.type("needle")
        state.press(.enter, .character("n"))
        XCTAssertEqual(state.focus, .reader)
        XCTAssertTrue(state.readerLines[state.readerOffset].text.contains("needle"))
        state.press(.character("N"))
        XCTAssertEqual(state.message?.text, "no more matches above")
    }

    func testHelpOverlayListsEveryKeymapEntry() {
        var state = Fixtures.state(width: 120, height: 40)
        state.press(.character("?"))
        let screen = Screen.render(state)
        for action in Action.allCases where !state.keymap.keys(for: action).isEmpty {
            XCTAssertNotNil(screen.row(containing: action.summary), "help lacks \(action)")
        }
        state.press(.character("x"))
        XCTAssertEqual(state.mode, .browse)
    }

    func testMouseClickSelectsRowAndWheelScrollsReader() {
        var state = Fixtures.state(width: 120, height: 20)
        _ = state.handle(.mouse(MouseEvent(action: .press, x: 5, y: 4)))
        XCTAssertEqual(state.selectedRow, 2)
        _ = state.handle(.mouse(MouseEvent(action: .wheelDown, x: 80, y: 10)))
        XCTAssertEqual(state.readerOffset, 3)
    }

    func testLoadingMoreArticlesKeepsTheSelection() {
        var state = Fixtures.state(width: 120, height: 40, entries: [Fixtures.article(5), Fixtures.article(6)])
        state.press(.down)
        let selected = state.selectedArticle?.id
        state.receive(Fixtures.snapshot((1...9).map { Fixtures.article($0) }))
        XCTAssertEqual(state.selectedArticle?.id, selected)
    }
}
