import Foundation
import XCTest
@testable import BylineCore

/// The byte tests of a block's lower-cased opening (`LoweredOpening` and the tests that read it) against the
/// `String` tests they stand for, on random texts built from the pieces where the two could part: combining
/// marks, decomposed letters, joiners, CR, prepended marks, canonical singletons, non-ASCII punctuation.
final class ExtractionOpeningTests: XCTestCase {
    private static let pieces: [String] = [
        "by", "By", "by ", " ", "  ", "(", ")", ":", ".", "!", "?", ",", "»", ">", "/", " » ", " > ", "…", "...",
        "1", "23", "٣", "-", "a", "b", "x", "X", "photo:", "(AP)", "credit", "getty images", "ago", "2 days", "5",
        "минут", "назад", "\u{301}", "e\u{301}", "é", "\u{600}", "\u{212A}", "İ", "\r", "\u{200D}", "👍🏽", "Ж",
        "日本", "tags", "share", "Share", "published", "publié", "publie\u{301}", "veröffentlicht", "«", "•", "→",
        "\u{37E}", "X Y Z", "a b c d", "read more", "Tags:", "dne\u{306}", "дней", "hours", "²", "Ⅻ", "½", "ǅ",
    ]

    private func randomText(_ generator: inout SplitMix, pieces: Int) -> String {
        var text = ""
        for _ in 0..<pieces { text += Self.pieces[Int(generator.next() % UInt64(Self.pieces.count))] }
        return text
    }

    private func lowered(_ text: String) -> [UInt8] {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: LoweredOpening.scratchCapacity) { scratch in
            LoweredOpening.withBytes(text, scratch: scratch) { Array($0) }
        }
    }

    func testOpeningBytesAreTheLowerCasedPrefix() {
        var generator = SplitMix(seed: 53)
        for round in 0..<3000 {
            // Some texts long enough to be cut at 200 characters.
            let text = randomText(&generator, pieces: round % 5 == 0 ? 60 + Int(generator.next() % 120) : Int(generator.next() % 12))
            let expected = text.utf8.count > 200 ? FastCase.lowercased(String(text.prefix(200))) : text.lowercased()
            XCTAssertEqual(lowered(text), Array(expected.utf8), text.debugDescription)
            XCTAssertEqual(LoweredOpening.string(text), expected, text.debugDescription)
        }
    }

    func testByteTestsAgreeWithTheStringTests() {
        var generator = SplitMix(seed: 59)
        var decided = 0, labels = 0, crumbs = 0, spaced = 0, numeric = 0, byPrefix = 0
        for _ in 0..<8000 {
            let text = FastCase.lowercased(randomText(&generator, pieces: Int(generator.next() % 9)))
            UTF8Text.withBytes(text) { bytes in
                if let value = LoweredOpening.hasPrefix(bytes, "by ") {
                    XCTAssertEqual(value, text.hasPrefix("by "), text.debugDescription)
                    if value { byPrefix += 1 }
                }
                for mark in [UInt8(0x2E), 0x3F, 0x3A, 0x29, 0x21, 0x2C] {
                    if let value = FastCase.endsWith(bytes, mark) {
                        XCTAssertEqual(value, text.hasSuffix(String(Unicode.Scalar(mark))), text.debugDescription)
                    }
                }
                if let value = LoweredOpening.isNumericCell(bytes) {
                    XCTAssertEqual(value, LoweredOpening.isNumericCell(text), text.debugDescription)
                    if value { numeric += 1 }
                }
                if let value = LoweredOpening.hasLabelShape(bytes) {
                    XCTAssertEqual(value, LoweredOpening.hasLabelShape(text), text.debugDescription)
                    if value { labels += 1 }
                }
                if let value = LoweredOpening.containsNumber(bytes) {
                    XCTAssertEqual(value, text.contains(where: \.isNumber), text.debugDescription)
                }
                if let value = TitleFinder.isBreadcrumb(bytes) {
                    decided += 1
                    XCTAssertEqual(value, TitleFinder.isBreadcrumb(text), text.debugDescription)
                    if value { crumbs += 1 }
                }
                if let value = TitleFinder.mostlySingleLetters(bytes) {
                    XCTAssertEqual(value, TitleFinder.mostlySingleLettersByCharacter(text), text.debugDescription)
                    if value { spaced += 1 }
                }
                for words in [3, 12, 40] {
                    if let value = CaptionDetector.isCaption(bytes, wordCount: words) {
                        XCTAssertEqual(value, CaptionDetector.isCaption(text, wordCount: words), text.debugDescription)
                    }
                }
                XCTAssertEqual(RelativeAge.matches(bytes), RelativeAge.matches(WordScanner.words(text)), text.debugDescription)
                if let value = RelativeAge.matchesNFC(bytes) {
                    XCTAssertEqual(value, RelativeAge.matches(WordScanner.words(text)), text.debugDescription)
                }
            }
        }
        XCTAssertGreaterThan(decided, 4000)
        for (name, count) in [("label", labels), ("breadcrumb", crumbs), ("spaced out", spaced), ("numeric", numeric),
                              ("by", byPrefix)] {
            XCTAssertGreaterThan(count, 20, "some texts must be \(name)")
        }
    }

    func testWholeTextSetIsStringEquality() {
        let members = ["published", "publié", "дней", "tags:", "on", "share this"]
        let set = WholeTextSet(members), strings = Set(members)
        var generator = SplitMix(seed: 61)
        var found = 0
        var texts = members + members.map(\.decomposedStringWithCanonicalMapping) + ["publie\u{301}", "дне\u{438}\u{306}"]
        for _ in 0..<4000 { texts.append(FastCase.lowercased(randomText(&generator, pieces: Int(generator.next() % 4)))) }
        for text in texts {
            let inSet = UTF8Text.withBytes(text) { set.contains($0, isNFC: LoweredOpening.isNFC($0)) }
            XCTAssertEqual(inSet, strings.contains(text), text.debugDescription)
            if inSet { found += 1 }
        }
        XCTAssertGreaterThan(found, 12, "the members and their decomposed forms must be found")
    }

    func testEqualStringsHaveEqualDigests() {
        var generator = SplitMix(seed: 67)
        var decomposedDiffers = 0
        for _ in 0..<3000 {
            let text = FastCase.lowercased(randomText(&generator, pieces: Int(generator.next() % 8)))
            for other in [text.decomposedStringWithCanonicalMapping, text.precomposedStringWithCanonicalMapping] {
                XCTAssertEqual(text, other)
                if Array(other.utf8) != Array(text.utf8) { decomposedDiffers += 1 }
                let digests = [text, other].map { UTF8Text.withBytes($0) { LoweredOpening.digest($0, isNFC: LoweredOpening.isNFC($0)) } }
                XCTAssertEqual(digests[0], digests[1], text.debugDescription)
            }
        }
        XCTAssertGreaterThan(decomposedDiffers, 300)
    }

    /// The features' precomputed answers against the `String` tests on the opening, block by block.
    func testFeaturesAnswerAsTheOpeningString() {
        var generator = SplitMix(seed: 71)
        var hashes = BlockHashes()
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: LoweredOpening.scratchCapacity) { scratch in
            for index in 0..<3000 {
                let text = randomText(&generator, pieces: index % 7 == 0 ? 80 : 1 + Int(generator.next() % 10))
                    .trimmingCharacters(in: .whitespaces)
                guard !text.isEmpty else { continue }
                let block = TextBlock(index: 0, lines: [text], text: text)
                let features = BlockFeatures(block, boilerplate: .none, hashes: &hashes, scratch: scratch)
                let lower = LoweredOpening.string(text)
                XCTAssertEqual(features.opening.startsWithBy, lower.hasPrefix("by "), text.debugDescription)
                XCTAssertEqual(features.opening.endsWithPeriod, lower.hasSuffix("."), text.debugDescription)
                XCTAssertEqual(features.opening.endsWithColon, lower.hasSuffix(":"), text.debugDescription)
                XCTAssertEqual(features.opening.isMetaLabel, MetaLabels.contains(lower), text.debugDescription)
                XCTAssertEqual(features.opening.isNumericCell, LoweredOpening.isNumericCell(lower), text.debugDescription)
                XCTAssertEqual(features.hasChromePhrase, features.wordCount <= 30 && ChromePhrases.matches(lower), text.debugDescription)
                XCTAssertEqual(features.isCaption, CaptionDetector.isCaption(lower, wordCount: features.wordCount), text.debugDescription)
                XCTAssertEqual(features.isLabelValue, features.wordCount <= 12 && !features.endsLikeSentence
                    && LoweredOpening.hasLabelShape(lower), text.debugDescription)
                if features.wordCount <= 30 {
                    XCTAssertEqual(features.opening.isBreadcrumb, TitleFinder.isBreadcrumb(lower), text.debugDescription)
                    XCTAssertEqual(features.opening.isSpacedOut, TitleFinder.mostlySingleLettersByCharacter(lower), text.debugDescription)
                }
                let ellipsis = lower.hasSuffix("…") || lower.hasSuffix("...")
                XCTAssertEqual(features.opening.endsWithEllipsis, ellipsis, text.debugDescription)
            }
        }
    }
}
