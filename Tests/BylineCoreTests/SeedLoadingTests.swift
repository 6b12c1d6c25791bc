import XCTest
@testable import BylineCore

/// The two real scraped articles the project started from, through the whole loader.
final class SeedLoadingTests: XCTestCase {
    private var seeds: [Article] = []

    override func setUpWithError() throws {
        guard let shared = PackagePaths.shared,
              FileManager.default.fileExists(atPath: shared + "/seeds/000_55d11f1e474ddfeb.txt") else {
            throw XCTSkip("../shared/seeds is not beside the package")
        }
        let store = ArticleStore()
        ArticleLoader().load(try FileWalker.walk([shared + "/seeds"]), into: store)
        seeds = store.snapshot().articles
    }

    private func seed(_ prefix: String) throws -> Article {
        try XCTUnwrap(seeds.first { ($0.path as NSString).lastPathComponent.hasPrefix(prefix) }, "seed \(prefix) not loaded")
    }

    private let chromeLines = [
        "Connect with us", "Published", "on", "Recent Posts", "13 minutes ago", "Ukraine Russia Peace Talks Istanbul",
        "Our Correspondent", "World",
    ]

    func testBothSeedsLoad() {
        XCTAssertEqual(seeds.count, 2)
    }

    func testTitlesAreExact() throws {
        XCTAssertEqual(try seed("000").title, "RUSSIA PLAYS DOWN HOPES FOR ‘BREAKTHROUGH’ IN PEACE TALKS")
        XCTAssertEqual(try seed("002").title, "Ukraine, Russia Discuss Peace Talks Amid Continuing Violence")
    }

    func testSplitWordIsJoined() throws {
        let body = try seed("000").body
        XCTAssertTrue(body.contains("after Russia promised it would scale back"), body)
        XCTAssertFalse(body.contains("prom\n"))
        XCTAssertFalse(body.contains("prom ised"))
    }

    func testBylineOfSeed000() throws {
        XCTAssertEqual(try seed("000").byline, "Our Correspondent")
    }

    func testNoChromeLineInEitherBody() throws {
        for prefix in ["000", "002"] {
            let article = try seed(prefix)
            for paragraph in article.paragraphs {
                XCTAssertFalse(chromeLines.contains(paragraph.text), "chrome “\(paragraph.text)” in the body of seed \(prefix)")
            }
            for chrome in ["Connect with us", "Recent Posts", "13 minutes ago", "Ukraine Russia Peace Talks Istanbul", "Our Correspondent"] {
                XCTAssertFalse(article.body.contains(chrome), "“\(chrome)” in the body of seed \(prefix)")
            }
        }
    }

    func testBodiesKeepTheirFirstAndLastParagraphs() throws {
        let first = try seed("000").paragraphs
        XCTAssertEqual(first.first?.text.hasPrefix("Russia on Wednesday played down hopes"), true)
        XCTAssertEqual(first.last?.text.hasSuffix("$500 million in direct budgetary aid."), true)
        let second = try seed("002").paragraphs
        XCTAssertEqual(second.first?.text.hasPrefix("ISTANBUL, Turkey — Ukraine and Russia held peace negotiations"), true)
        XCTAssertEqual(second.last?.text.hasSuffix("navigating the complexities of diplomatic dialogue."), true)
    }
}
