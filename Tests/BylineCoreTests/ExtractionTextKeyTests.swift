import XCTest
@testable import BylineCore

/// The digest of texts long enough for `TextKey`'s sixteen-byte steps: a text in NFC (read as its own bytes) and
/// its decomposed form (read through the standard library's NFC) must still hash alike.
final class ExtractionTextKeyTests: XCTestCase {
    func testLongASCIIRunsDigestAsTheirNFCForm() {
        var generator = SplitMix(seed: 61)
        let ascii = Array("abcdefghijklmnopqrstuvwxyz ABC.,'-0123456789")
        let pairs: [(String, String)] = [("é", "e\u{301}"), ("Å", "A\u{30A}"), ("ñ", "n\u{303}")]
        for _ in 0..<3000 {
            func run(_ length: Int) -> String {
                String((0..<length).map { _ in ascii[generator.below(ascii.count)] })
            }
            let (composed, decomposed) = pairs[generator.below(pairs.count)]
            let head = run(generator.below(70)), middle = run(generator.below(40))
            let tail = run(generator.below(40))
            let one = head + composed + middle + "’" + tail, other = head + decomposed + middle + "’" + tail
            XCTAssertEqual(TextKey.digest(one), TextKey.digest(other), one)
            XCTAssertEqual(TextKey(one), TextKey(other))
            XCTAssertNotEqual(TextKey(one), TextKey(head + composed + middle + "’" + tail + "x"))
            XCTAssertNotEqual(TextKey.digest(head), TextKey.digest(head + " "), head)
        }
    }
}
