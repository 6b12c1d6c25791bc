import XCTest
@testable import BylineCore

/// The ASCII run loop of the block scan against the scalar table and the scalar-by-scalar counts it stands in for.
final class ExtractionWordRunTests: XCTestCase {
    func testASCIIWordBytesMatchTheScalarTable() {
        for byte in 0..<256 {
            let lowered = ASCIIClass.loweredWordBytes[byte]
            guard byte < 0x80 else {
                XCTAssertEqual(lowered, 0, "byte \(byte)")
                continue
            }
            let isWord = ScalarTable.shared.flags(UInt32(byte)) & ScalarTable.word != 0
            XCTAssertEqual(lowered != 0, isWord, "byte \(byte)")
            if isWord { XCTAssertEqual(UInt32(lowered), ScalarTable.shared.lowercased(UInt32(byte)), "byte \(byte)") }
        }
    }

    /// The word pass counts every block's sentence ends (among its first 4001 scalars) as `sentenceEnds` does.
    func testSentenceEndsOfTheWordPassMatchTheMarkScan() {
        var generator = SplitMix(seed: 43)
        let pieces = [". A", ". \"", "! “", "? «", "… B", ". a", ".  C", " ", "x", "é", "Ж", "😀", "\u{301}", "Q",
                      "word", "The", "_", "9", ".", "!", "?", "…", " ", "ж", "\r\n", "’", "\u{200D}", ".É", ". É"]
        var counted = 0, long = 0
        for _ in 0..<800 {
            var text = ""
            let pieceCount = generator.next() % 5 == 0 ? 1000 + generator.below(1200) : generator.below(80)
            text += generator.pieces(pieceCount, from: pieces)
            let scan = BlockFeatures.scan(text)
            let expected = UTF8Text.withBytes(text) { BlockFeatures.sentenceEnds($0, table: ScalarTable.shared) }
            XCTAssertEqual(scan.innerSentenceEnds, expected, text.debugDescription)
            for limit in [1, 7, 8, 9, 400, 4001] {
                let scalars = Array(text.unicodeScalars)
                let end = scalars.count > limit ? String(String.UnicodeScalarView(scalars[..<limit])).utf8.count : text.utf8.count
                XCTAssertEqual(UTF8Text.withBytes(text) { BlockFeatures.openingEnd($0, scalars: limit) }, end)
            }
            counted += expected
            if text.utf8.count > 4001 { long += 1 }
        }
        XCTAssertGreaterThan(counted, 500, "texts must hold sentence ends")
        XCTAssertGreaterThan(long, 10, "some texts must be longer than 4001 bytes")
    }

    /// The eight-byte steps of `spaceSeparatedCount` against the count by `Character`, across the cut and the limit.
    func testSpaceSeparatedCountByLanesMatchesTheCharacterCount() {
        var generator = SplitMix(seed: 53)
        let pieces = [" ", "  ", "word", "a", "The", "x", "é", "—", "\r\n", "\u{301}", "Ж", "12,", "long-winded", "\t"]
        var byBytes = 0
        for _ in 0..<4000 {
            var text = ""
            text += generator.pieces(upTo: 80, from: pieces)
            for (characters, limit) in [(200, 12), (12, 3), (17, 40), (64, 5), (1, 0)] {
                let expected = WordScanner.spaceSeparatedCountByCharacter(text, characters: characters, atMost: limit)
                if let count = WordScanner.spaceSeparatedCount(text, characters: characters, atMost: limit) {
                    XCTAssertEqual(count, expected, "\(characters) \(limit) \(text.debugDescription)")
                    byBytes += 1
                }
            }
        }
        XCTAssertGreaterThan(byBytes, 5000, "most texts must be counted by bytes")
    }
}
