import XCTest
@testable import BylineView

final class TextWrapperTests: XCTestCase {
    func testWrapsAtWordBoundaries() {
        XCTAssertEqual(TextWrapper.wrap("the quick brown fox jumps over", width: 10), ["the quick", "brown fox", "jumps over"])
    }

    func testMeasuresDisplayWidthOfCJKAndEmoji() {
        // Each CJK character and each of these emoji takes two columns.
        let lines = TextWrapper.wrap("漢字漢字 🎉🎉 ok", width: 8)
        XCTAssertEqual(lines, ["漢字漢字", "🎉🎉 ok"])
        for line in lines { XCTAssertLessThanOrEqual(DisplayWidth.of(line), 8) }
    }

    func testBreaksWordsLongerThanTheWidth() {
        XCTAssertEqual(TextWrapper.wrap("abcdefghij xy", width: 4), ["abcd", "efgh", "ij", "xy"])
        XCTAssertEqual(TextWrapper.wrap("漢字漢", width: 3), ["漢", "字", "漢"])
    }

    func testWideGraphemeInOneColumnPaneGetsItsOwnLine() {
        // Cannot fit, but must not loop forever or drop text.
        XCTAssertEqual(TextWrapper.wrap("漢a", width: 1), ["漢", "a"])
    }

    func testEmptyAndBlankParagraphsGiveNoLines() {
        XCTAssertEqual(TextWrapper.wrap("", width: 10), [])
        XCTAssertEqual(TextWrapper.wrap("   \n ", width: 10), [])
        XCTAssertEqual(TextWrapper.wrap("word", width: 0), [])
    }

    func testCurlyQuotesAndDashesAreOneColumn() {
        XCTAssertEqual(DisplayWidth.of("“Peace” — talks’"), 16)
        XCTAssertEqual(DisplayWidth.of("Привет"), 6)
    }

    func testTruncateAddsEllipsisWithinWidth() {
        XCTAssertEqual(DisplayWidth.truncate("Ukraine, Russia Discuss", to: 10), "Ukraine, …")
        XCTAssertEqual(DisplayWidth.truncate("short", to: 10), "short")
        XCTAssertEqual(DisplayWidth.truncate("漢字漢字", to: 4), "漢…")
        XCTAssertEqual(DisplayWidth.of(DisplayWidth.truncate("漢字漢字", to: 4)), 3)
        XCTAssertEqual(DisplayWidth.fit("漢字漢字", to: 4), "漢… ")
    }

    /// Property: for many random texts and widths, no line is wider than the width and no text is lost or reordered.
    func testWrappingPropertiesOnRandomText() {
        var generator = SeededRandom(seed: 42)
        let alphabet = Array("abcdefghij  —“”’ЖДюя漢字한🎉👍é\u{301}") + ["👨‍👩‍👧"]
        for _ in 0..<2_000 {
            let length = Int(generator.next() % 80)
            let text = String((0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] })
            let width = 1 + Int(generator.next() % 30)
            let lines = TextWrapper.wrap(text, width: width)
            for line in lines where line.count > 1 {
                XCTAssertLessThanOrEqual(DisplayWidth.of(line), width, "line \(line.debugDescription) at width \(width)")
            }
            let words = text.split(whereSeparator: { $0 == " " }).joined()
            XCTAssertEqual(lines.joined().replacingOccurrences(of: " ", with: ""), words, "text lost or reordered: \(text.debugDescription)")
        }
    }
}
