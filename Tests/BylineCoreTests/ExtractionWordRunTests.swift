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

    /// Blocks of up to 4001 bytes count their sentence ends in the word pass; longer ones by `sentenceEnds`.
    func testSentenceEndsOfTheWordPassMatchTheMarkScan() {
        var generator = SplitMix(seed: 43)
        let pieces = [". A", ". \"", "! “", "? «", "… B", ". a", ".  C", " ", "x", "é", "Ж", "😀", "\u{301}", "Q",
                      "word", "The", "_", "9", ".", "!", "?", "…", " ", "ж", "\r\n", "’", "\u{200D}", ".É", ". É"]
        var counted = 0, long = 0
        for _ in 0..<800 {
            var text = ""
            let pieceCount = generator.next() % 5 == 0 ? 1000 + Int(generator.next() % 1200) : Int(generator.next() % 80)
            for _ in 0..<pieceCount { text += pieces[Int(generator.next() % UInt64(pieces.count))] }
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
}
