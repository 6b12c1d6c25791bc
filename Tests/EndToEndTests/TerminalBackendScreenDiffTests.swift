@testable import BylineTerminal
import BylineView
import XCTest

/// The pure diff that decides which cells the backend writes.
final class TerminalBackendScreenDiffTests: XCTestCase {
    private let bold = Style(modifiers: [.bold])
    private let red = Style(foreground: .ansi(1))

    private func buffer(_ rows: [String], width: Int) -> CellBuffer {
        var buffer = CellBuffer(width: width, height: rows.count)
        for (y, row) in rows.enumerated() { buffer.write(row, x: 0, y: y, style: .plain) }
        return buffer
    }

    func testFirstFrameWritesEveryRowOnce() {
        let frame = buffer(["ab", "cd"], width: 4)
        let runs = ScreenDiff.runs(from: nil, to: frame)
        XCTAssertEqual(runs.map(\.text), ["ab  ", "cd  "])
        XCTAssertEqual(runs.map(\.y), [0, 1])
        XCTAssertEqual(runs.map(\.columns), [4, 4])
    }

    func testAnUnchangedFrameWritesNothing() {
        let frame = buffer(["hello", "漢字 🎉"], width: 10)
        XCTAssertEqual(ScreenDiff.runs(from: frame, to: frame), [])
    }

    func testOnlyTheChangedCellsAreWritten() {
        let old = buffer(["hello world", "second"], width: 12)
        var new = old
        new.write("J", x: 6, y: 0, style: .plain)
        new.write("S", x: 0, y: 1, style: .plain)
        let runs = ScreenDiff.runs(from: old, to: new)
        XCTAssertEqual(runs, [
            ScreenRun(x: 6, y: 0, style: .plain, text: "J", columns: 1),
            ScreenRun(x: 0, y: 1, style: .plain, text: "S", columns: 1),
        ])
    }

    func testAStyleChangeAloneIsAChangeAndSplitsRuns() {
        let old = buffer(["abcd"], width: 4)
        var new = old
        new.setStyle(bold, in: Rect(x: 1, y: 0, width: 1, height: 1))
        new.setStyle(red, in: Rect(x: 2, y: 0, width: 1, height: 1))
        let runs = ScreenDiff.runs(from: old, to: new)
        XCTAssertEqual(runs.map(\.text), ["b", "c"])
        XCTAssertEqual(runs.map(\.style), [bold, red])
    }

    func testAChangedWideGraphemeIsWrittenWholeAndItsContinuationSkipped() {
        let old = buffer(["ab漢cd"], width: 8)
        let new = buffer(["ab字cd"], width: 8)
        XCTAssertEqual(ScreenDiff.runs(from: old, to: new), [ScreenRun(x: 2, y: 0, style: .plain, text: "字", columns: 2)])
    }

    func testReplacingNarrowCellsWithAWideGraphemeWritesIt() {
        let old = buffer(["abcd"], width: 4)
        let new = buffer(["a🎉d"], width: 4)
        XCTAssertEqual(ScreenDiff.runs(from: old, to: new), [ScreenRun(x: 1, y: 0, style: .plain, text: "🎉", columns: 2)])
    }

    func testRunsAdvanceByDisplayWidth() {
        let frame = buffer(["’漢🎉Ж"], width: 7)
        let runs = ScreenDiff.runs(from: nil, to: frame)
        XCTAssertEqual(runs.count, 1)
        XCTAssertEqual(runs[0].text, "’漢🎉Ж ")
        XCTAssertEqual(runs[0].columns, 7)
    }

    func testCellsThatCannotBeDrawnWhereTheyAreBecomeSpaces() {
        var frame = CellBuffer(width: 4, height: 1)
        frame[0, 0] = Cell("")          // a continuation with nothing to its left
        frame[1, 0] = Cell("x")
        frame[3, 0] = Cell("漢")        // wide, but cut off by the right edge
        XCTAssertEqual(ScreenDiff.runs(from: nil, to: frame).map(\.text), [" x  "])
        var missingContinuation = CellBuffer(width: 3, height: 1)
        missingContinuation[0, 0] = Cell("漢")
        missingContinuation[1, 0] = Cell("y") // the wide glyph would cover it
        XCTAssertEqual(ScreenDiff.runs(from: nil, to: missingContinuation).map(\.text), [" y "])
    }

    func testControlCharactersNeverReachTheTerminal() {
        var frame = CellBuffer(width: 3, height: 1)
        frame[0, 0] = Cell("\u{1B}")
        frame[1, 0] = Cell("\u{9B}")
        frame[2, 0] = Cell("\u{7}")
        let text = ScreenDiff.runs(from: nil, to: frame).map(\.text).joined()
        XCTAssertEqual(text, "\u{FFFD}\u{FFFD}\u{FFFD}")
    }

    func testASizeChangeRedrawsEverything() {
        let old = buffer(["same"], width: 4)
        let new = buffer(["same", ""], width: 4)
        XCTAssertEqual(ScreenDiff.runs(from: old, to: new).map(\.columns), [4, 4])
    }

    func testEmptyBuffersProduceNoRuns() {
        XCTAssertEqual(ScreenDiff.runs(from: nil, to: CellBuffer(width: 0, height: 5)), [])
        XCTAssertEqual(ScreenDiff.runs(from: nil, to: CellBuffer(width: 5, height: 0)), [])
    }

    func testFittingCropsAndPads() {
        let frame = buffer(["abcdef", "ghijkl"], width: 6)
        XCTAssertEqual(frame.fitted(width: 3, height: 1).screenText, "abc")
        XCTAssertEqual(frame.fitted(width: 8, height: 3).screenText, "abcdef\nghijkl\n")
    }

    func testReusingTheDrawnRowsGivesTheSameRunsAsComparingFrames() {
        var frames: [CellBuffer] = []
        var frame = buffer(["title bar", "a list row", "漢字 and text", "status"], width: 16)
        frames.append(frame)
        frame.write("second", x: 2, y: 1, style: bold)
        frames.append(frame)
        frame.write("字漢", x: 0, y: 2, style: red)
        frames.append(frame)
        frames.append(frame)
        frame.write("x", x: 15, y: 3, style: .plain)
        frames.append(frame)
        var drawn: DrawnFrame?
        var previous: CellBuffer?
        for (index, next) in frames.enumerated() {
            let (runs, nowDrawn) = ScreenDiff.diff(from: drawn, to: next)
            XCTAssertEqual(runs, ScreenDiff.runs(from: previous, to: next), "frame \(index)")
            XCTAssertEqual(nowDrawn.rows.flatMap { $0 }, ScreenDiff.slots(of: next), "frame \(index)")
            drawn = nowDrawn
            previous = next
        }
        XCTAssertEqual(ScreenDiff.diff(from: drawn, to: frames[0]).runs, ScreenDiff.runs(from: frames.last, to: frames[0]))
    }
}
