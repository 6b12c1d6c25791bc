import BylineCore
import XCTest
@testable import BylineView

/// The selected article stays selected (and on its screen row) when the list is filtered again, and the
/// counts stay right while articles arrive in steps.
final class SelectionAcrossChangesTests: XCTestCase {
    private func mixedSources(_ count: Int) -> [StoredArticle] {
        (1...count).map { Fixtures.article($0, source: ["harbour.example", "valley.example", "coast.example"][$0 % 3]) }
    }

    /// The row drawn with the focus marker, and its text.
    private func selectedRowText(_ state: AppState) -> String? {
        let screen = Screen.render(state)
        let list = state.layout.list
        return (list.y..<list.maxY).map { screen.rowText($0) }.first { $0.hasPrefix(ListPane.marker) }
    }

    func testASourceToggleKeepsTheSelectedArticleOnItsRow() throws {
        var state = Fixtures.state(width: 120, height: 40, entries: mixedSources(30))
        state.press(.down, .down, .down, .down)
        let selected = try XCTUnwrap(state.selectedArticle)
        let screenRow = state.selectedRow - state.listOffset
        XCTAssertTrue(try XCTUnwrap(selectedRowText(state)).contains(selected.title.prefix(18)))

        // Unmark a source other than the selected one's and apply.
        state.press(.character("s"))
        guard case .picker(let picker) = state.mode else { return XCTFail("no picker") }
        let other = try XCTUnwrap(picker.sources.firstIndex { $0.name != selected.source })
        for _ in 0..<other { state.press(.down) }
        state.press(.character(" "), .enter)

        XCTAssertEqual(state.query.sources.count, 2)
        XCTAssertFalse(state.query.sources.contains(picker.sources[other].name))
        XCTAssertEqual(state.selectedArticle?.id, selected.id)
        XCTAssertEqual(state.selectedRow - state.listOffset, screenRow)
        XCTAssertTrue(try XCTUnwrap(selectedRowText(state)).contains(selected.title.prefix(18)))
        XCTAssertEqual(state.visible.count, 20)
        XCTAssertEqual(state.unreadCount, 20)
    }

    func testHidingTheSelectedSourceSelectsAnotherArticle() throws {
        var state = Fixtures.state(width: 120, height: 40, entries: mixedSources(9))
        state.press(.down)
        let selected = try XCTUnwrap(state.selectedArticle)
        var query = state.query
        query.sources = Set(["harbour.example", "valley.example", "coast.example"]).subtracting([selected.source])
        state.setQuery(query)
        XCTAssertNotNil(state.selectedArticle)
        XCTAssertNotEqual(state.selectedArticle?.source, selected.source)
        XCTAssertEqual(state.readerOffset, 0)
    }

    func testMarksFollowEntriesThatAreNotAnAppend() throws {
        var state = Fixtures.state(width: 120, height: 40, entries: [Fixtures.article(5), Fixtures.article(6)])
        var marks = MarkSet()
        marks[MarkKey(Fixtures.article(1).article)] = ArticleMark(read: true)
        state.receiveMarks(marks)
        XCTAssertEqual(state.unreadCount, 2)
        // More entries, but not the old ones followed by new ones: every entry is keyed again.
        state.receive(Fixtures.snapshot((1...4).map { Fixtures.article($0) }))
        XCTAssertEqual(state.mark(ofEntry: 0).read, true)
        XCTAssertEqual(state.unreadCount, 3)
    }

    func testASnapshotWithOtherEntriesFindsTheSelectionByID() throws {
        var state = Fixtures.state(width: 120, height: 40, count: 8)
        state.press(.down, .down, .down)
        let selected = try XCTUnwrap(state.selectedArticle)
        // Not an append: the selected article now sits at another index of the entries.
        state.receive(Fixtures.snapshot((1...8).reversed().map { Fixtures.article($0) }))
        XCTAssertEqual(state.selectedArticle?.id, selected.id)
        // And the index it had now holds another article, which must not be taken for it.
        state.receive(Fixtures.snapshot([Fixtures.article(1), Fixtures.article(2)]))
        XCTAssertNotEqual(state.selectedArticle?.id, selected.id)
        XCTAssertEqual(state.visible.count, 2)
    }

    func testCountsStayConsistentWhileArticlesArriveInSteps() throws {
        let all = mixedSources(40)
        var state = AppState(width: 120, height: 40, query: ArticleQuery(sort: .path))
        var marks = MarkSet()
        for number in [3, 10, 17, 33] { marks[MarkKey(all[number - 1].article)] = ArticleMark(read: true, starred: number == 17) }
        state.receiveMarks(marks)
        for count in [0, 5, 12, 12, 30, 40] {
            var snapshot = StoreSnapshot(entries: Array(all.prefix(count)), isComplete: count == 40)
            snapshot.expected = 40
            state.receive(snapshot)
            let read = [3, 10, 17, 33].filter { $0 <= count }.count
            XCTAssertEqual(state.visible.count, count)
            XCTAssertEqual(state.unreadCount, count - read, "after \(count)")
            for index in 0..<count {
                XCTAssertEqual(state.mark(ofEntry: index), marks[MarkKey(all[index].article)], "entry \(index) after \(count)")
            }
        }
        // A mark set while loading lines up with the entries that arrive later too.
        state.press(.toggleReadKey)
        XCTAssertEqual(state.unreadCount, 35)
    }
}

private extension Key {
    static var toggleReadKey: Key { Keymap.standard.keys(for: .toggleRead).first! }
}
