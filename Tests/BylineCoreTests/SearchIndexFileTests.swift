import Foundation
import XCTest
@testable import BylineCore

/// A saved search index answers exactly as the index it was saved from, only for the articles it was built for,
/// and a damaged file is never used.
final class SearchIndexFileTests: XCTestCase {
    private static let words = ["kyiv", "Kyivan", "café", "Cafés", "cab", "a", "an", "Ukraine", "rain", "東京", "東",
                                "Київ", "straße", "mayor’s", "covid-19", "😀", "été", "x"]

    private func entries(_ count: Int, seed: UInt64) -> [StoredArticle] {
        var random = SplitMix(seed: seed)
        func text(_ words: Int) -> String {
            (0..<words).map { _ in Self.words[random.below(Self.words.count)] }.joined(separator: random.below(2) == 0 ? " " : ", ")
        }
        return (0..<count).map { number in
            StoredArticle(Article(id: ArticleID(absolutePath: "/p/\(number).txt"), path: "/p/\(number).txt", source: "s",
                                  title: text(1 + random.below(4)), paragraphs: [Paragraph(text(random.below(40)))]))
        }
    }

    private func index(_ entries: [StoredArticle]) -> SearchIndex {
        var index = SearchIndex()
        for entry in entries { index.add(entry.searchBytes) }
        return index
    }

    /// Every prefix of every word of the entries, as the index is asked.
    private func keys(_ entries: [StoredArticle]) -> Set<[UInt8]> {
        Set(entries.flatMap { entry in WordBoundary.words(entry.searchBytes).flatMap { range in
            (1...range.count).map { Array(entry.searchBytes[range.lowerBound..<(range.lowerBound + $0)]) }
        } })
    }

    private func temporaryPath() -> String {
        let path = NSTemporaryDirectory() + "byline-index-\(UUID().uuidString).index"
        addTeardownBlock { unlink(path) }
        return path
    }

    func testASavedIndexAnswersAsTheOneSaved() {
        let entries = entries(400, seed: 3)
        var built = index(entries)
        let file = SearchIndexFile(path: temporaryPath(), identity: 9)
        file.save(built, for: entries[...])
        guard var loaded = file.load(for: entries[...]) else { return XCTFail("saved index not read back") }
        XCTAssertEqual(loaded.parts, built.parts)
        for key in keys(entries) {
            XCTAssertEqual(loaded.entries(withWordStarting: key, limit: 400), built.entries(withWordStarting: key, limit: 400))
            XCTAssertEqual(loaded.entries(withWord: key, limit: 400), built.entries(withWord: key, limit: 400))
        }
        // Still an index that grows: one more entry is found as in one built whole.
        let more = self.entries(401, seed: 3)
        loaded.add(more[400].searchBytes)
        built.add(more[400].searchBytes)
        XCTAssertEqual(loaded.parts, built.parts)
    }

    func testOnlyTheSameArticlesInTheSameOrderAndBuildGetTheSavedIndex() {
        let entries = entries(60, seed: 4)
        let path = temporaryPath()
        SearchIndexFile(path: path, identity: 9).save(index(entries), for: entries[...])
        let file = SearchIndexFile(path: path, identity: 9)
        XCTAssertNotNil(file.load(for: entries[...]))
        XCTAssertNil(file.load(for: entries.dropLast()))
        XCTAssertNil(file.load(for: (entries.dropLast() + [self.entries(61, seed: 5)[60]])[...]), "one article changed")
        XCTAssertNil(file.load(for: entries.reversed()[...]), "another order")
        XCTAssertNil(SearchIndexFile(path: path, identity: 10).load(for: entries[...]), "another build")
        XCTAssertNil(SearchIndexFile(path: path + "-missing", identity: 9).load(for: entries[...]))
    }

    func testADamagedFileIsNeverUsed() throws {
        let entries = entries(30, seed: 6)
        let path = temporaryPath()
        let file = SearchIndexFile(path: path, identity: 9)
        file.save(index(entries), for: entries[...])
        let good = try Data(contentsOf: URL(fileURLWithPath: path))
        for cut in stride(from: 0, to: good.count, by: max(1, good.count / 300)) {
            try good.prefix(cut).write(to: URL(fileURLWithPath: path))
            XCTAssertNil(file.load(for: entries[...]), "cut at \(cut)")
        }
        try (good + Data([0])).write(to: URL(fileURLWithPath: path))
        XCTAssertNil(file.load(for: entries[...]), "a byte too many")
        var random = SplitMix(seed: 8)
        for _ in 0..<300 {
            var damaged = good
            let position = random.below(damaged.count)
            damaged[position] ^= UInt8(1 + random.below(255))
            try damaged.write(to: URL(fileURLWithPath: path))
            XCTAssertNil(file.load(for: entries[...]), "byte \(position) changed")
        }
    }

    func testPartsThatDescribeNoIndexAreRefused() {
        let parts = index(entries(20, seed: 2)).parts
        XCTAssertNotNil(SearchIndex(parts: parts))
        var damaged: [SearchIndex.Parts] = []
        var part = parts; part.postings[0].append(0x80); damaged.append(part)
        part = parts; part.slots[part.slots.firstIndex(of: 0)!] = Int32(parts.keys.count + 1); damaged.append(part)
        part = parts; part.wordStarts[1] = UInt32(parts.arena.count + 1); damaged.append(part)
        part = parts; part.sorted = [Int32(parts.keys.count)]; damaged.append(part)
        part = parts; part.lastEntry[0] = Int32(parts.entryCount); damaged.append(part)
        part = parts; part.asciiStartKeys.removeLast(); damaged.append(part)
        part = parts; part.keys.removeLast(); damaged.append(part)
        for (number, parts) in damaged.enumerated() { XCTAssertNil(SearchIndex(parts: parts), "damage \(number)") }
    }

    func testASecondLoadReadsTheIndexItsCacheSaved() throws {
        let folder = try TemporaryFolder(self)
        try folder.writeStories(source: "alpha.example", count: 20, extra: "Київ café {n} straße")
        let cachePath = folder.path + ".cache"
        addTeardownBlock { unlink(cachePath); unlink(folder.path + ".index") }
        func load() throws -> (StoreSnapshot, readBack: Bool) {
            var options = LoadOptions()
            options.cache = ExtractionCache(path: cachePath, identity: 1)
            let store = ArticleStore()
            ArticleLoader(options: options).load(try FileWalker.walk([folder.path]), into: store)
            return (store.snapshot(), options.cache!.indexFile.readBack)
        }
        let (first, firstReadBack) = try load()
        XCTAssertFalse(firstReadBack)
        let saved = try XCTUnwrap(SearchIndexFile(path: folder.path + ".index", identity: 1).load(for: first.entries[...]))
        let (second, secondReadBack) = try load()
        XCTAssertEqual(second.entries, first.entries)
        XCTAssertTrue(secondReadBack)
        var reference = index(first.entries)
        var fromFile = saved
        for key in keys(first.entries) {
            XCTAssertEqual(fromFile.entries(withWordStarting: key, limit: 20), reference.entries(withWordStarting: key, limit: 20))
        }
    }
}
