import Foundation
import XCTest
@testable import BylineCore

/// `ArticleQuery.apply` (cached orders, remembered searches, byte search) must give exactly what the plain
/// definition gives: every term at a word start in the folded text, sources as listed, stable sort with ties by path.
final class QueryCacheTests: XCTestCase {
    private func entry(_ path: String, source: String, title: String, published: String?, body: [String]) -> StoredArticle {
        StoredArticle(Article(
            id: ArticleID(absolutePath: path), path: path, source: source, title: title, published: published,
            paragraphs: body.map { Paragraph($0) }))
    }

    /// A small collection with ties, undated articles, accents, width forms, Cyrillic and CJK.
    private func collection(offset: Int = 0, count: Int = 60) -> [StoredArticle] {
        let words = ["Kyiv", "Zelensky", "café", "CAFE", "ｋｙｉｖ", "Київ", "東京", "résumé", "talks", "peace", "market"]
        let sources = ["bbc.co.uk", "kyivindependent.com", "lemonde.fr", "asahi.com"]
        return (offset..<(offset + count)).map { number in
            let first = words[number % words.count], second = words[(number * 7 + 3) % words.count]
            let date: String? = number % 5 == 0 ? nil : "2024-0\(1 + number % 9)-1\(number % 10)"
            return entry("/corpus/\(sources[number % 4])/a\(String(format: "%03d", number)).txt",
                         source: sources[number % 4], title: number % 6 == 0 ? "" : "\(second) report \(number % 4)",
                         published: date, body: ["\(first) and \(second) today.", "The \(first) “story” — \(number)."])
        }
    }

    /// The definition, written plainly.
    private func reference(_ query: ArticleQuery, _ entries: [StoredArticle]) -> [Int] {
        let terms = SearchTerms(query.search).terms
        let matching = entries.indices.filter { index in
            let article = entries[index].article
            if !query.sources.isEmpty && !query.sources.contains(article.source) { return false }
            return SearchReference.matches(terms, title: article.title, body: article.body)
        }
        let precedes = EntryOrders.comparator(query.sort, entries)
        return matching.sorted(by: precedes)
    }

    func testEveryQueryMatchesTheDefinition() {
        let entries = collection()
        for sort in SortOrder.allCases {
            for search in ["", "kyiv", "KYIV", "cafe", "café", "\"and zelensky\"", "kyiv talks", "київ", "東京", "京", "nothing-here", "e",
                           "yiv", "port", "\"port 1\"", "“story", "ｋｙ", "résu", "\"today.\""] {
                for sources: Set<String> in [[], ["bbc.co.uk"], ["lemonde.fr", "asahi.com"], ["unknown"]] {
                    let query = ArticleQuery(sources: sources, search: search, sort: sort)
                    XCTAssertEqual(query.apply(to: entries), reference(query, entries), "\(query)")
                }
            }
        }
    }

    /// The loader indexes a finished store while the reader keeps querying it (and growing snapshots of it):
    /// every answer must stay exact, whichever index — the reader's own or the loader's — is in use.
    func testIndexingOnTheLoaderThreadWhileTheReaderSearches() {
        let cache = QueryCache()
        let entries = collection(count: 400)
        let searches = ["kyiv", "cafe talks", "\"and zelensky\"", "東京", "port", "e"]
        let expected = searches.map { reference(ArticleQuery(search: $0), entries) }
        let smaller = Array(entries.prefix(150))
        XCTAssertEqual(cache.apply(ArticleQuery(search: "kyiv"), to: smaller), reference(ArticleQuery(search: "kyiv"), smaller))
        let indexed = expectation(description: "loader indexed")
        DispatchQueue.global().async {
            cache.prepare(entries)
            indexed.fulfill()
        }
        for round in 0..<30 {
            let number = round % searches.count
            XCTAssertEqual(cache.apply(ArticleQuery(search: searches[number]), to: entries), expected[number], searches[number])
        }
        wait(for: [indexed], timeout: 60)
        for search in ["zelensky", "market peace", "\"the résumé\"", "京", "ｋｙ"] { // not remembered: answered by the index now in use
            XCTAssertEqual(cache.apply(ArticleQuery(search: search), to: entries), reference(ArticleQuery(search: search), entries), search)
        }
    }

    /// A fresh cache over more entries than a search indexes itself (after a live change re-numbers the store):
    /// the rest are read, exactly, while a background task indexes them; then the index answers.
    func testASearchOverMoreEntriesThanItIndexesItselfReadsTheRestExactly() {
        let cache = QueryCache()
        let entries = collection(count: QueryCache.entriesIndexedInline * 3)
        for search in ["k", "ky", "kyiv", "kyiv t", "kyiv ta", "\"and z", "\"and zelensky\"", "東", "e", "port 1"] {
            XCTAssertEqual(cache.apply(ArticleQuery(search: search), to: entries), reference(ArticleQuery(search: search), entries), search)
        }
        let deadline = Date().addingTimeInterval(60)
        while cache.indexedCount < entries.count && Date() < deadline { usleep(10_000) }
        XCTAssertEqual(cache.indexedCount, entries.count, "indexed in the background")
        for search in ["zelensky", "market peace", "résu", "京", "\"today.\""] {
            XCTAssertEqual(cache.apply(ArticleQuery(search: search), to: entries), reference(ArticleQuery(search: search), entries), search)
        }
    }

    /// A long search gives the first matches of the full answer, in every order and with sources chosen,
    /// then the full answer once the background has read the rest.
    func testALongSearchAnswersItsFirstRowsThenInFull() {
        let entries = collection(count: 600)
        for sort in SortOrder.allCases {
            for sources: Set<String> in [[], ["bbc.co.uk", "asahi.com"]] {
                for search in ["\"and k", "\"and zelensky\"", "talks \"the k"] {
                    // A fresh cache each time: a remembered search would be answered in full at once.
                    let cache = QueryCache()
                    cache.setLongRead(10)
                    cache.prepare(entries)
                    let query = ArticleQuery(sources: sources, search: search, sort: sort)
                    let expected = reference(query, entries)
                    let first = cache.answer(query, for: entries, firstRows: 7, reaching: nil)
                    XCTAssertFalse(first.isComplete, "\(query)")
                    XCTAssertEqual(first.indices, Array(expected.prefix(7)), "\(query)")
                    let deadline = Date().addingTimeInterval(30)
                    while !cache.isAnswered(query, for: entries) && Date() < deadline { usleep(2_000) }
                    let full = cache.answer(query, for: entries, firstRows: 7, reaching: nil)
                    XCTAssertTrue(full.isComplete, "\(query)")
                    XCTAssertEqual(full.indices, expected, "\(query)")
                    XCTAssertEqual(cache.apply(query, to: entries), expected, "\(query)")
                    // The selected article, further down than the first rows: they reach down to it.
                    if expected.count > 30 {
                        let other = QueryCache()
                        other.setLongRead(10)
                        other.prepare(entries)
                        let reaching = other.answer(query, for: entries, firstRows: 7, reaching: expected[30])
                        XCTAssertFalse(reaching.isComplete)
                        XCTAssertEqual(reaching.indices, Array(expected.prefix(31)), "\(query)")
                    }
                }
            }
        }
    }

    func testTypingNarrowsAndBackspaceWidensCorrectly() {
        let entries = collection()
        for search in ["k", "ky", "kyi", "kyiv", "kyiv ", "kyiv t", "kyiv ta", "kyiv t", "kyiv", "ky", "z", "ze", ""] {
            let query = ArticleQuery(search: search)
            XCTAssertEqual(query.apply(to: entries), reference(query, entries), "search '\(search)'")
        }
    }

    func testAGrowingStoreMergesNewEntriesIntoEveryOrder() {
        var entries = collection(count: 20)
        let query = ArticleQuery(search: "kyiv", sort: .title)
        XCTAssertEqual(query.apply(to: entries), reference(query, entries))
        for step in 1...3 {
            entries += collection(offset: 20 * step, count: 20)
            for sort in SortOrder.allCases {
                let grown = ArticleQuery(sources: ["bbc.co.uk", "asahi.com"], search: "kyiv", sort: sort)
                XCTAssertEqual(grown.apply(to: entries), reference(grown, entries), "step \(step) \(sort)")
            }
        }
    }

    func testADifferentArrayWithTheSamePathsIsNotMistakenForTheCachedOne() {
        let first = collection(count: 10)
        XCTAssertEqual(ArticleQuery(sort: .date).apply(to: first), reference(ArticleQuery(sort: .date), first))
        // Same paths, different dates: a fresh load of changed files.
        let second = first.reversed().map { old in
            entry(old.article.path, source: old.article.source, title: old.article.title, published: "2030-01-01",
                  body: old.article.paragraphs.map(\.text))
        }
        XCTAssertEqual(ArticleQuery(sort: .date).apply(to: second), reference(ArticleQuery(sort: .date), second))
    }

    func testSourceSummariesCountByNumberAsTheyDidByName() {
        var entries = collection(count: 30)
        entries.append(StoredArticle(Article(id: ArticleID(absolutePath: "/x/loose.txt"), path: "/x/loose.txt",
                                             source: "bbc.co.uk", sourceRule: .urlInText, title: "t", paragraphs: [])))
        func plain(_ indices: [Int]?) -> [SourceSummary] {
            var counts: [String: Int] = [:], rules: [String: [String: Int]] = [:]
            for index in indices ?? Array(entries.indices) {
                let article = entries[index].article
                counts[article.source, default: 0] += 1
                rules[article.source, default: [:]][article.sourceRule.rawValue, default: 0] += 1
            }
            return counts.map { SourceSummary(name: $0.key, count: $0.value, rules: rules[$0.key] ?? [:]) }
                .sorted { $0.count != $1.count ? $0.count > $1.count : $0.name < $1.name }
        }
        XCTAssertEqual(SourceSummary.summarize(entries), plain(nil))
        let some = ArticleQuery(search: "kyiv").apply(to: entries)
        XCTAssertEqual(SourceSummary.summarize(entries, indices: some), plain(some))
        XCTAssertEqual(SourceSummary.sourceCount(in: entries), 4)
        XCTAssertEqual(SourceSummary.sourceCount(in: []), 0)
    }

    func testSearchBytesHoldTheFoldedTitleAndParagraphs() {
        let stored = entry("/x/a.txt", source: "x", title: "Café in KYIV", published: nil, body: ["Ｚürich", "Σ"])
        XCTAssertEqual(stored.searchText, "cafe in kyiv\nzurich\n\nσ")
        XCTAssertEqual(stored.titleKey, "cafe in kyiv")
    }
}
