import BylineCore
import Foundation
import XCTest
@testable import BylineView

/// A search that must read many articles through shows its first matches at once and the full list when
/// the background has read the rest; keys that need the whole list wait for it; the selection never jumps.
final class LongSearchTests: XCTestCase {
    override func setUp() {
        // Any phrase read through more than 20 articles counts as long here.
        QueryCache.shared.setLongRead(20)
    }

    override func tearDown() {
        QueryCache.shared.setLongRead(QueryCache.defaultLongRead)
        QueryCache.shared.holdBackgroundCompletion(false)
    }

    /// 1,500 articles (more than the first rows looked for), every one holding the phrase "harbour board".
    private func bigState() -> AppState {
        let entries = (1...1_500).map { Fixtures.article($0, paragraphs: ["The harbour board met on \($0 % 7 == 0 ? "Tuesday" : "Monday")."]) }
        QueryCache.shared.prepare(entries)  // as the store does when loading ends
        var state = Fixtures.state(width: 100, height: 30, entries: entries)
        state.press(.character("/"))
        return state
    }

    private func waitForFullAnswer(_ state: inout AppState) {
        QueryCache.shared.holdBackgroundCompletion(false)
        let deadline = Date().addingTimeInterval(30)
        while state.searchPending && Date() < deadline {
            usleep(5_000)
            state.completeSearchIfReady()
        }
    }

    func testTheFirstRowsComeAtOnceThenTheFullList() {
        var state = bigState()
        QueryCache.shared.holdBackgroundCompletion(true)
        state.type("\"harbour b")
        XCTAssertTrue(state.searchPending)
        XCTAssertEqual(state.visible.count, AppState.firstSearchRows)
        let all = ArticleQuery(search: "\"harbour b", sort: .path).apply(to: state.snapshot.entries)
        XCTAssertEqual(state.visible, Array(all.prefix(AppState.firstSearchRows)), "the first rows in display order")
        var title = Screen.render(state).rowText(0)
        XCTAssertTrue(title.contains("\(AppState.firstSearchRows)+ articles"), title)
        XCTAssertTrue(title.contains("searching…"), title)
        waitForFullAnswer(&state)
        XCTAssertFalse(state.searchPending)
        XCTAssertEqual(state.visible.count, 1_500)
        title = Screen.render(state).rowText(0)
        XCTAssertTrue(title.contains("1,500 articles"), title)
        XCTAssertFalse(title.contains("searching"), title)
    }

    func testEndWaitsForTheWholeList() {
        var state = bigState()
        QueryCache.shared.holdBackgroundCompletion(true)
        state.type("\"harbour board met on m")
        state.press(.enter)
        XCTAssertTrue(state.searchPending)
        state.press(.end)
        XCTAssertFalse(state.searchPending)
        let expected = (1...1_500).filter { $0 % 7 != 0 }.count
        XCTAssertEqual(state.visible.count, expected)
        XCTAssertEqual(state.selectedRow, expected - 1)
    }

    func testASelectedArticleBeyondTheFirstRowsStaysSelected() {
        var state = bigState()
        state.type("harbour")
        XCTAssertFalse(state.searchPending, "one word is answered by the index")
        state.press(.enter, .end, .up)
        let selected = state.selectedArticle?.id
        XCTAssertEqual(state.selectedRow, 1_498)
        state.press(.character("/"))
        state.type(" \"board m")
        XCTAssertEqual(state.selectedArticle?.id, selected, "the selected article matches: the first rows reach down to it")
        XCTAssertEqual(state.selectedRow, 1_498)
    }

    func testAnEmptyFirstScreenSaysTheSearchGoesOn() {
        var state = bigState()
        state.type("\"harbour board met on tuesday")
        if state.searchPending && state.visible.isEmpty {
            XCTAssertNotNil(Screen.render(state).row(containing: "searching"))
        }
        waitForFullAnswer(&state)
        XCTAssertEqual(state.visible.count, (1...1_500).filter { $0 % 7 == 0 }.count)
    }
}
