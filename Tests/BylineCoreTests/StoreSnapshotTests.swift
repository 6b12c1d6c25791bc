import XCTest
@testable import BylineCore

/// A snapshot is a value: later appends never change one already taken.
final class StoreSnapshotTests: XCTestCase {
    private func stored(_ name: String) -> StoredArticle {
        StoredArticle(Article(id: ArticleID(absolutePath: "/s/" + name), path: "/s/" + name, source: "s", title: name,
                              paragraphs: [Paragraph("Body of \(name).")]))
    }

    func testSnapshotsAreIsolatedFromLaterAppends() {
        let store = ArticleStore()
        store.begin(expected: 3)
        store.append([stored("a"), stored("b")])
        let early = store.snapshot()
        store.append([stored("c")], skipped: [SkippedPath(path: "/s/x.txt", reason: "binary file (NUL bytes)")])
        store.finish()
        let late = store.snapshot()
        XCTAssertEqual(early.entries.map(\.article.title), ["a", "b"])
        XCTAssertFalse(early.isComplete)
        XCTAssertEqual(late.entries.map(\.article.title), ["a", "b", "c"])
        XCTAssertEqual(late.skipped.count, 1)
        XCTAssertTrue(late.isComplete)
        XCTAssertGreaterThan(late.version, early.version)
    }

    func testStoredArticlesCompareByContent() {
        XCTAssertEqual(stored("a"), stored("a"))
        XCTAssertNotEqual(stored("a"), stored("b"))
    }
}
