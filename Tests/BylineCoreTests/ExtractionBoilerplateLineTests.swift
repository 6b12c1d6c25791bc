import XCTest
@testable import BylineCore

/// `Boilerplate.containsLine`, which `BlockFeatures` asks of every line, against the plain answer: the line's
/// hash (`Boilerplate.hash`, which trims) is in the set, with no length cut.
final class ExtractionBoilerplateLineTests: XCTestCase {
    func testContainsLineAnswersAsThePlainSetLookUp() {
        let chrome = ["Home", "  Subscribe now ", "\u{00A0}Search\u{00A0}", "\tTags:", "Read more »", "Ж", "", "Latest news"]
        let boilerplates = [
            Boilerplate(lineHashes: Set(chrome.map { Boilerplate.hash($0) })),
            BoilerplateDetector.detect(texts: [chrome.joined(separator: "\n") + "\nOne", chrome.joined(separator: "\n") + "\nTwo"]),
            // The longest chrome line, trimmed: "Subscribe now" (13 bytes); a cut one byte shorter must fail.
            Boilerplate(lineHashes: Set(chrome.map { Boilerplate.hash($0) }), longestLine: 13),
            Boilerplate(),
        ]
        var found = 0, notFound = 0
        for boilerplate in boilerplates {
            for line in chrome + ["One", "Latest", "home"] {
                for asked in [line, " " + line, line + "\u{3000}", line + "x", String(line.dropFirst()), "\t" + line + " "] {
                    let expected = boilerplate.lineHashes.contains(Boilerplate.hash(asked))
                    XCTAssertEqual(boilerplate.containsLine(asked), expected, asked.debugDescription)
                    XCTAssertEqual(boilerplate.contains(Substring(asked)), expected, asked.debugDescription)
                    if expected { found += 1 } else { notFound += 1 }
                }
            }
        }
        XCTAssertGreaterThan(found, 10, "some lines must be boilerplate")
        XCTAssertGreaterThan(notFound, 10, "some lines must not be")
    }

    /// A block of several lines is boilerplate only when every line is.
    func testBlockIsBoilerplateOnlyWhenEveryLineIs() {
        let boilerplate = Boilerplate(lineHashes: [Boilerplate.hash("Home"), Boilerplate.hash("World")])
        var hashes = BlockHashes()
        let scratch = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: LoweredOpening.scratchCapacity)
        defer { scratch.deallocate() }
        func isBoilerplate(_ block: TextBlock) -> Bool {
            BlockFeatures(block, boilerplate: boilerplate, hashes: &hashes, scratch: scratch).isBoilerplate
        }
        XCTAssertTrue(isBoilerplate(TextBlock(index: 0, oneLine: "Home")))
        XCTAssertFalse(isBoilerplate(TextBlock(index: 0, oneLine: "Home World")))
        XCTAssertTrue(isBoilerplate(TextBlock(index: 0, lines: ["Home", " World"], text: "Home World")))
        XCTAssertFalse(isBoilerplate(TextBlock(index: 0, lines: ["Home", "Sport"], text: "Home Sport")))
    }
}
