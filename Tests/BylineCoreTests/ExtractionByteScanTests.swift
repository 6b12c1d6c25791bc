import Foundation
import XCTest
@testable import BylineCore

/// The extractor's byte-level scans against the scalar- and character-level code they replaced, on random
/// text mixing ASCII with the scalars where bytes and characters part: combining marks, joiners, CR, CJK,
/// Kelvin sign, decomposed accents, emoji.
final class ExtractionByteScanTests: XCTestCase {
    private static let pieces: [String] = [
        "a", "B", "z", "Q", "7", "_", " ", " ", " ", ".", "!", "?", ",", ":", "\"", "'", "(", ")", "-", "«", "»",
        "“", "”", "’", "—", "–", "…", "é", "e\u{301}", "\u{301}", "\u{308}", "K", "\u{212A}", "ß", "İ", "ı", "Σ",
        "ς", "Ж", "ж", "Ё", "日本", "한국어", "。", "😀", "👍🏽", "\u{200D}", "\u{200C}", "\u{00A0}", "\u{3000}",
        "\r", "ǅ", "ﬁ", "Å", "Å", "Ω", "Ω", "ά", "\u{0345}", "٣", "²", "\u{2000}", "\u{2001}", "\u{30AC}",
        "\u{30AB}\u{3099}", "the", "and", "Und", "und", "die", "ЧТО", "что", "Nov.", "by", "Hall",
    ]

    private func randomText(_ generator: inout SplitMix, length: Int) -> String {
        var text = ""
        text += generator.pieces(length, from: Self.pieces)
        return text
    }

    func testTextKeyHasStringEquality() {
        let equal: [(String, String)] = [("é", "e\u{301}"), ("K", "\u{212A}"), ("Å", "A\u{30A}"), ("ガ", "カ\u{3099}")]
        for (left, right) in equal {
            XCTAssertEqual(left, right)
            XCTAssertEqual(TextKey(left), TextKey(right))
            XCTAssertEqual(TextKey(left).digest, TextKey(right).digest)
        }
        var generator = SplitMix(seed: 7)
        var equalButNotSameBytes = 0
        for _ in 0..<20000 {
            let left = randomText(&generator, length: 1), right = randomText(&generator, length: 1)
            if left == right && !left.utf8.elementsEqual(right.utf8) { equalButNotSameBytes += 1 }
            XCTAssertEqual(TextKey(left) == TextKey(right), left == right, "\(left.debugDescription) / \(right.debugDescription)")
            if left == right { XCTAssertEqual(TextKey(left).digest, TextKey(right).digest) }
        }
        XCTAssertGreaterThan(equalButNotSameBytes, 0, "the pool must give equal strings of different bytes")
    }

    func testBoilerplateHashTrimsWhatFoundationTrims() {
        var generator = SplitMix(seed: 13)
        // Not U+200B: Foundation on Linux trims it too, the boilerplate hash (Zs only) never did.
        let spaces = [" ", "\t", "\u{00A0}", "\u{2000}", "\u{200A}", "\u{202F}", "\u{205F}", "\u{3000}", "\u{1680}",
                      "\u{2028}", "é"]
        for _ in 0..<3000 {
            var line = ""
            for _ in 0..<generator.below(4) { line += spaces[generator.below(spaces.count)] }
            line += randomText(&generator, length: generator.below(6))
            for _ in 0..<generator.below(4) { line += spaces[generator.below(spaces.count)] }
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            var reference = ContentHasher()
            Array(trimmed.utf8).withUnsafeBufferPointer { reference.add(bytes: $0) }
            XCTAssertEqual(Boilerplate.hash(line), reference.finish(), line.debugDescription)
            XCTAssertEqual(Boilerplate.hash(line), Boilerplate.hash(Substring(trimmed)))
        }
    }

    func testASCIISplitAgreesWithTheCharacterSplit() {
        var generator = SplitMix(seed: 23)
        let asciiPieces = ["a", "Bc", " ", "  ", "/", "\r\n", "\n", ".", "de"]
        for round in 0..<2000 {
            var text = ""
            for _ in 0..<generator.below(12) {
                text += round % 2 == 0 ? asciiPieces[generator.below(asciiPieces.count)]
                    : randomText(&generator, length: 1)
            }
            for separator in [UInt8(0x20), 0x2F] {
                XCTAssertEqual(ASCIISplit.split(text, separator: separator),
                               text.split(separator: Character(Unicode.Scalar(separator))), text.debugDescription)
            }
        }
    }

    /// The line split as it was before memchr: the UTF8View walked index by index.
    private func referenceLines(_ text: String, omittingEmptySubsequences: Bool) -> [Substring] {
        let utf8 = text.utf8
        var lines: [Substring] = []
        var start = utf8.startIndex
        var index = start
        while index < utf8.endIndex {
            if utf8[index] == 0x0A {
                if !omittingEmptySubsequences || start < index { lines.append(Substring(utf8[start..<index])) }
                start = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        if !omittingEmptySubsequences || start < utf8.endIndex { lines.append(Substring(utf8[start..<utf8.endIndex])) }
        return lines
    }

    func testLineSplitAgreesWithTheIndexWalk() {
        var generator = SplitMix(seed: 31)
        for round in 0..<3000 {
            var text = ""
            for _ in 0..<generator.below(14) {
                text += generator.next() % 3 == 0 ? (round % 2 == 0 ? "\n" : "\n\n") : randomText(&generator, length: 2)
            }
            for omitting in [true, false] {
                let lines = LineSplitter.lines(text, omittingEmptySubsequences: omitting)
                let reference = referenceLines(text, omittingEmptySubsequences: omitting)
                XCTAssertEqual(lines, reference, text.debugDescription)
                XCTAssertEqual(lines.map(\.startIndex), reference.map(\.startIndex), text.debugDescription)
            }
        }
        XCTAssertEqual(LineSplitter.lines("\n\na\n", omittingEmptySubsequences: false), ["", "", "a", ""])
        XCTAssertEqual(LineSplitter.lines("\n\na\n"), ["a"])
        XCTAssertEqual(LineSplitter.lines(""), [])
    }

    func testDateOpeningAndDigitTestAgreeWithTheCharacterViews() {
        var generator = SplitMix(seed: 41)
        for _ in 0..<1500 {
            let text = randomText(&generator, length: 60 + generator.below(200))
            XCTAssertEqual(DateParser.opening(text), String(text.prefix(240)), text.debugDescription)
            XCTAssertEqual(DateParser.hasDigit(text), text.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }))
        }
        XCTAssertEqual(DateParser.opening(String(repeating: "e\u{301}", count: 100)).utf8.count, 300)
        XCTAssertEqual(DateParser.opening(String(repeating: "e\u{301}", count: 300)).utf8.count, 720)
    }

    func testEndsWithAgreesWithHasSuffix() {
        var generator = SplitMix(seed: 29)
        let marks: [UInt8] = [0x2E, 0x21, 0x3F, 0x3A, 0x2C, 0x29]
        let endings = [".", "!", "?", ":", ",", ")", "\u{301}", "\u{0600}", "\u{037E}", "a", "é", " ", "\r\n"]
        for _ in 0..<3000 {
            var text = randomText(&generator, length: generator.below(4))
            for _ in 0..<generator.below(3) { text += endings[generator.below(endings.count)] }
            for mark in marks {
                XCTAssertEqual(FastCase.endsWith(text, mark), text.hasSuffix(String(Unicode.Scalar(mark))), text.debugDescription)
            }
        }
    }

    /// Long texts of ASCII words with single non-ASCII scalars and CRs among them: the eight-byte steps that
    /// lower-case the ASCII bytes before a non-ASCII one, at every offset and across the cut.
    func testLowercasedPrefixOfLongMostlyASCIITexts() {
        var generator = SplitMix(seed: 12)
        let pieces = ["The", "word", "Council", "approved", "a", " ", " ", ", ", ". ", "’", "“", "”", "—", "é", "İ",
                      "Ж", "日本", "\r", "\r\n", "e\u{301}", "😀", "ABCDEFGHIJ", "x"]
        var withCR = 0
        for _ in 0..<1500 {
            var text = ""
            text += generator.pieces(upTo: 120, from: pieces)
            if text.utf8.contains(0x0D) { withCR += 1 }
            for characters in [8, 9, 31, 200] {
                XCTAssertEqual(FastCase.lowercasedPrefix(text, characters: characters),
                               Self.referenceLowercased(text.prefix(characters)), text.debugDescription)
            }
            XCTAssertEqual(FastCase.lowercased(text), Self.referenceLowercased(Substring(text)), text.debugDescription)
        }
        XCTAssertGreaterThan(withCR, 100, "some texts must hold a CR")
    }

    func testLowercasedPrefixCountsCharacters() {
        var generator = SplitMix(seed: 11)
        for _ in 0..<500 {
            let text = randomText(&generator, length: generator.below(40))
            for characters in [0, 1, 5, 20] {
                XCTAssertEqual(FastCase.lowercasedPrefix(text, characters: characters),
                               Self.referenceLowercased(text.prefix(characters)))
            }
            XCTAssertEqual(FastCase.lowercased(text), Self.referenceLowercased(Substring(text)))
        }
    }

    func testWordAndSpaceCountsMatchTheCharacterSplit() {
        var generator = SplitMix(seed: 13)
        for _ in 0..<800 {
            let text = randomText(&generator, length: generator.below(30))
            let split = text.prefix(12).split(separator: " ").count
            if let count = WordScanner.spaceSeparatedCount(text, characters: 12, atMost: 3) {
                XCTAssertEqual(count, min(split, 4), text)
            }
            for limit in [1, 3, 40] {
                XCTAssertEqual(WordScanner.spaceSeparatedCountByCharacter(text, characters: 12, atMost: limit),
                               min(split, limit + 1), text)
            }
            let words = text.split(separator: " ")
            let single = words.count >= 3 && words.filter { $0.count == 1 }.count * 2 > words.count
            XCTAssertEqual(UTF8Text.withBytes(text, TitleFinder.mostlySingleLetters) ?? TitleFinder.mostlySingleLettersByCharacter(text),
                           single, text)
            var hashes: [UInt64] = []
            WordScanner.forEachLongWordHash(text) { hashes.append($0) }
            XCTAssertEqual(hashes, WordScanner.words(text).filter { $0.count >= 3 }.map { StopWords.hash($0) }, text)
        }
    }

    func testBlockScanMatchesScalarCounts() {
        var generator = SplitMix(seed: 17)
        for _ in 0..<500 {
            let text = randomText(&generator, length: generator.below(60))
            let scan = BlockFeatures.scan(text)
            let words = WordScanner.words(text)
            XCTAssertEqual(scan.words, words.count, text)
            XCTAssertEqual(scan.stops, words.filter { StopWords.hashes.contains(StopWords.hash($0)) }.count, text)
            let long = words.filter { $0.unicodeScalars.count >= 3 }
            XCTAssertEqual(scan.longWords, long.count, text)
            XCTAssertEqual(scan.capitalised, long.filter { ScalarClass.isUpper($0.unicodeScalars.first!) }.count, text)
            let opening = text.unicodeScalars.prefix(400)
            XCTAssertEqual(scan.upper, opening.filter { ScalarClass.isUpper($0) }.count, text)
            XCTAssertEqual(scan.cased, opening.filter { ScalarClass.isUpper($0) || ScalarClass.isLower($0) }.count, text)
            XCTAssertEqual(RepeatDetector.sentenceHashes(text), Self.referenceSentenceHashes(text), text)
        }
    }

    /// Sentence ends are counted among the first 4001 scalars and capitals among the first 400: texts long
    /// enough to pass both limits.
    func testBlockScanCountsSentenceEndsAndCapitalsInTheOpening() {
        var generator = SplitMix(seed: 19)
        let sentencePieces = [". A", ". \"", "! “", "? «", "… B", ". a", ".  C", " ", "x", "é", "Ж", "😀", "\u{301}", "Q"]
        var countsPastTheLimit = 0
        for _ in 0..<200 {
            var text = ""
            for _ in 0..<generator.below(3000) {
                text += sentencePieces[generator.below(sentencePieces.count)]
            }
            let scan = BlockFeatures.scan(text)
            let scalars = Array(text.unicodeScalars)
            var expected = 0
            for index in scalars.indices where index >= 2 && index <= 4000 {
                let value = scalars[index]
                if scalars[index - 1] == " ", ScalarClass.isSentenceEnd(scalars[index - 2]),
                   ScalarClass.isUpper(value) || value == "\"" || value == "“" || value == "«" {
                    expected += 1
                }
            }
            if scalars.count > 4001 { countsPastTheLimit += 1 }
            XCTAssertEqual(scan.innerSentenceEnds, expected)
            let opening = scalars.prefix(400)
            XCTAssertEqual(scan.upper, opening.filter { ScalarClass.isUpper($0) }.count)
            XCTAssertEqual(scan.cased, opening.filter { ScalarClass.isUpper($0) || ScalarClass.isLower($0) }.count)
        }
        XCTAssertGreaterThan(countsPastTheLimit, 0, "some texts must be longer than the 4001 scalars counted")
    }

    /// The per-scalar lower-casing the byte version replaced.
    private static func referenceLowercased(_ text: Substring) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            if scalar.value < 0x80 || ScalarClass.hasNoCase(scalar.value) {
                result.unicodeScalars.append(scalar.value >= 0x41 && scalar.value <= 0x5A ? Unicode.Scalar(scalar.value + 0x20)! : scalar)
            } else {
                result += scalar.properties.lowercaseMapping
            }
        }
        return result
    }

    /// The sentence hashes by the definition: each sentence's words, read by `Character`-free scalar walk and
    /// lower-cased, hashed one by one with `WordHash` and chained with `SentenceHash`.
    private static func referenceSentenceHashes(_ text: String) -> [Int] {
        var hashes: [Int] = []
        var sentence = SentenceHash()
        var word: WordHash? = nil
        for scalar in text.unicodeScalars {
            if WordScanner.isWordScalar(scalar) {
                if word == nil { word = WordHash() }
                word?.append(lowered: StopWords.lowercased(scalar))
            } else {
                if let finished = word { sentence.add(word: finished.value) }
                word = nil
                if ScalarClass.isSentenceEnd(scalar) {
                    if sentence.words >= 6 { hashes.append(sentence.value(endsInWord: false)) }
                    sentence = SentenceHash()
                }
            }
        }
        if let finished = word { sentence.add(word: finished.value) }
        if sentence.words >= 6 { hashes.append(sentence.value(endsInWord: word != nil)) }
        return hashes
    }
}
