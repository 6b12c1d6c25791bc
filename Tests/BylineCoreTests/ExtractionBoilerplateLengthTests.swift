import XCTest
@testable import BylineCore

/// The boilerplate that `BoilerplateDetector` finds skips hashing lines longer than its longest line; it must
/// answer as the plain set of the same hashes, which hashes every line.
final class ExtractionBoilerplateLengthTests: XCTestCase {
    private static let chrome = [
        "Home", "Menu", "  Subscribe to our newsletter ", "\u{00A0}Search\u{00A0}", "Skip to content", "\tTags:",
        "A long footer line that repeats on every page of the site: copyright, address and terms of use.",
    ]
    private static let words = ["the", "mayor", "said", "on", "Tuesday", "that", "ferry", "Vélanne", "“quoted”", "—"]

    func testDetectedBoilerplateAnswersAsThePlainSet() {
        var generator = SplitMix(seed: 31)
        var texts: [String] = []
        for _ in 0..<8 {
            var lines: [String] = []
            for _ in 0..<(6 + generator.below(10)) {
                if generator.below(2) == 0 {
                    lines.append(Self.chrome[generator.below(Self.chrome.count)])
                } else {
                    lines.append((0..<(1 + generator.below(30))).map { _ in Self.words[generator.below(Self.words.count)] }
                        .joined(separator: " "))
                }
            }
            // The long footer closes every page.
            lines.append(Self.chrome.last!)
            texts.append(lines.joined(separator: "\n"))
        }
        let detected = BoilerplateDetector.detect(texts: texts)
        let plain = Boilerplate(lineHashes: detected.lineHashes)
        XCTAssertLessThan(detected.longestLine, 200)
        XCTAssertEqual(detected, plain)
        var found = 0, lines = 0
        for text in texts {
            for line in LineSplitter.lines(text) {
                for asked in [line, Substring(" \t" + line + "\u{3000}"), Substring(line + "x"), line.dropLast()] {
                    XCTAssertEqual(detected.contains(asked), plain.contains(asked), asked.debugDescription)
                    if plain.contains(asked) { found += 1 }
                    lines += 1
                }
            }
        }
        // The long footer line is among the boilerplate, and most lines asked are not.
        XCTAssertTrue(detected.contains(Substring(Self.chrome.last!)))
        XCTAssertGreaterThan(found, 20)
        XCTAssertGreaterThan(lines - found, 100)
    }
}
