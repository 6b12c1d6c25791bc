import XCTest
@testable import BylineCore

/// `Dateline.mayHoldDash`'s lanes (eight ASCII bytes a step to the 80th scalar, neighbouring byte pairs for the
/// dashes) against the scalar walk and the three byte searches they replaced.
final class ExtractionDatelineDashTests: XCTestCase {
    private static let pieces = ["WASHINGTON", " ", " ", "-", " -", " - ", "—", " —", " –", "–", "…", "“", "é", "\r",
                                 "\r\n", "e\u{301}", "(AP)", ",", "Turkey", "word", "a", "\u{200D}", "日本", " \u{2012}"]

    func testHoldsDashMatchesTheSearches() {
        var generator = SplitMix(seed: 211)
        var found = 0
        for _ in 0..<20000 {
            var text = ""
            text += generator.pieces(upTo: 30, from: Self.pieces)
            let expected = UTF8Text.withBytes(text) { Dateline.holdsDashBySearch($0) }
            XCTAssertEqual(UTF8Text.withBytes(text) { Dateline.holdsDash($0) }, expected, text.debugDescription)
            XCTAssertEqual(Dateline.mayHoldDash(text), Self.mayHoldDashByScalars(text), text.debugDescription)
            if expected { found += 1 }
        }
        XCTAssertGreaterThan(found, 5000)
        XCTAssertLessThan(found, 19000)
    }

    /// Every cut of texts whose only dash sits at each offset: lanes, the pair across two loads and the tail.
    func testDashAtEveryOffset() {
        for dash in [" -", " —", " –", " …", " “", "  "] {
            for offset in 0..<40 {
                for tail in 0..<3 {
                    let text = String(repeating: "x", count: offset) + dash + String(repeating: "y", count: tail)
                    let bytes = Array(text.utf8)
                    for cut in 0...bytes.count {
                        let prefix = Array(bytes[0..<cut])
                        let expected = prefix.withUnsafeBufferPointer { Dateline.holdsDashBySearch($0) }
                        XCTAssertEqual(prefix.withUnsafeBufferPointer { Dateline.holdsDash($0) }, expected,
                                       "\(dash.debugDescription) \(offset) \(cut)")
                    }
                }
            }
        }
    }

    /// The scalar walk `mayHoldDash` did before its eight-byte steps.
    private static func mayHoldDashByScalars(_ paragraph: String) -> Bool {
        UTF8Text.withBytes(paragraph) { bytes in
            var index = 0, scalars = 0
            var end = bytes.count
            while index < bytes.count {
                let (value, length) = UTF8Text.decode(bytes, at: index)
                if !ScalarClass.standsAlone(value) { break }
                if scalars == 80 { end = index; break }
                scalars += 1
                index += length
            }
            let searched = UnsafeBufferPointer(rebasing: bytes[0..<(index < bytes.count && end == bytes.count ? bytes.count : end)])
            return Dateline.holdsDashBySearch(searched)
        }
    }
}
