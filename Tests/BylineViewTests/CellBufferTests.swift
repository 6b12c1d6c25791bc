import XCTest
@testable import BylineView

final class CellBufferTests: XCTestCase {
    func testWideGraphemesTakeTwoCells() {
        var buffer = CellBuffer(width: 10, height: 1)
        let end = buffer.write("a漢b", x: 0, y: 0, style: .plain)
        XCTAssertEqual(end, 4)
        XCTAssertEqual(buffer[1, 0].text, "漢")
        XCTAssertTrue(buffer[2, 0].isContinuation)
        XCTAssertEqual(buffer[3, 0].text, "b")
        XCTAssertEqual(buffer.rowText(0), "a漢b      ")
    }

    func testWriteStopsAtLimitAndNeverSplitsAWideGrapheme() {
        var buffer = CellBuffer(width: 5, height: 1)
        let end = buffer.write("ab漢字", x: 0, y: 0, maxX: 5, style: .plain)
        XCTAssertEqual(end, 5)
        XCTAssertEqual(buffer.rowText(0), "ab漢 ")
    }

    func testOverwritingHalfAWideGraphemeBlanksTheOtherHalf() {
        var buffer = CellBuffer(width: 4, height: 1)
        buffer.write("漢字", x: 0, y: 0, style: .plain)
        buffer.write("x", x: 1, y: 0, style: .plain)
        XCTAssertEqual(buffer.rowText(0), " x字")
        XCTAssertFalse(buffer[1, 0].isContinuation)
    }

    func testFillBlanksAWideGraphemeItCutsInTwo() {
        var buffer = CellBuffer(width: 6, height: 1)
        buffer.write("漢字漢", x: 0, y: 0, style: .plain)
        buffer.fill(Rect(x: 1, y: 0, width: 2, height: 1), with: Cell("-"))
        XCTAssertEqual(buffer.rowText(0), " -- 漢")
        XCTAssertFalse(buffer[3, 0].isContinuation)
    }

    func testOverwritingTheMiddleOfAVeryWideGraphemeBlanksAllOfIt() {
        var buffer = CellBuffer(width: 10, height: 1)
        buffer.write("👩‍👩‍👧‍👦x", x: 0, y: 0, style: .plain)
        XCTAssertEqual(DisplayWidth.of(buffer.rowText(0)), 10)
        buffer.write("ab", x: 3, y: 0, style: .plain)
        XCTAssertEqual(buffer.rowText(0), "   ab   x ")
    }

    func testUnprintableScalarsBecomeReplacementCharacters() {
        var buffer = CellBuffer(width: 6, height: 1)
        buffer.write("a\u{1B}b\u{7}", x: 0, y: 0, style: .plain)
        XCTAssertFalse(buffer.rowText(0).unicodeScalars.contains { $0.value < 0x20 })
        XCTAssertEqual(buffer.rowText(0), "a�b�  ")
    }

    func testWritesOutsideTheBufferAreClipped() {
        var buffer = CellBuffer(width: 3, height: 1)
        buffer.write("abc", x: -1, y: 0, style: .plain)
        buffer.write("zzz", x: 0, y: 5, style: .plain)
        XCTAssertEqual(buffer.rowText(0), "bc ")
    }
}
