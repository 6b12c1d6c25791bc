import XCTest
@testable import BylineCore

/// Scraper damage mended in body paragraphs.
final class ExtractionRepairTests: XCTestCase {
    func testMidWordSplitIsJoinedWithoutSpace() {
        XCTAssertTrue(ParagraphRepair.continues("after Russia prom", "ised it would"))
        XCTAssertEqual(ParagraphRepair.join("after Russia prom", "ised it would"), "after Russia promised it would")
    }

    func testSentenceSplitAtAWordIsJoinedWithSpace() {
        XCTAssertEqual(ParagraphRepair.join("talks resumed in the", "capital on Monday"),
                       "talks resumed in the capital on Monday")
    }

    func testFinishedParagraphIsNotJoined() {
        XCTAssertFalse(ParagraphRepair.continues("The talks ended.", "then it rained"))
        XCTAssertFalse(ParagraphRepair.continues("The talks ended", "Then it rained"))
    }

    func testDropCap() {
        XCTAssertEqual(ParagraphRepair.mendDropCap("T he Davis Cup began"), "The Davis Cup began")
        XCTAssertEqual(ParagraphRepair.mendDropCap("A man walked in"), "A man walked in")
        XCTAssertEqual(ParagraphRepair.mendDropCap("I was there"), "I was there")
    }

    func testDatelineStaysInBody() {
        XCTAssertEqual(Dateline.find(in: "ISTANBUL, Turkey — Ukraine and Russia met."), "ISTANBUL, Turkey")
        XCTAssertEqual(Dateline.find(in: "WASHINGTON (AP) — The Senate voted."), "WASHINGTON (AP)")
        XCTAssertNil(Dateline.find(in: "He said the vote — the first in years — was close."))
    }
}
