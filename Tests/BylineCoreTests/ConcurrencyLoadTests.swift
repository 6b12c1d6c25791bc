import Foundation
import XCTest
@testable import BylineCore

/// Loading is parallel and streams into the store: the result must not depend on the number of workers,
/// and every snapshot taken while loading must be consistent.
final class ConcurrencyLoadTests: XCTestCase {
    /// Four sources of 25 articles with shared chrome (so boilerplate detection runs), plus loose files.
    private func makeCorpus() throws -> TemporaryFolder {
        let folder = try TemporaryFolder(self)
        for source in ["alpha.example", "beta.example", "gamma.example", "delta.example"] {
            try folder.writeStories(source: source, count: 25, extra: """
                Critics said the café owners in Zürich had not been asked {n} times. Президент заявил что \
                правительство примет новые меры.
                """)
        }
        try folder.write("loose-one.txt", "Loose headline here today\n\nA loose paragraph with enough words to be a body of text.")
        try folder.write("gamma.example/empty.txt", "")
        try folder.write("beta.example/binary.txt", bytes: [0x47, 0x49, 0x46, 0x00, 0x01])
        return folder
    }

    private func load(_ path: String, workers: Int, batchSize: Int) throws -> StoreSnapshot {
        var options = LoadOptions()
        options.workers = workers
        options.batchSize = batchSize
        let store = ArticleStore()
        ArticleLoader(options: options).load(try FileWalker.walk([path]), into: store)
        return store.snapshot()
    }

    func testOneAndManyWorkersGiveIdenticalStores() throws {
        let folder = try makeCorpus()
        let single = try load(folder.path, workers: 1, batchSize: 7)
        for (workers, batchSize) in [(2, 7), (4, 3), (8, 256)] {
            let parallel = try load(folder.path, workers: workers, batchSize: batchSize)
            XCTAssertEqual(parallel.articles.map(\.path), single.articles.map(\.path), "\(workers) workers")
            XCTAssertEqual(parallel.entries, single.entries, "\(workers) workers")
            XCTAssertEqual(parallel.skipped, single.skipped, "\(workers) workers")
            XCTAssertTrue(parallel.isComplete)
        }
        XCTAssertEqual(single.entries.count, 102)
        XCTAssertEqual(single.skipped.count, 1)
    }

    func testSnapshotsWhileLoadingAreConsistentAndQueriesAgree() throws {
        let folder = try makeCorpus()
        let walk = try FileWalker.walk([folder.path])
        let store = ArticleStore()
        var options = LoadOptions()
        options.workers = 4
        options.batchSize = 5
        let loader = ArticleLoader(options: options)
        let finished = expectation(description: "loaded")
        DispatchQueue.global().async {
            loader.load(walk, into: store)
            finished.fulfill()
        }
        var previous = StoreSnapshot(entries: [], isComplete: false)
        var seen = 0
        let query = ArticleQuery(sources: ["alpha.example", "delta.example"], search: "kyiv talks", sort: .date)
        while true {
            let snapshot = store.snapshot()
            XCTAssertGreaterThanOrEqual(snapshot.version, previous.version)
            XCTAssertGreaterThanOrEqual(snapshot.entries.count, previous.entries.count)
            if snapshot.expected > 0 {
                XCTAssertLessThanOrEqual(snapshot.entries.count + snapshot.skipped.count, snapshot.expected)
            }
            // Entries only ever grow at the end, in walk order.
            XCTAssertEqual(snapshot.entries.prefix(previous.entries.count).map(\.article.id), previous.entries.map(\.article.id))
            let shown = query.apply(to: snapshot.entries)
            XCTAssertEqual(shown, ArticleQuery(sources: query.sources, search: query.search, sort: .date)
                .apply(to: Array(snapshot.entries)), "same entries, same list")
            XCTAssertTrue(shown.allSatisfy { query.sources.contains(snapshot.entries[$0].article.source) })
            previous = snapshot
            seen += 1
            if snapshot.isComplete { break }
        }
        wait(for: [finished], timeout: 60)
        XCTAssertEqual(previous.entries.count + previous.skipped.count, previous.expected)
        let expected = previous.entries.indices.filter { index in
            let text = previous.entries[index].searchText
            return query.sources.contains(previous.entries[index].article.source) && text.contains("kyiv") && text.contains("talks")
        }
        XCTAssertEqual(Set(query.apply(to: previous.entries)), Set(expected))
        XCTAssertEqual(ArticleQuery(search: "zurich").apply(to: previous.entries).count, 100, previous.entries.first?.searchText ?? "")
        XCTAssertGreaterThan(seen, 0)
    }

    func testQueriesFromSeveralThreadsAtOnce() throws {
        let folder = try makeCorpus()
        let snapshot = try load(folder.path, workers: 2, batchSize: 16)
        let queries = SortOrder.allCases.flatMap { sort in
            ["", "kyiv", "cafe", "\"the mayor said\"", "zurich story"].map { ArticleQuery(search: $0, sort: sort) }
        }
        let expected = queries.map { $0.apply(to: snapshot.entries) }
        let results = ResultSlots(count: queries.count * 4)
        DispatchQueue.concurrentPerform(iterations: queries.count * 4) { index in
            results.set(index, queries[index % queries.count].apply(to: snapshot.entries))
        }
        for index in 0..<(queries.count * 4) {
            XCTAssertEqual(results.get(index), expected[index % queries.count])
        }
    }
}

/// Results written by concurrent iterations, one slot each.
private final class ResultSlots: @unchecked Sendable {
    private var slots: [[Int]]
    private let lock = NSLock()
    init(count: Int) { slots = Array(repeating: [], count: count) }
    func set(_ index: Int, _ value: [Int]) { lock.withLock { slots[index] = value } }
    func get(_ index: Int) -> [Int] { lock.withLock { slots[index] } }
}
