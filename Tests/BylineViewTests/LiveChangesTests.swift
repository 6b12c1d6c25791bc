import BylineCore
import XCTest
@testable import BylineView

/// Files added, changed and removed while the reader runs, applied without moving the selection.
final class LiveChangesTests: XCTestCase {
    func testAddedUpdatedAndRemovedFilesShowAndTheSelectionStays() {
        var state = Fixtures.state(width: 120, height: 40)
        state.press(.down, .down)
        let selected = try! XCTUnwrap(state.selectedArticle)
        let updated = Fixtures.article(4, title: "Article number 4, corrected")
        state.applyLiveChanges(LiveChanges(
            added: [Fixtures.article(0), Fixtures.article(7)], updated: [updated], removedPaths: ["samples/harbour.example/5.txt"]))
        XCTAssertEqual(state.selectedArticle?.id, selected.id)
        XCTAssertEqual(state.visible.count, 6)
        XCTAssertEqual(state.message?.text, "+2 new · 1 updated · 1 removed")
        let screen = Screen.render(state)
        XCTAssertNotNil(screen.row(containing: "Article number 4, corrected"))
        XCTAssertNil(screen.row(containing: "Article number 5 "))
        XCTAssertNotNil(screen.row(containing: "Article number 7"))
        // The store's later snapshots still get the changes applied.
        state.receive(Fixtures.snapshot((1...5).map { Fixtures.article($0) }))
        XCTAssertEqual(state.visible.count, 6)
        XCTAssertEqual(state.selectedArticle?.id, selected.id)
    }

    func testTheUpdatedSelectedArticleShowsItsNewText() {
        var state = Fixtures.state(width: 120, height: 40)
        _ = state.readerLines
        state.applyLiveChanges(LiveChanges(updated: [Fixtures.article(1, title: "Brand new headline")]))
        XCTAssertEqual(state.readerLines.first?.text, "Brand new headline")
        XCTAssertEqual(state.message?.text, "1 updated")
    }

    func testRemovingTheSelectedArticleSelectsItsNeighbour() {
        var state = Fixtures.state(width: 120, height: 40)
        state.press(.down)
        state.applyLiveChanges(LiveChanges(removedPaths: ["samples/harbour.example/2.txt"]))
        XCTAssertEqual(state.selectedRow, 1)
        XCTAssertEqual(state.selectedArticle?.title, "Article number 3 about the ferry timetable")
        XCTAssertEqual(state.message?.text, "1 removed")
    }
}
