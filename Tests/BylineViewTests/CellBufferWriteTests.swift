import XCTest
@testable import BylineView

/// `CellBuffer.write` lays out plain ASCII and simple scripts without splitting graphemes; the cells must be
/// exactly those of the grapheme-by-grapheme layout.
final class CellBufferWriteTests: XCTestCase {
    /// The cells the grapheme-by-grapheme rule gives for `text` written from column `x` on an empty row.
    private func expectedRow(_ text: String, x: Int, width: Int, limit: Int, style: Style) -> [String] {
        var row = Array(repeating: " ", count: width)
        var column = x
        for grapheme in text {
            let cellWidth = DisplayWidth.of(grapheme)
            if cellWidth == 0 { continue }
            if column + cellWidth > limit {
                if column < limit && column >= 0 { row[column] = " " }
                break
            }
            if column >= 0 {
                row[column] = DisplayWidth.printable(grapheme)
                for offset in 1..<cellWidth { row[column + offset] = "" }
            }
            column += cellWidth
        }
        return row
    }

    func testEveryKindOfTextLandsInTheSameCells() {
        let samples = [
            "Plain ASCII headline, with punctuation: 100% (ok)!",
            "Vélanne’s “harbour” — 3 km…",
            "Президент заявил: «да»",
            "漢字とかな、全角！ＡＢＣ",
            "e\u{301}cole and 👨‍👩‍👧 and 🇫🇷 flags",
            "tab\there and a bell\u{07}",
            "한국어 text",
            "",
        ]
        for text in samples {
            for (x, limit) in [(0, 30), (3, 12), (0, 7), (5, 5), (-2, 30)] {
                var buffer = CellBuffer(width: 30, height: 1)
                let end = buffer.write(text, x: x, y: 0, maxX: limit, style: .plain)
                XCTAssertEqual((0..<30).map { buffer[$0, 0].text }, expectedRow(text, x: x, width: 30, limit: limit, style: .plain),
                               "\(text) from \(x) to \(limit)")
                XCTAssertLessThanOrEqual(end, max(limit, x), text)
            }
        }
    }

    func testTheColumnAfterTheTextOrTheLimit() {
        var buffer = CellBuffer(width: 20, height: 1)
        XCTAssertEqual(buffer.write("abc", x: 2, y: 0, style: .plain), 5)
        XCTAssertEqual(buffer.write("abcdef", x: 2, y: 0, maxX: 6, style: .plain), 6)
        XCTAssertEqual(buffer.write("", x: 4, y: 0, style: .plain), 4)
        XCTAssertEqual(buffer.write("漢字", x: 0, y: 0, maxX: 3, style: .plain), 3)
        XCTAssertEqual(buffer[2, 0].text, " ", "a wide glyph that does not fit leaves a space")
    }

    func testWritingOverHalfAWideGlyphBlanksTheOtherHalf() {
        var buffer = CellBuffer(width: 6, height: 1)
        buffer.write("漢字", x: 0, y: 0, style: .plain)
        buffer.write("a", x: 1, y: 0, style: .plain)
        XCTAssertEqual((0..<6).map { buffer[$0, 0].text }, [" ", "a", "字", "", " ", " "])
        buffer.write("bé", x: 2, y: 0, style: .plain)
        XCTAssertEqual((0..<6).map { buffer[$0, 0].text }, [" ", "a", "b", "é", " ", " "])
    }
}
