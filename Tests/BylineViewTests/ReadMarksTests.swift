import BylineCore
import XCTest
@testable import BylineView

/// Read and unread, stars, and the list and title bar that show them.
final class ReadMarksTests: XCTestCase {
    private func savedChanges(_ effects: [AppState.Effect]) -> [MarkKey: MarkChange] {
        for case .saveMarks(let changes) in effects { return changes }
        return [:]
    }

    func testAnArticleShownForAMomentBecomesRead() {
        let clock = TestClock()
        var state = Fixtures.state(width: 120, height: 40, clock: clock)
        let first = try! XCTUnwrap(state.selectedArticle)
        _ = state.handle(.tick)
        clock.advance(1.0)
        XCTAssertTrue(savedChanges(state.handle(.tick)).isEmpty)
        XCTAssertFalse(state.mark(of: first).read)
        clock.advance(0.6)
        let changes = savedChanges(state.handle(.tick))
        XCTAssertEqual(changes, [MarkKey(first): MarkChange(read: true)])
        XCTAssertTrue(state.mark(of: first).read)
        // Passing over an article quickly does not count.
        state.press(.down)
        clock.advance(0.2)
        state.press(.down)
        clock.advance(1.6)
        _ = state.handle(.tick)
        XCTAssertEqual(state.unreadCount, 3)
        XCTAssertFalse(state.mark(of: state.snapshot.entries[1].article).read)
        XCTAssertTrue(state.mark(of: state.snapshot.entries[2].article).read)
    }

    func testScrollingAnArticleMarksItRead() {
        var state = Fixtures.state(width: 80, height: 24, clock: TestClock())
        state.press(.enter)
        let effects = state.handle(.key(.down))
        XCTAssertEqual(savedChanges(effects).values.first, MarkChange(read: true))
    }

    func testUTogglesAndTheTimerDoesNotUndoIt() {
        let clock = TestClock()
        var state = Fixtures.state(width: 120, height: 40, clock: clock)
        let article = try! XCTUnwrap(state.selectedArticle)
        XCTAssertEqual(savedChanges(state.handle(.key(.character("u")))), [MarkKey(article): MarkChange(read: true)])
        XCTAssertEqual(savedChanges(state.handle(.key(.character("u")))), [MarkKey(article): MarkChange(read: false)])
        clock.advance(5)
        _ = state.handle(.tick)
        XCTAssertFalse(state.mark(of: article).read, "marked unread by hand stays unread while shown")
    }

    func testCapitalUMarksEverythingShownAndTheTitleBarCounts() {
        var state = Fixtures.state(width: 120, height: 40, clock: TestClock())
        XCTAssertTrue(Screen.render(state).rowText(0).contains("5 articles · all sources · by path · 5 unread"))
        state.press(.character("/"))
        state.type("\"number 2\"")
        state.press(.enter)
        XCTAssertEqual(savedChanges(state.handle(.key(.character("U")))).count, 1)
        state.press(.escape)
        XCTAssertEqual(state.unreadCount, 4)
        XCTAssertTrue(Screen.render(state).rowText(0).contains("· 4 unread"), Screen.render(state).rowText(0))
    }

    func testUnreadRowsAreBoldWithAMarkerAndReadRowsAreNot() {
        var state = Fixtures.state(width: 120, height: 40, clock: TestClock())
        state.press(.down, .character("u"), .up)
        let screen = Screen.render(state)
        let unreadRow = try! XCTUnwrap(screen.listRow(containing: "Article number 3", state))
        let readRow = try! XCTUnwrap(screen.listRow(containing: "Article number 2", state))
        XCTAssertEqual(screen[1, unreadRow].text, ListPane.unreadMarker)
        XCTAssertEqual(screen[1, readRow].text, " ")
        let titleColumn = try! XCTUnwrap(screen.column(of: "Article number 3", row: unreadRow))
        XCTAssertTrue(screen[titleColumn, unreadRow].style.modifiers.contains(.bold))
        XCTAssertFalse(screen[titleColumn, readRow].style.modifiers.contains(.bold))
    }

    func testStarsAndStarredOnly() {
        var state = Fixtures.state(width: 120, height: 40, clock: TestClock())
        state.press(.down)
        let starred = try! XCTUnwrap(state.selectedArticle)
        XCTAssertEqual(savedChanges(state.handle(.key(.character("*")))), [MarkKey(starred): MarkChange(starred: true)])
        var screen = Screen.render(state)
        XCTAssertEqual(screen[1, try! XCTUnwrap(screen.listRow(containing: "Article number 2", state))].text, ListPane.starMarker)
        state.press(.character("S"))
        XCTAssertEqual(state.visible.count, 1)
        XCTAssertEqual(state.selectedArticle?.id, starred.id)
        screen = Screen.render(state)
        XCTAssertTrue(screen.rowText(0).contains("1 article · all sources · by path · 1 unread · starred only"), screen.rowText(0))
        state.press(.character("S"))
        XCTAssertEqual(state.visible.count, 5)
        XCTAssertEqual(state.selectedArticle?.id, starred.id)
    }

    func testMarksReceivedFromDiskShow() {
        var state = Fixtures.state(width: 120, height: 40, clock: TestClock())
        let article = state.snapshot.entries[3].article
        state.receiveMarks(MarkSet([MarkKey(article): ArticleMark(read: true, starred: true)]))
        XCTAssertEqual(state.unreadCount, 4)
        XCTAssertTrue(state.mark(of: article).starred)
    }

    func testMarkKeeperNoticesAnotherInstancesWriteAndKeepsItsOwnPendingChanges() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("byline-keeper-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = MarksFile(path: folder.appendingPathComponent("state.json").path)
        _ = try file.apply([MarkKey(value: 1): MarkChange(read: true)])
        let keeper = MarkKeeper(file: file)
        keeper.noteLoaded()
        XCTAssertNil(keeper.marksChangedElsewhere(now: 0))
        keeper.record([MarkKey(value: 2): MarkChange(starred: true)], now: 0)
        _ = try MarksFile(path: file.path).apply([MarkKey(value: 3): MarkChange(read: true)]) // the other byline
        XCTAssertNil(keeper.marksChangedElsewhere(now: 0.5), "looks at most once a second")
        let seen = try XCTUnwrap(keeper.marksChangedElsewhere(now: 1.5)).marks
        XCTAssertEqual(seen[MarkKey(value: 3)], ArticleMark(read: true))
        XCTAssertEqual(seen[MarkKey(value: 2)], ArticleMark(starred: true))
        _ = keeper.flush(now: 2, force: true)
        XCTAssertNil(keeper.marksChangedElsewhere(now: 3), "its own write is not news")
    }

    func testMarkKeeperWritesAfterTheDelayAndMergesOtherWriters() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("byline-keeper-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = MarksFile(path: folder.appendingPathComponent("state.json").path)
        _ = try file.apply([MarkKey(value: 1): MarkChange(starred: true)]) // another instance's mark
        let keeper = MarkKeeper(file: file, delaySeconds: 0.5)
        keeper.record([MarkKey(value: 2): MarkChange(read: true)], now: 10)
        XCTAssertNil(keeper.flush(now: 10.2))
        XCTAssertEqual(try file.load().marks.count, 1)
        keeper.record([MarkKey(value: 3): MarkChange(read: true)], now: 10.3)
        let merged = try XCTUnwrap(keeper.flush(now: 10.5)).get().marks
        XCTAssertEqual(merged.count, 3)
        XCTAssertEqual(try file.load().marks, merged)
        XCTAssertFalse(keeper.hasPendingChanges)
    }
}

extension CellBuffer {
    /// The screen row whose list-pane part contains `text`.
    func listRow(containing text: String, _ state: AppState) -> Int? {
        let list = state.layout.list
        return (list.y..<list.maxY).first { y in
            (list.x..<list.maxX).map { self[$0, y].text }.joined().contains(text)
        }
    }
}
