import XCTest
@testable import BylineCore

/// The two real seed articles in ../shared/seeds (present in CI; skipped only when absent).
final class ExtractionSeedTests: XCTestCase {
    private func seed(_ prefix: String) throws -> Extraction {
        let folder = ExtractionFixtures.sharedFolder.appendingPathComponent("seeds")
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path),
              let name = names.first(where: { $0.hasPrefix(prefix) && $0.hasSuffix(".txt") }) else {
            throw XCTSkip("../shared/seeds not present")
        }
        let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
        return Extractor().extract(TextSanitizer.sanitize(text))
    }

    func testSeed000() throws {
        let result = try seed("000_")
        XCTAssertEqual(result.title, "RUSSIA PLAYS DOWN HOPES FOR ‘BREAKTHROUGH’ IN PEACE TALKS")
        XCTAssertEqual(result.byline, "Our Correspondent")
        XCTAssertTrue(result.bodyText.contains("after Russia promised it would scale back"))
        for chrome in ["Recent Posts", "Our Correspondent", "minutes ago", "IMF Raises", "Hugh Jackman"] {
            XCTAssertFalse(result.bodyText.contains(chrome), chrome)
        }
        XCTAssertEqual(result.paragraphs.count, 5)
    }

    func testSeed002() throws {
        let result = try seed("002_")
        XCTAssertEqual(result.title, "Ukraine, Russia Discuss Peace Talks Amid Continuing Violence")
        XCTAssertEqual(result.section, "World")
        XCTAssertEqual(result.dateline, "ISTANBUL, Turkey")
        XCTAssertTrue(result.paragraphs.first?.text.hasPrefix("ISTANBUL, Turkey —") ?? false)
        for chrome in ["Connect with us", "Published", "Ukraine Russia Peace Talks Istanbul"] {
            XCTAssertFalse(result.paragraphs.contains { $0.text == chrome }, chrome)
        }
        XCTAssertFalse(result.bodyText.hasPrefix("World"))
    }
}
