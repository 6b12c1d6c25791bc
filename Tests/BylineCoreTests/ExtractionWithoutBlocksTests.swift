import Foundation
import XCTest
@testable import BylineCore

/// `Extractor.extract(_:boilerplate:keepingBlocks: false)` skips the per-block verdicts: every other field must
/// be what the full extraction gives.
final class ExtractionWithoutBlocksTests: XCTestCase {
    private static let headChrome = [
        "Home", "World", "Subscribe", "Share", "Menu\nSign in\nSearch", "→ Next story", "Related Stories",
        "Read more about the ferry", "www.example.com/news", "News > Nation", "Business", "Company Town",
        "2 hours ago", "Advertisement", "Follow us on Twitter",
    ]
    private static let headlines = [
        "Council Approves New Ferry Plan For Vélanne", "Prices Rise As Bread Costs Climb Again",
        "РОССИЯ ОБСУЖДАЕТ МИРНЫЕ ПЕРЕГОВОРЫ В СТАМБУЛЕ", "Why Did The Bridge Close?", "Story 12 about Kyiv talks",
        "“We Will Not Wait,” Says The Mayor",
    ]
    private static let metas = [
        "By Anna Smith", "Published 2024-03-05", "March 5, 2024 7:45 am PST", "Anna Smith", "Updated 2 hours ago",
        "By Meg James Staff Writer\nNov. 18, 2019", "Published on", "Posted by Jean Dupont on 12/03/2021", "by",
        "Por María López", "Our Correspondent",
    ]
    private static let captions = [
        "Photo: Reuters", "(AP Photo/John Doe)", "The bridge at dawn. Photo: Jane Roe / Getty Images",
    ]
    private static let words = [
        "the", "council", "said", "on", "Tuesday", "that", "ferry", "to", "Vélanne", "would", "run", "again",
        "from", "first", "of", "month", "prices", "bread", "and", "milk", "rose", "by", "a", "tenth", "in", "year",
        "March", "statistics", "office", "reported", "mayor", "Ångström", "crowd", "gathered", "outside", "hall",
        "министр", "сказал", "мост", "Anna", "Smith", "“we", "ready,”", "—", "12", "2024",
    ]
    private static let tail = [
        "© 2024 Example. All rights reserved.", "About Anna Smith", "Anna Smith is a writer for the paper.",
        "Recent Posts", "Connect with us", "Prices Rise As Bread Costs Climb Again\nCouncil Approves New Ferry Plan",
        "Published 2024-03-06", "Share\nTweet\nEmail", "1", "Chevrolet", "Meg James", "Tags: ferry, council",
    ]

    private static func paragraph(_ generator: inout SplitMix) -> String {
        var text = ["", "ISTANBUL, Turkey — ", "T he ", "“", "Anna Smith "][generator.below(10) < 6 ? 0 : generator.below(5)]
        for sentence in 0..<(1 + generator.below(5)) {
            var words: [String] = []
            for _ in 0..<(3 + generator.below(22)) { words.append(Self.words[generator.below(Self.words.count)]) }
            if sentence == 0, text.isEmpty, let first = words.first { words[0] = first.capitalized }
            text += (sentence > 0 ? " " : "") + words.joined(separator: " ") + [".", ".", "?", ".”", "", ":"][generator.below(6)]
        }
        return text
    }

    /// A page shaped like the dev corpus: chrome, section, headline, byline and date lines, captions, body, chrome.
    private static func page(_ generator: inout SplitMix) -> String {
        func pick(_ list: [String], _ count: Int, _ generator: inout SplitMix) -> [String] {
            (0..<count).map { _ in list[generator.below(list.count)] }
        }
        var blocks = pick(headChrome, generator.below(6), &generator)
        if generator.below(4) > 0 { blocks.append(headlines[generator.below(headlines.count)]) }
        blocks += pick(metas, generator.below(4), &generator)
        blocks += pick(captions, generator.below(2), &generator)
        for _ in 0..<generator.below(12) {
            blocks.append(generator.below(8) == 0 ? pick(captions + metas + headChrome, 1, &generator)[0] : paragraph(&generator))
        }
        if generator.below(3) == 0, blocks.count > 3 { blocks.append(blocks[generator.below(blocks.count)]) }
        blocks += pick(tail, generator.below(8), &generator)
        return blocks.joined(separator: "\n\n")
    }

    private struct Coverage {
        var extractions = 0, withBlocks = 0, afterTheBody = 0, withTitle = 0, withByline = 0, withParagraphs = 0
    }

    private func assertSame(_ text: String, _ boilerplate: Boilerplate, _ coverage: inout Coverage,
                            file: StaticString = #filePath, line: UInt = #line) {
        let extractor = Extractor()
        var full = extractor.extract(text, boilerplate: boilerplate)
        let lean = extractor.extract(text, boilerplate: boilerplate, keepingBlocks: false)
        XCTAssertEqual(lean.blocks, [], file: file, line: line)
        coverage.extractions += 1
        if !full.blocks.isEmpty { coverage.withBlocks += 1 }
        if full.blocks.contains(where: { $0.reason.hasSuffix(", after the body") }) { coverage.afterTheBody += 1 }
        if !full.title.isEmpty { coverage.withTitle += 1 }
        if full.byline != nil { coverage.withByline += 1 }
        if !full.paragraphs.isEmpty { coverage.withParagraphs += 1 }
        full.blocks = []
        XCTAssertEqual(lean, full, text.debugDescription, file: file, line: line)
    }

    func testGeneratedPagesGiveTheFullExtractionBarTheBlocks() {
        var generator = SplitMix(seed: 2026)
        var coverage = Coverage()
        for _ in 0..<100 {
            // A source: pages sharing chrome, read with the boilerplate found in them, as the loader does.
            let pages = (0..<(1 + generator.below(6))).map { _ in Self.page(&generator) }
            let boilerplate = BoilerplateDetector.detect(texts: pages)
            for page in pages {
                assertSame(page, .none, &coverage)
                if boilerplate != .none { assertSame(page, boilerplate, &coverage) }
            }
        }
        assertSame("", .none, &coverage)
        assertSame("\n\n  \n", .none, &coverage)
        XCTAssertGreaterThan(coverage.extractions, 400)
        XCTAssertGreaterThan(coverage.withBlocks, coverage.extractions - 3)
        XCTAssertGreaterThan(coverage.afterTheBody, 50)
        XCTAssertGreaterThan(coverage.withTitle, 100)
        XCTAssertGreaterThan(coverage.withByline, 100)
        XCTAssertGreaterThan(coverage.withParagraphs, 300)
    }

    func testFixturesAndTheDevCorpusGiveTheFullExtractionBarTheBlocks() throws {
        var coverage = Coverage()
        for name in ["drop-cap", "harbour-news", "lisboa-pt", "river-caps"] {
            assertSame(try ExtractionFixtures.text(name), .none, &coverage)
        }
        let folder = ExtractionFixtures.sharedFolder.appendingPathComponent("corpus/dev/articles")
        let sources = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        for source in sources.sorted() {
            let sourceFolder = folder.appendingPathComponent(source)
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: sourceFolder.path)) ?? []).sorted()
            let texts = names.filter { $0.hasSuffix(".txt") }.compactMap { name in
                (try? String(contentsOf: sourceFolder.appendingPathComponent(name), encoding: .utf8)).map(TextSanitizer.sanitize)
            }
            let boilerplate = BoilerplateDetector.detect(texts: texts)
            for text in texts {
                assertSame(text, .none, &coverage)
                assertSame(text, boilerplate, &coverage)
            }
        }
        XCTAssertEqual(coverage.withBlocks, coverage.extractions)
        XCTAssertGreaterThan(coverage.withTitle, coverage.extractions / 2)
    }
}
