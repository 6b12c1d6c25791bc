import BylineCore
import XCTest
@testable import BylineView

/// `v`, `z`, the mouse on the cell buffer, and the pager and editor requests.
final class LayoutAndMouseTests: XCTestCase {
    func testVSwitchesBetweenSideBySideAndStacked() {
        var state = Fixtures.state(width: 120, height: 40)
        XCTAssertEqual(state.layout.arrangement, .sideBySide)
        state.press(.character("v"))
        XCTAssertEqual(state.layout.arrangement, .stacked)
        _ = state.handle(.resize(width: 130, height: 40))
        XCTAssertEqual(state.layout.arrangement, .stacked, "the choice survives a resize")
        state.press(.character("v"))
        XCTAssertEqual(state.layout.arrangement, .sideBySide)
        var narrow = Fixtures.state(width: 80, height: 24)
        narrow.press(.character("v"))
        XCTAssertEqual(narrow.layout.arrangement, .sideBySide)
        XCTAssertEqual(Screen.render(narrow)[narrow.layout.divider.x, 5].text, "│")
    }

    func testZZoomsTheReaderToTheFullScreenAndBack() {
        var state = Fixtures.state(width: 120, height: 40)
        state.press(.character("z"))
        XCTAssertTrue(state.layout.list.isEmpty)
        XCTAssertEqual(state.layout.reader.width, 120)
        XCTAssertEqual(state.focus, .reader)
        let screen = Screen.render(state)
        XCTAssertNil(screen.row(containing: "│"))
        XCTAssertNotNil(screen.row(containing: "Article number 1 about the ferry timetable"))
        state.press(.character("z"))
        XCTAssertFalse(state.layout.list.isEmpty)
        state.press(.character("z"), .escape)
        XCTAssertFalse(state.layout.list.isEmpty, "Esc leaves the zoom")
        XCTAssertEqual(state.focus, .list)
    }

    func testClickOnAListRowSelectsItAndFocusesTheList() {
        var state = Fixtures.state(width: 120, height: 40)
        state.press(.enter)
        XCTAssertEqual(state.focus, .reader)
        let before = Screen.render(state)
        let row = try! XCTUnwrap(before.listRow(containing: "Article number 4", state))
        _ = state.handle(.mouse(MouseEvent(action: .press, x: 10, y: row)))
        XCTAssertEqual(state.focus, .list)
        XCTAssertEqual(state.selectedArticle?.title, "Article number 4 about the ferry timetable")
        let after = Screen.render(state)
        XCTAssertEqual(after[0, row].text, ListPane.marker)
        _ = state.handle(.mouse(MouseEvent(action: .press, x: 80, y: 10)))
        XCTAssertEqual(state.focus, .reader)
    }

    func testWheelScrollsThePaneUnderThePointer() {
        var state = Fixtures.state(width: 80, height: 24)
        let reader = state.layout.reader, list = state.layout.list
        _ = state.handle(.mouse(MouseEvent(action: .wheelDown, x: 5, y: reader.y + 2)))
        XCTAssertEqual(state.readerOffset, 3)
        XCTAssertEqual(state.selectedRow, 0)
        _ = state.handle(.mouse(MouseEvent(action: .wheelDown, x: 5, y: list.y)))
        XCTAssertEqual(state.selectedRow, 3)
        _ = state.handle(.mouse(MouseEvent(action: .wheelUp, x: 5, y: list.y)))
        XCTAssertEqual(state.selectedRow, 0)
        // Clicks on the title bar and status line do nothing.
        _ = state.handle(.mouse(MouseEvent(action: .press, x: 5, y: 0)))
        _ = state.handle(.mouse(MouseEvent(action: .press, x: 5, y: 23)))
        XCTAssertEqual(state.selectedRow, 0)
    }

    func testPAndEAskTheAppToOpenThePagerAndEditor() {
        var state = Fixtures.state(width: 120, height: 40)
        let article = try! XCTUnwrap(state.selectedArticle)
        XCTAssertTrue(state.handle(.key(.character("p"))).contains(.page(article)))
        XCTAssertTrue(state.handle(.key(.character("e"))).contains(.edit(article)))
    }
}
