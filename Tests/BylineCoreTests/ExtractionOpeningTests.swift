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
        text += generator.pieces(pieces, from: Self.pieces)
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
            let text = randomText(&generator, pieces: round % 5 == 0 ? 60 + generator.below(120) : generator.below(12))
            let expected = text.utf8.count > 200 ? String(text.prefix(200)).lowercased() : text.lowercased()
            XCTAssertEqual(lowered(text), Array(expected.utf8), text.debugDescription)
            XCTAssertEqual(LoweredOpening.string(text), expected, text.debugDescription)
        }
    }

    func testByteTestsAgreeWithTheStringTests() {
        var generator = SplitMix(seed: 59)
        var decided = 0, labels = 0, crumbs = 0, spaced = 0, numeric = 0, byPrefix = 0
        for _ in 0..<8000 {
            let text = FastCase.lowercased(randomText(&generator, pieces: generator.below(9)))
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
                let isNFC = LoweredOpening.isNFC(bytes)
                XCTAssertEqual(RelativeAge.matches(bytes, isNFC: isNFC), RelativeAge.matches(WordScanner.words(text)),
                               text.debugDescription)
                if isNFC {
                    XCTAssertEqual(RelativeAge.matches(bytes, isNFC: true), RelativeAge.matches(WordScanner.words(text)),
                                   text.debugDescription)
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
        for _ in 0..<4000 { texts.append(FastCase.lowercased(randomText(&generator, pieces: generator.below(4)))) }
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
            let text = FastCase.lowercased(randomText(&generator, pieces: generator.below(8)))
            for other in [text.decomposedStringWithCanonicalMapping, text.precomposedStringWithCanonicalMapping] {
                XCTAssertEqual(text, other)
                if Array(other.utf8) != Array(text.utf8) { decomposedDiffers += 1 }
                let digests = [text, other].map { UTF8Text.withBytes($0) { LoweredOpening.digest($0, isNFC: LoweredOpening.isNFC($0)) } }
                XCTAssertEqual(digests[0], digests[1], text.debugDescription)
            }
        }
        XCTAssertGreaterThan(decomposedDiffers, 300)
    }

    /// The plain tests the byte sets stand for, as they were before `WholeTextSet`: a `Set<String>` of the whole
    /// phrases (canonically equal texts are equal) and a byte-for-byte prefix.
    private static let metaLabels = Set(MetaLabels.list)
    private static let chromeExact = Set(ChromePhrases.exact)
    private static let chromePrefixes = ChromePhrases.prefixes.map { Array($0.utf8) }

    private static func isChromePhrase(_ lower: String) -> Bool {
        let bytes = Array(lower.utf8)
        return chromeExact.contains(lower) || chromePrefixes.contains { bytes.starts(with: $0) }
    }

    /// The features' precomputed answers against the `String` tests on the opening, block by block.
    func testFeaturesAnswerAsTheOpeningString() {
        var generator = SplitMix(seed: 71)
        var hashes = BlockHashes()
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: LoweredOpening.scratchCapacity) { scratch in
            for index in 0..<3000 {
                let text = randomText(&generator, pieces: index % 7 == 0 ? 80 : 1 + generator.below(10))
                    .trimmingCharacters(in: .whitespaces)
                guard !text.isEmpty else { continue }
                let block = TextBlock(index: 0, lines: [text], text: text)
                let features = BlockFeatures(block, boilerplate: .none, hashes: &hashes, scratch: scratch)
                let lower = LoweredOpening.string(text)
                XCTAssertEqual(features.opening.startsWithBy, lower.hasPrefix("by "), text.debugDescription)
                XCTAssertEqual(features.opening.endsWithPeriod, lower.hasSuffix("."), text.debugDescription)
                XCTAssertEqual(features.opening.endsWithColon, lower.hasSuffix(":"), text.debugDescription)
                XCTAssertEqual(features.opening.isMetaLabel, features.wordCount <= 30 && Self.metaLabels.contains(lower),
                               text.debugDescription)
                XCTAssertEqual(features.opening.isNumericCell, LoweredOpening.isNumericCell(lower), text.debugDescription)
                XCTAssertEqual(features.hasChromePhrase, features.wordCount <= 30 && Self.isChromePhrase(lower), text.debugDescription)
                XCTAssertEqual(features.isCaption, CaptionDetector.isCaption(lower, wordCount: features.wordCount), text.debugDescription)
                XCTAssertEqual(features.isLabelValue, features.wordCount <= 12 && !features.endsLikeSentence
                    && LoweredOpening.hasLabelShape(lower), text.debugDescription)
                let ellipsis = lower.hasSuffix("…") || lower.hasSuffix("...")
                XCTAssertEqual(features.opening.endsWithEllipsis, ellipsis, text.debugDescription)
            }
        }
    }

    private static let paragraphPieces: [String] = [
        "WASHINGTON", "(AP)", " — ", " – ", " -- ", " - ", "-", " ", "  ", "\t", "Istanbul", "TURKEY,", "Ж", "МОСКВА",
        "e\u{301}", "É", "“", "”", "\"", "«", "»", "The", "said.", "Monday", "1", "A.", "\u{600}", "👍🏽", "\r", "…",
        "x", "?", "!", "(", ")", "'", "’", "\u{200D}", "Ⅻ", "ǅ", "İ",
    ]

    private func randomParagraph(_ generator: inout SplitMix) -> String {
        var text = ""
        for _ in 0..<generator.below(40) {
            text += Self.paragraphPieces[generator.below(Self.paragraphPieces.count)]
        }
        return text
    }

    /// The paragraph kind as it was read by `Character`s.
    private func referenceKind(_ text: String) -> Paragraph.Kind {
        let words = WordScanner.spaceSeparatedCountByCharacter(text, characters: 200, atMost: 12)
        if words <= 12, !BlockFeatures.endsLikeSentence(text), text.first?.isUppercase == true { return .subhead }
        if let first = text.first, let last = text.last, first == "“" || first == "\"" || first == "«",
           last == "”" || last == "\"" || last == "»" {
            return .quote
        }
        return .body
    }

    /// The section name as it was found with Foundation's `contains`.
    private func referenceSectionName(_ text: String) -> String {
        for separator in [">", "»", "/", "|"] {
            if let last = text.split(separator: Character(separator)).last, text.contains(separator) {
                return last.trimmingCharacters(in: .whitespaces)
            }
        }
        return text
    }

    func testParagraphShortcutsAgreeWithTheCharacterWay() {
        var generator = SplitMix(seed: 73)
        var datelines = 0, byBytes = 0, quotes = 0, subheads = 0
        for _ in 0..<6000 {
            let text = randomParagraph(&generator)
            let expected = Dateline.findByCharacter(in: text)
            XCTAssertEqual(Dateline.find(in: text), expected, text.debugDescription)
            if let found = UTF8Text.withBytes(text, Dateline.findByBytes) {
                byBytes += 1
                XCTAssertEqual(found, expected, text.debugDescription)
            }
            if expected != nil { datelines += 1 }
            let kind = ExtractionAssembler.kind(of: text)
            XCTAssertEqual(kind, referenceKind(text), text.debugDescription)
            if kind == .quote { quotes += 1 }
            if kind == .subhead { subheads += 1 }
            XCTAssertEqual(ExtractionAssembler.startsUppercase(text), text.first?.isUppercase == true, text.debugDescription)
            XCTAssertEqual(ExtractionAssembler.sectionName(text), referenceSectionName(text), text.debugDescription)
        }
        XCTAssertGreaterThan(datelines, 100)
        XCTAssertGreaterThan(byBytes, 500)
        XCTAssertGreaterThan(quotes, 20)
        XCTAssertGreaterThan(subheads, 100)
    }

    func testOneDateReadingAnswersBothQuestions() {
        var generator = SplitMix(seed: 79)
        let pieces = ["2019", "-", "11", "13", ":", "42", " ", "Nov.", "November", "20th", "am", "PM", "de", "outubro",
                      "сентября", "/", "18.11.2019", "Today", "12:01", "T", "x", "1st", "é"]
        var dates = 0, looks = 0
        for _ in 0..<5000 {
            var text = ""
            text += generator.pieces(upTo: 9, from: pieces)
            if let ascii = UTF8Text.withBytes(text, DateParser.tokenizeASCII) {
                XCTAssertEqual(ascii, DateParser.tokenizeByScalars(text), text.debugDescription)
            }
            let reading = DateParser.read(text)
            XCTAssertEqual(reading.looksLikeDate, DateParser.looksLikeDate(text), text.debugDescription)
            XCTAssertEqual(reading.parsed, DateParser.parse(text), text.debugDescription)
            if reading.parsed != nil { dates += 1 }
            if reading.looksLikeDate { looks += 1 }
        }
        XCTAssertGreaterThan(dates, 200)
        XCTAssertGreaterThan(looks, dates)
    }

    func testNameAndSectionShortcutsAgreeWithTheCharacterWay() {
        var generator = SplitMix(seed: 83)
        let names = ["Jane Doe", "Jó Ma", "Иван Петров", "Ann", "Zoë O’Neil"]
        var prefixed = 0, sections = 0, joined = 0
        for _ in 0..<6000 {
            let name = names[generator.below(names.count)]
            var text = generator.next() % 3 == 0 ? name : ""
            text += randomParagraph(&generator)
            if let byBytes = ExtractionAssembler.startsWithName(text, name) {
                XCTAssertEqual(byBytes, text.hasPrefix(name + " "), text.debugDescription)
                if byBytes { prefixed += 1 }
            }
            let section = ExtractionAssembler.mayBeSectionName(text)
            XCTAssertEqual(section, !text.contains(where: { $0.isNumber })
                && text.split(separator: " ").allSatisfy({ $0.first?.isLowercase != true }), text.debugDescription)
            if section { sections += 1 }
            let next = randomParagraph(&generator)
            let continues = ParagraphRepair.continues(text, next)
            if let last = text.unicodeScalars.last, let first = next.unicodeScalars.first {
                XCTAssertEqual(continues, (last.properties.isAlphabetic || last == ",") && first.properties.isLowercase,
                               (text + "|" + next).debugDescription)
            }
            if continues { joined += 1 }
        }
        XCTAssertGreaterThan(prefixed, 100)
        XCTAssertGreaterThan(sections, 100)
        XCTAssertGreaterThan(joined, 20)
    }
}
