import Foundation
import XCTest
@testable import BylineCore

/// Times `ArticleQuery.apply` at 100,000 articles: search keystrokes and source toggles, median and 99th
/// percentile, against the former algorithm (fold-string `contains` on every article, then a full sort).
/// Runs only with `BYLINE_QUERY_BENCH=1`, in a release build:
/// `BYLINE_QUERY_BENCH=1 swift test -c release -Xswiftc -enable-testing --filter PerfQueryTests`
final class PerfQueryTests: XCTestCase {
    private static let words = ("the of and to in a is that for it as was with be by on not he this are or his from at "
        + "which but have an they you were her she there been one all we their has would when if so no will more said "
        + "about people year government minister police city report new after could first two over time market company "
        + "president country state court war officials million percent week news data health school water energy plan "
        + "vote party election council border attack peace talks trade economy prices inflation bank kyiv zelensky "
        + "ukraine russia europe china climate storm fire flood café résumé naïve zürich são paulo méxico").split(separator: " ").map(String.init)

    private func corpus(_ count: Int) -> [StoredArticle] {
        var generator = SeededGenerator(seed: 42)
        var entries: [StoredArticle] = []
        entries.reserveCapacity(count)
        for number in 0..<count {
            func sentence() -> String {
                let text = (0..<Int.random(in: 8...24, using: &generator)).map { _ in Self.words.randomElement(using: &generator)! }
                    .joined(separator: " ")
                return text.prefix(1).uppercased() + text.dropFirst() + (Bool.random(using: &generator) ? "." : " — “quoted”.")
            }
            let paragraphs = (0..<Int.random(in: 3...12, using: &generator)).map { _ in
                Paragraph((0..<Int.random(in: 2...5, using: &generator)).map { _ in sentence() }.joined(separator: " "))
            }
            let source = "source\(number % 40).example"
            let path = "/corpus/\(source)/a\(number).txt"
            entries.append(StoredArticle(Article(
                id: ArticleID(absolutePath: path), path: path, source: source, title: sentence(),
                published: number % 10 == 0 ? nil : "2024-\(1 + number % 12)-\(1 + number % 28)", paragraphs: paragraphs)))
        }
        return entries
    }

    /// The algorithm `apply` replaced, kept here as the baseline.
    private func formerApply(_ query: ArticleQuery, _ entries: [StoredArticle], _ folded: [String]) -> [Int] {
        let terms = SearchTerms(query.search).terms
        let matches = entries.indices.filter { index in
            (query.sources.isEmpty || query.sources.contains(entries[index].article.source))
                && terms.allSatisfy { folded[index].contains($0) }
        }
        return matches.sorted(by: EntryOrders.comparator(query.sort, entries))
    }

    private func summary(_ label: String, _ milliseconds: [Double]) -> String {
        let sorted = milliseconds.sorted()
        let median = sorted[sorted.count / 2], p99 = sorted[min(sorted.count - 1, sorted.count * 99 / 100)]
        return "\(label): median \(String(format: "%.2f", median)) ms, p99 \(String(format: "%.2f", p99)) ms over \(sorted.count)"
    }

    private func time(_ body: () -> Void) -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
    }

    func testQueryTimesAtOneHundredThousandArticles() throws {
        guard ProcessInfo.processInfo.environment["BYLINE_QUERY_BENCH"] == "1" else {
            throw XCTSkip("set BYLINE_QUERY_BENCH=1 to time queries")
        }
        let count = Int(ProcessInfo.processInfo.environment["BYLINE_QUERY_COUNT"] ?? "") ?? 100_000
        let entries = corpus(count)
        let bytes = entries.reduce(0) { $0 + $1.searchBytes.count }
        print("query bench: \(count) articles, \(bytes / 1_000_000) MB of folded text")
        let typed = ["kyiv talks", "zelensky", "méxico city", "\"peace talks\"", "inflation bank", "quux", "résumé"]
        var keystrokes: [Double] = []
        for _ in 0..<8 {
            for text in typed {
                for length in 1...text.count {
                    let query = ArticleQuery(search: String(text.prefix(length)))
                    keystrokes.append(time { _ = query.apply(to: entries) })
                }
                for length in stride(from: text.count - 1, through: 0, by: -1) {
                    let query = ArticleQuery(search: String(text.prefix(length)))
                    keystrokes.append(time { _ = query.apply(to: entries) })
                }
            }
        }
        print(summary("search keystroke (typing and deleting)", keystrokes))
        var oneWord: [Double] = []
        for _ in 0..<50 { oneWord.append(time { _ = ArticleQuery(search: "zelensky").apply(to: entries) }) }
        print(summary("one-word search, repeated", oneWord))
        var toggles: [Double] = []
        var shown: Set<String> = []
        for step in 0..<1_000 {
            let source = "source\((step * 7) % 40).example"
            if shown.contains(source) { shown.remove(source) } else { shown.insert(source) }
            let query = ArticleQuery(sources: shown, search: step % 2 == 0 ? "" : "kyiv", sort: .date)
            toggles.append(time { _ = query.apply(to: entries) })
        }
        print(summary("source toggle", toggles))
        // The former algorithm, on fewer runs: it takes long.
        let folded = entries.map { $0.searchText }
        var former: [Double] = []
        for text in ["k", "ky", "kyi", "kyiv", "zelensky"] {
            former.append(time { _ = formerApply(ArticleQuery(search: text), entries, folded) })
        }
        print(summary("former algorithm, search keystroke", former))
        var formerToggles: [Double] = []
        for step in 0..<5 {
            formerToggles.append(time { _ = formerApply(ArticleQuery(sources: ["source\(step).example"]), entries, folded) })
        }
        print(summary("former algorithm, source toggle", formerToggles))
        XCTAssertEqual(ArticleQuery(search: "kyiv").apply(to: entries), formerApply(ArticleQuery(search: "kyiv"), entries, folded))
    }
}

/// A small deterministic random generator (SplitMix64).
private struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
