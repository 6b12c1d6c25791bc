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
