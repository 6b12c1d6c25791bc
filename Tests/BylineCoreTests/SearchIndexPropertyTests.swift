import XCTest
@testable import BylineCore

/// The word index and the remembered searches give exactly what reading every article gives, on random
/// collections and random typing (letters added and removed, phrases, mixed scripts).
final class SearchIndexPropertyTests: XCTestCase {
    private static let words = ["kyiv", "Kyivan", "ky", "café", "Cafés", "cab", "a", "an", "ant", "Ukraine", "rain", "東京",
                                "東", "Київ", "ｋｙｉｖ", "straße", "mayor’s", "covid-19", "19", "😀", "e\u{301}te", "été", "x"]
    private static let separators = [" ", " ", " ", ", ", ". ", " — ", "\n", "“", "”", "-", ""]

    private func randomText(_ random: inout SplitMix, _ count: Int) -> String {
        var text = ""
        for _ in 0..<count {
            text += Self.words[random.below(Self.words.count)] + Self.separators[random.below(Self.separators.count)]
        }
        return text
    }

    func testIndexAgreesWithReadingEveryArticle() {
        var random = SplitMix(seed: 7)
        for round in 0..<6 {
            let entries = (0..<(40 + random.below(120))).map { number in
                StoredArticle(Article(id: ArticleID(absolutePath: "/p/\(round)/\(number).txt"), path: "/p/\(round)/\(number).txt",
                                      source: "s\(number % 3)", title: randomText(&random, random.below(4)),
                                      paragraphs: (0..<random.below(3)).map { _ in Paragraph(randomText(&random, random.below(12))) }))
            }
            for _ in 0..<40 {
                var typed = ""
                var target = randomText(&random, 1 + random.below(3)).lowercased()
                if random.below(4) == 0 { target = "\"" + target }
                for character in target {
                    typed.append(character)
                    check(typed, entries)
                }
                while !typed.isEmpty && random.below(5) != 0 {
                    typed.removeLast()
                    check(typed, entries)
                }
            }
        }
    }

    /// Enough articles that a phrase's candidates are read in several stripes on several threads, whose
    /// places are joined in order and then narrowed as the phrase grows.
    func testPhrasesTypedOverThousandsOfArticlesAgreeWithReadingEveryArticle() {
        var random = SplitMix(seed: 11)
        let entries = (0..<3_000).map { number in
            StoredArticle(Article(id: ArticleID(absolutePath: "/t/\(number).txt"), path: "/t/\(number).txt", source: "s",
                                  title: randomText(&random, random.below(3)),
                                  paragraphs: [Paragraph("kyiv " + randomText(&random, 2 + random.below(10)))]))
        }
        for _ in 0..<8 {
            var typed = ""
            for character in "\"kyiv " + randomText(&random, 1 + random.below(2)).lowercased() {
                typed.append(character)
                check(typed, entries)
            }
            while typed.count > 3 && random.below(6) != 0 {
                typed.removeLast()
                check(typed, entries)
            }
        }
    }

    /// An index built in parts and joined answers every word and word start as one built in a single pass.
    func testAnIndexJoinedFromPartsEqualsOneBuiltWhole() {
        var random = SplitMix(seed: 5)
        let texts = (0..<300).map { _ in Array(TextFolding.fold(randomText(&random, random.below(30))).utf8) }
        var whole = SearchIndex()
        texts.forEach { whole.add($0) }
        let keys = Set(texts.flatMap { text in WordBoundary.words(text).flatMap { range in
            (1...(range.count)).map { Array(text[range.lowerBound..<(range.lowerBound + $0)]) }
        } })
        for cuts in [[0, 300], [0, 1, 300], [0, 150, 151, 300], [0, 37, 120, 299, 300]] {
            var joined = SearchIndex()
            for (from, to) in zip(cuts, cuts.dropFirst()) {
                var part = SearchIndex()
                texts[from..<to].forEach { part.add($0) }
                joined.append(&part)
                XCTAssertEqual(part.entryCount, 0, "the part is emptied as it is joined")
            }
            XCTAssertEqual(joined.entryCount, whole.entryCount)
            XCTAssertEqual(joined.wordCount, whole.wordCount, "cuts \(cuts)")
            for key in keys {
                XCTAssertEqual(joined.entries(withWordStarting: key, limit: 300), whole.entries(withWordStarting: key, limit: 300),
                               "cuts \(cuts), key \(String(decoding: key, as: UTF8.self))")
                XCTAssertEqual(joined.entries(withWord: key, limit: 300), whole.entries(withWord: key, limit: 300))
            }
        }
    }

    /// Enough entries that the loader's indexing runs in parts on several cores.
    func testAStoreIndexedInPartsAnswersAsReadingEveryArticle() {
        var random = SplitMix(seed: 9)
        let entries = (0..<6_000).map { number in
            StoredArticle(Article(id: ArticleID(absolutePath: "/i/\(number).txt"), path: "/i/\(number).txt", source: "s",
                                  title: randomText(&random, random.below(3)),
                                  paragraphs: [Paragraph(randomText(&random, 1 + random.below(8)))]))
        }
        let cache = QueryCache()
        cache.prepare(entries)
        XCTAssertEqual(cache.indexedCount, entries.count)
        for search in ["k", "kyiv", "caf", "東", "ｋｙ", "straße", "été", "19", "x", "mayor’s", "kyiv ant", "\"an ant"] {
            let terms = SearchTerms(search).terms
            let expected = entries.indices.filter {
                SearchReference.matches(terms, title: entries[$0].article.title, body: entries[$0].article.body)
            }
            XCTAssertEqual(cache.apply(ArticleQuery(search: search, sort: .path), to: entries).sorted(), expected, search)
        }
    }

    func testMatchPlacesJoinStripesInOrderAndWalkForward() {
        var first = MatchPlaces(), second = MatchPlaces()
        first.append(3, [0, 9])
        first.append(7, [4])
        second.append(7, [4])
        second.append(12, [1, 2, 30])
        second.append(40, [8])
        first.append(contentsOf: second)
        XCTAssertEqual(first.entries, [3, 7, 12, 40], "entries at or below the last one held are not added twice")
        var cursor = first.firstPosition(atOrAbove: 5)
        XCTAssertEqual(cursor, 1)
        XCTAssertNil(first.offsets(of: 6, from: &cursor))
        XCTAssertEqual(first.offsets(of: 7, from: &cursor).map(Array.init), [4])
        XCTAssertEqual(first.offsets(of: 12, from: &cursor).map(Array.init), [1, 2, 30])
        XCTAssertNil(first.offsets(of: 39, from: &cursor))
        XCTAssertEqual(first.offsets(of: 40, from: &cursor).map(Array.init), [8])
        XCTAssertNil(first.offsets(of: 41, from: &cursor))
        var empty = MatchPlaces()
        empty.append(contentsOf: MatchPlaces())
        XCTAssertTrue(empty.isEmpty)
    }

    private func check(_ search: String, _ entries: [StoredArticle]) {
        let terms = SearchTerms(search).terms
        let expected = entries.indices.filter { SearchReference.matches(terms, title: entries[$0].article.title, body: entries[$0].article.body) }
        XCTAssertEqual(ArticleQuery(search: search, sort: .path).apply(to: entries).sorted(), expected, "search '\(search)'")
    }

    func testAnOlderShorterSnapshotSeesOnlyItsEntries() {
        var random = SplitMix(seed: 3)
        let all = (0..<50).map { number in
            StoredArticle(Article(id: ArticleID(absolutePath: "/o/\(number).txt"), path: "/o/\(number).txt", source: "s",
                                  title: "kyiv \(number)", paragraphs: [Paragraph(randomText(&random, 5))]))
        }
        let older = Array(all.prefix(20))
        QueryCache.shared.prepare(all)
        XCTAssertEqual(ArticleQuery(search: "kyiv", sort: .path).apply(to: older).sorted(), Array(0..<20))
        XCTAssertEqual(ArticleQuery(search: "kyiv", sort: .path).apply(to: all).count, 50)
    }
}
