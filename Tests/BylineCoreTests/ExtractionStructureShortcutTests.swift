import Foundation
import XCTest
@testable import BylineCore

/// The byte shortcuts of the extractor's structure (bylines, repeats) against the plain code they stand in for.
final class ExtractionStructureShortcutTests: XCTestCase {
    private static let pieces: [String] = [
        " by ", " by", "by ", "by", " ", "  ", "b", "y", "monday", "nov. 18, 2019", "7:45 am", "pst", "joe",
        "é", "e\u{301}", "\u{301}", "\r", "\r\n", "—", "“", "日本", "😀", "👍🏽", "\u{0627}\u{0644}", "ж", "\u{0483}",
        "\u{200D}", "\u{00A0}", "ǆ", "ﬁ", "\u{2028}",
    ]

    private static func plainCharactersThroughBy(_ lower: String) -> Int? {
        guard let range = lower.range(of: " by ") else { return nil }
        return lower.distance(from: lower.startIndex, to: range.upperBound)
    }

    func testCharactersThroughByMatchesFoundation() {
        var generator = SplitMix(seed: 41)
        var found = 0, notFound = 0
        for _ in 0..<20000 {
            var text = ""
            for _ in 0..<generator.below(14) { text += Self.pieces[generator.below(Self.pieces.count)] }
            let expected = Self.plainCharactersThroughBy(text)
            XCTAssertEqual(BylineFinder.charactersThroughBy(text), expected, text.debugDescription)
            if expected == nil { notFound += 1 } else { found += 1 }
        }
        XCTAssertGreaterThan(found, 1000)
        XCTAssertGreaterThan(notFound, 1000)
    }
}
