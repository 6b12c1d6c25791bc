import BylineCore
import BylineView
import Foundation
import XCTest

/// Filtering in the real reader, and one code path for the reader and `byline list`.
final class FilterEndToEndTests: XCTestCase {
    /// The development corpus beside the checkout (present in CI); skips only when absent.
    private func devCorpus() throws -> URL {
        guard let shared = BuiltProduct.shared else { throw XCTSkip("../shared is not beside the checkout") }
        return shared.appendingPathComponent("corpus/dev/articles")
    }

    func testPickerFiltersTheDevCorpusToOneSource() throws {
        let corpus = try devCorpus()
        let byline = try BuiltProduct.byline()
        let expected = try CommandLineRun(byline, ["list", "--source", "news.sky.com", "--sort", "title", corpus.path]).lines
        XCTAssertGreaterThan(expected.count, 0)
        let session = try TmuxSession(width: 120, height: 40,
                                      command: "\(TmuxSession.quote(byline)) --sort title \(TmuxSession.quote(corpus.path)); sleep 30")
        _ = session.waitFor("all 62 articles") { $0.contains("62 articles") && $0.contains("all sources") }
        try session.send("s")
        _ = session.waitFor(text: "type to narrow")
        try session.type("sky")
        _ = session.waitFor(text: "filter: sky")
        try session.send("Enter")
        let count = "\(expected.count) article\(expected.count == 1 ? "" : "s") ·"
        let screen = session.waitFor("the title bar naming the source") { screen in
            let titleBar = screen.prefix { $0 != "\n" }
            return titleBar.contains(count) && titleBar.contains("news.sky.com")
        }
        let rows = screen.components(separatedBy: "\n").dropFirst(2).prefix(expected.count)
        // The rows are the articles `byline list` prints for the same filter, in the same order.
        for (row, line) in zip(rows, expected) {
            let title = String(line.split(separator: "\t")[2])
            XCTAssertTrue(row.contains("news.sky.com"), row)
            XCTAssertTrue(row.contains(String(title.prefix(20))), "row \(row) should show \(title)")
        }
        XCTAssertFalse(screen.contains("www.nytimes.com"))
    }

    func testReaderAndListGiveTheSameArticlesForTheSameFilters() throws {
        let corpus = try devCorpus()
        let byline = try BuiltProduct.byline()
        let walk = try FileWalker.walk([corpus.path])
        let store = ArticleStore()
        ArticleLoader().load(walk, into: store)
        for (sources, search, sort) in [([], "the", SortOrder.date), (["www.wday.ru"], "", .title), (["news.sky.com", "slate.com"], "said", .source), ([], "\"prime minister\"", .path)] {
            var state = AppState(width: 120, height: 40, query: ArticleQuery(sources: Set(sources), search: search, sort: sort))
            state.receive(store.snapshot())
            let readerIDs = state.visible.map { state.snapshot.entries[$0].article.id.description }
            var arguments = ["list", "--sort", sort.rawValue, "--search", search, corpus.path]
            for source in sources { arguments += ["--source", source] }
            let listIDs = try CommandLineRun(byline, arguments).lines.map { String($0.split(separator: "\t")[0]) }
            XCTAssertEqual(readerIDs, listIDs, "sources \(sources) search \(search) sort \(sort)")
        }
    }
}

