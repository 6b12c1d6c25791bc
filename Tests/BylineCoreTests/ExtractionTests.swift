import XCTest
@testable import BylineCore

/// Extraction rules on small invented articles.
final class ExtractionTests: XCTestCase {
    func testNewsPageKeepsBodyAndDropsChrome() throws {
        let result = try ExtractionFixtures.extract("harbour-news")
        XCTAssertEqual(result.title, "Harbour Council Approves New Ferry Timetable After Months of Debate")
        XCTAssertEqual(result.byline, "Maren Okafor")
        XCTAssertEqual(result.published, "2022-03-30")
        XCTAssertEqual(result.dateline, "PORT ELLIS, Northland")
        XCTAssertTrue(result.paragraphs.first?.text.hasPrefix("PORT ELLIS, Northland —") ?? false)
        XCTAssertEqual(result.paragraphs.count, 6)
        for chrome in ["Advertisement", "More from Northland", "Lighthouse keeper retires after forty years on the rock",
                       "Share this article", "Facebook", "Privacy policy", "Home"] {
            XCTAssertFalse(result.bodyText.contains(chrome), "chrome in body: \(chrome)")
            XCTAssertEqual(result.verdict(of: chrome)?.verdict, .chrome, chrome)
        }
        XCTAssertEqual(result.captions, ["Image: The ferry terminal at dawn (Photo: Ilse Varga)"])
        XCTAssertTrue(result.bodyText.contains("which the council accepted"), "body after the related list is kept")
    }

    func testEveryBlockHasAVerdictAndReason() throws {
        let text = try ExtractionFixtures.text("harbour-news")
        let result = Extractor().extract(text)
        XCTAssertEqual(result.blocks.count, text.components(separatedBy: "\n\n").count)
        XCTAssertTrue(result.blocks.allSatisfy { !$0.reason.isEmpty })
    }

    func testAllCapsTitleSignOffBylineMidwordJoinAndStoryCards() throws {
        let result = try ExtractionFixtures.extract("river-caps")
        XCTAssertEqual(result.title, "RIVER BOARD DELAYS VOTE ON NEW BRIDGE TOLLS")
        XCTAssertEqual(result.section, "Regional")
        XCTAssertEqual(result.byline, "Our Correspondent")
        XCTAssertTrue(result.bodyText.contains("had promised last year"))
        XCTAssertEqual(result.paragraphs.count, 3)
        XCTAssertFalse(result.bodyText.contains("Recent Posts"))
        XCTAssertFalse(result.bodyText.contains("Mill Town"))
        XCTAssertFalse(result.bodyText.contains("Connect with us"))
        XCTAssertNil(result.published, "a relative age dates another story")
    }

    func testDropCapAndLongDateFormat() throws {
        let result = try ExtractionFixtures.extract("drop-cap")
        XCTAssertEqual(result.title, "How a Small Village Grew the Country's Largest Pumpkin")
        XCTAssertEqual(result.section, "Gardening")
        XCTAssertEqual(result.published, "2019-11-20T11:42")
        XCTAssertTrue(result.paragraphs.first?.text.hasPrefix("The pumpkin weighed") ?? false)
    }

    func testPortugueseArticle() throws {
        let result = try ExtractionFixtures.extract("lisboa-pt")
        XCTAssertEqual(result.title, "Câmara aprova novo horário dos elétricos")
        XCTAssertEqual(result.byline, "Joana Ferreira")
        XCTAssertEqual(result.published, "2010-10-22T20:13")
        XCTAssertEqual(result.paragraphs.count, 3)
        XCTAssertFalse(result.bodyText.contains("Leia mais"))
        XCTAssertFalse(result.bodyText.contains("Obras fecham"))
    }

    func testDuplicatedHeadlineIsTheTitleAndNotBody() {
        let text = """
            Menu

            Lanterns Return to the Old Canal for the Winter Festival

            Lanterns Return to the Old Canal for the Winter Festival

            By Tomas Reyes

            The old canal will be lit by a thousand paper lanterns again this winter, the festival committee said on Monday, after a two-year pause for repairs to the towpath.

            Volunteers have been folding lanterns in the church hall since September, and the committee said it still needed help with the floating platforms that carry them.
            """
        let result = Extractor().extract(text)
        XCTAssertEqual(result.title, "Lanterns Return to the Old Canal for the Winter Festival")
        XCTAssertEqual(result.byline, "Tomas Reyes")
        XCTAssertEqual(result.paragraphs.count, 2)
        XCTAssertFalse(result.bodyText.contains("Lanterns Return"))
    }

    func testHardWrapsAreUnwrapped() {
        let text = """
            A Quiet Road Gets Its First Traffic Light After Years of Requests

            The parish council said the light would be switched on next week,
            after years of requests from parents whose children cross the road
            on their way to the village school every morning.

            Drivers will be asked to slow down for a month while the new signals are tested by the engineers.
            """
        let result = Extractor().extract(text)
        XCTAssertEqual(result.paragraphs.first?.text,
                       "The parish council said the light would be switched on next week, after years of requests "
                       + "from parents whose children cross the road on their way to the village school every morning.")
    }

    func testBylineForms() {
        let written = Extractor().extract("""
            Winter Tides Reach Record Height Along the Coast

            Written by Ana Lindqvist

            The tide gauge at the harbour recorded its highest reading in forty years on Sunday night, when strong winds pushed the sea over the wall.
            """)
        XCTAssertEqual(written.byline, "Ana Lindqvist")
        let reporter = Extractor().extract("""
            Winter Tides Reach Record Height Along the Coast

            Ana Lindqvist / News reporter

            The tide gauge at the harbour recorded its highest reading in forty years on Sunday night, when strong winds pushed the sea over the wall.
            """)
        XCTAssertEqual(reporter.byline, "Ana Lindqvist")
    }

    func testEmptyAndWhitespaceInput() {
        XCTAssertEqual(Extractor().extract("").paragraphs, [])
        XCTAssertEqual(Extractor().extract("\n\n   \n").title, "")
    }

    func testBoilerplateLinesRepeatedAcrossFilesAreChrome() {
        let footer = "Sign up for the Valley Courier morning briefing"
        let texts = (1...4).map { number in
            "Story number \(number) has a headline\n\nSome text about story \(number) that is long enough.\n\n\(footer)"
        }
        let boilerplate = BoilerplateDetector.detect(texts: texts)
        let result = Extractor().extract("""
            Orchard Owners Brace for an Early Frost This Week

            Growers in the valley covered their young trees with fleece on Tuesday as forecasters warned of a sharp frost.

            \(footer)

            The cold is expected to last two nights, and growers said the blossom was already further on than usual.
            """, boilerplate: boilerplate)
        XCTAssertEqual(result.verdict(of: footer)?.verdict, .chrome)
        XCTAssertFalse(result.bodyText.contains(footer))
    }

    func testTenMegabyteSingleLineDoesNotHang() {
        let line = String(repeating: "word and more words, ", count: 500_000)
        let start = Date()
        let result = Extractor().extract(line)
        XCTAssertLessThan(Date().timeIntervalSince(start), 20)
        XCTAssertEqual(result.blocks.count, 1)
    }
}
