import XCTest
import BylineCore
@testable import BylineView

/// Issue 7: wrapping and truncation never widen a line past the pane, never lose or reorder text, and stay
/// linear on a 10 MB word.
final class HostileWrappingTests: XCTestCase {
    private func nonSpace(_ text: String) -> [Unicode.Scalar] {
        text.unicodeScalars.filter { $0 != " " && $0 != "\n" && $0 != "\t" }
    }

    func testWrappingNeverWidensLosesOrReorders() {
        var random = SeededRandom(seed: 2024)
        for round in 0..<400 {
            let text = TextSanitizer.sanitize(HostileText.text(&random, pieces: Int.random(in: 0...60, using: &random)))
            let width = Int.random(in: 1...120, using: &random)
            let lines = TextWrapper.wrap(text, width: width)
            for line in lines {
                // A single grapheme wider than the pane (a CJK character in one column) is the one allowed excess.
                if DisplayWidth.of(line) > width { XCTAssertEqual(line.count, 1, "round \(round): \(line.debugDescription) > \(width)") }
            }
            // Joining the lines gives back the input up to white space (long words may be split across lines).
            // Compared scalar by scalar: a joiner after a space forms one grapheme with it.
            XCTAssertEqual(nonSpace(lines.joined()), nonSpace(text), "round \(round) at \(width)")
        }
    }

    func testTruncationNeverWidensAndKeepsAPrefix() {
        var random = SeededRandom(seed: 7)
        for round in 0..<400 {
            let text = TextSanitizer.sanitizeLine(HostileText.text(&random, pieces: Int.random(in: 0...20, using: &random)))
            let width = Int.random(in: 0...80, using: &random)
            let cut = DisplayWidth.truncate(text, to: width)
            XCTAssertLessThanOrEqual(DisplayWidth.of(cut), max(width, 0), "round \(round)")
            XCTAssertTrue(text.hasPrefix(cut.hasSuffix("…") && cut != text ? String(cut.dropLast()) : cut), "round \(round)")
            XCTAssertEqual(DisplayWidth.of(DisplayWidth.fit(text, to: width)), width, "round \(round)")
        }
    }

    /// A 10 MB word wraps in time proportional to its length. Rather than assert a time, this compares the
    /// wrap with one pass that measures every grapheme (the least any wrapper must do): a quadratic wrapper
    /// would be ~10^5 times that pass, a linear one a small multiple, so the generous bound of 25 never flakes.
    func testTenMegabyteWordWrapsInLinearWork() {
        let word = String(repeating: "abcdefghij", count: 1_048_576)
        let clock = ContinuousClock()
        var measured = 0
        let pass = clock.measure { for grapheme in word { measured += DisplayWidth.of(grapheme) } }
        var lines: [String] = []
        let wrap = clock.measure { lines = TextWrapper.wrap(word, width: 80) }

        XCTAssertEqual(measured, 10_485_760)
        XCTAssertEqual(lines.count, 131_072)
        XCTAssertTrue(lines.allSatisfy { $0.count == 80 })
        XCTAssertEqual(lines.joined().utf8.count, word.utf8.count)
        let ratio = wrap / pass
        XCTAssertLessThan(ratio, 25, "wrapping took \(wrap), \(ratio)× one measuring pass (\(pass))")
    }

    /// The reader's layout of an article holding a 10 MB word (what the loader keeps under the cap).
    func testReaderLayoutOfAHugeWordKeepsEveryLineInThePane() {
        let word = String(repeating: "0123456789", count: 1_048_576)
        let article = Article(id: ArticleID(value: 1), path: "huge/word.txt", source: "huge.example",
                              title: "One enormous word", paragraphs: [Paragraph(word)])
        let lines = ReaderDocument.lines(for: article, width: 100)
        XCTAssertEqual(lines.count, 1 + 1 + 1 + 104_858)
        XCTAssertTrue(lines.allSatisfy { DisplayWidth.of($0.text) <= 100 })
    }
}
