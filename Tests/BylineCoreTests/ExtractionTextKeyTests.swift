import Foundation
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

/// `TextKey.sampledDigest`, which reads only the ends of a text whose ends are ASCII, against the plain code
/// that checks the whole text for scalars NFC might change and samples its NFC form.
final class ExtractionSampledDigestTests: XCTestCase {
    func testASCIIEndsGiveThePlainDigest() {
        var generator = SplitMix(seed: 139)
        // Marks and other scalars NFC changes or joins, placed in the middle, right after the ASCII ends and
        // right before them; "<" and "A" compose with a following U+0338 and U+030A.
        let ascii = ["a", " ", "<", "A", "x", "Lorem ipsum", "0", ".", "K"]
        let other = ["\u{338}", "\u{30A}", "\u{301}", "e\u{301}", "é", "\u{212B}", "\u{212A}", "ж", "日", "😀",
                     "\u{0344}", "\u{0308}\u{0301}", "ﬁ", "\u{2000}", "\u{1100}\u{1161}", "\u{AC00}\u{11A8}", "—",
                     "\u{323}", "\u{3099}", "\u{11A8}", "か", "\u{AC00}", "”"]
        var byEnds = 0, otherEnds = 0
        for _ in 0..<20000 {
            var pieces: [String] = []
            for _ in 0..<generator.below(40) {
                pieces.append(generator.next() % 3 == 0 ? other[generator.below(other.count)] : ascii[generator.below(ascii.count)])
            }
            // ASCII ends of 15 to 25 bytes, around the pieces or not: the ends read are 24 and 16 bytes.
            let pads = ["Lorem ipsum dolor", "Lorem ipsum dolor sit a<", "Lorem ipsum dolor sit am", "Lorem ipsum dolor A",
                        "ipsum dolor sit", "ipsum dolor sit amet", "Lorem ipsum dolor sit amA",
                        // Ends beyond ASCII that NFC keeps, of 15 to 25 bytes, a scalar cut at byte 15 or 16.
                        "Жанна пишет", "Жанна пишет о", "café crème éé", "“Lorem ipsum dolo”", "かがみかがみ", "x\u{AC00}\u{AC00}\u{AC00}\u{AC00}\u{AC00}",
                        "ipsum dolor sité", "ipsum dolor sitж", "ipsum dolor siかが"]
            let text = (generator.next() % 4 == 0 ? "" : pads[generator.below(pads.count)]) + pieces.joined()
                + (generator.next() % 4 == 0 ? "" : pads[generator.below(pads.count)])
            let bytes = Array(text.utf8)
            let asciiEnds = bytes.count >= 33 && bytes[..<24].allSatisfy { $0 < 0x80 } && bytes.suffix(16).allSatisfy { $0 < 0x80 }
            if asciiEnds { byEnds += 1 }
            if bytes.count >= 40 && bytes[..<16].contains(where: { $0 >= 0x80 })
                && text.unicodeScalars.prefix(6).allSatisfy({ TextKey.isNormalizedAnywhere($0.value) }) {
                otherEnds += 1
            }
            XCTAssertEqual(TextKey.sampledDigest(text), TextKey.plainSampledDigest(text), text.debugDescription)
            let composed = String(decoding: Array(text.precomposedStringWithCanonicalMapping.utf8), as: UTF8.self)
            let decomposed = String(decoding: Array(text.decomposedStringWithCanonicalMapping.utf8), as: UTF8.self)
            XCTAssertEqual(TextKey.sampledDigest(text), TextKey.sampledDigest(composed), text.debugDescription)
            XCTAssertEqual(TextKey.sampledDigest(text), TextKey.sampledDigest(decomposed), text.debugDescription)
        }
        XCTAssertGreaterThan(byEnds, 1000)
        XCTAssertGreaterThan(otherEnds, 1000)
    }

    /// A mark right after the 24 ASCII bytes of the opening, or a scalar NFC changes right before the last 16.
    func testMarksNextToTheSampledEnds() {
        let opening = String(repeating: "abcdefgh", count: 3), ending = String(repeating: "<", count: 16)
        for mark in ["\u{338}", "\u{301}", "\u{30A}", "\u{212B}", "\u{0344}", "e\u{301}", "\u{1100}\u{1161}"] {
            for middle in ["", "x", " ", mark] {
                let text = opening + mark + middle + mark + ending
                XCTAssertEqual(TextKey.sampledDigest(text), TextKey.plainSampledDigest(text), text.debugDescription)
                let composed = String(decoding: Array(text.precomposedStringWithCanonicalMapping.utf8), as: UTF8.self)
                XCTAssertEqual(TextKey.sampledDigest(text), TextKey.sampledDigest(composed), text.debugDescription)
            }
        }
    }
}
