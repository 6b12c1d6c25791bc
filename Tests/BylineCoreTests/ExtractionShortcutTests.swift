import Foundation
import XCTest
@testable import BylineCore

/// The extractor's shortcuts (byte tests that skip work, byte versions of `Character` code) against the code
/// they stand in for, on random lines built from the pieces where the two could part.
final class ExtractionShortcutTests: XCTestCase {
    private static let nameWords: [String] = [
        "Jane", "DOE", "de", "De", "van", "and", "y", "Nov.", "nov", "(Nov)", "March", "L.", ".", "J.R.", "joe",
        "Ann,", "Bo|", "Cy;", ",", ";", "|", "/", "-", "—", "on", "am", "le", "@jane", "(AP)", "www.x.com",
        "Ex.ample", "R2", "O'Neil", "Zoë", "Жанна", "и", "\t", "Hall\t", "Mc\u{301}", "İlker", "\u{212A}im", "by",
        "By:", "Written", "BY", "Author:", "Текст:", "ТЕКСТ:", "автор:", "Sean", "Martin", "the", "X",
        "Élodie", "Ñúñez", "Ålstad", "Østergaard", "Kovač", "Müller,", "И", "Иван", "Петров·", "ЖАННА", "février",
        "Août", "«Nov»", "¡Hola!", "\u{00A0}Ana\u{00A0}", "Smith\u{00A0}Jr", "ǅemal", "ª", "Ⅻ", "½", "²", "Straße",
        "ΑΘΗΝΑ", "Ά", "\u{0387}", "·", "İnci", "ŉ", "µ", "ß", "Ÿves",
    ]

    private func randomLine(_ generator: inout SplitMix, words: Int) -> String {
        var line = ""
        for index in 0..<words {
            if index > 0 { line += generator.next() % 8 == 0 ? "  " : " " }
            line += Self.nameWords[generator.below(Self.nameWords.count)]
        }
        return generator.next() % 10 == 0 ? " " + line + " " : line
    }

    func testSimpleNameCutsAsTheCharacterWay() {
        var generator = SplitMix(seed: 23)
        var simpleLines = 0, nonASCIILines = 0, names = 0
        for _ in 0..<6000 {
            let line = randomLine(&generator, words: 1 + generator.below(6))
            XCTAssertEqual(BylineFinder.cutName(line), BylineFinder.cutNameByCharacter(line), line.debugDescription)
            let simple = UTF8Text.withBytes(line) { bytes -> (isSimple: Bool, name: String?) in
                guard let parts = SimpleName.parts(bytes) else { return (false, nil) }
                return (true, SimpleName.isBareName(parts, bytes) ? SimpleName.joined(parts, bytes) : nil)
            }
            if simple.isSimple {
                simpleLines += 1
                if !line.utf8.allSatisfy({ $0 < 0x80 }) { nonASCIILines += 1 }
                XCTAssertEqual(simple.name, BylineFinder.bareNameByCharacter(line), line.debugDescription)
                if simple.name != nil { names += 1 }
            }
            // `bareName` asks only of lines led by a capital, a dot or a non-ASCII byte.
            if let first = line.utf8.first, first >= 0x80 || (first >= 0x41 && first <= 0x5A) || first == 0x2E,
               !BylineFinder.secondWordMayBeCapitalised(line) {
                XCTAssertNil(BylineFinder.bareNameByCharacter(line), line.debugDescription)
            }
        }
        XCTAssertGreaterThan(simpleLines, 1000)
        XCTAssertGreaterThan(nonASCIILines, 300)
        XCTAssertGreaterThan(names, 50, "some lines must be names")
    }

    func testPrefixShortcutNeverMissesAByPhrase() {
        var generator = SplitMix(seed: 29)
        var matched = 0
        for _ in 0..<6000 {
            let line = randomLine(&generator, words: 1 + generator.below(4))
            let lower = FastCase.lowercased(line)
            let hasPrefix = BylineFinder.prefixes.contains { lower.hasPrefix($0) }
            if hasPrefix {
                matched += 1
                XCTAssertTrue(BylineFinder.mayStartWithPrefix(line), line.debugDescription)
            }
        }
        XCTAssertGreaterThan(matched, 100, "some lines must start with a by-phrase")
    }

    func testContentWordHashesMatchTheLongWordScan() {
        var generator = SplitMix(seed: 31)
        let pieces = ["Ж", "ж", "ё", "ъ", "\u{483}", "\u{301}", "e", "K", " ", " ", " ", ".", "the", "и", "что", "日本",
                      "👍🏽", "\u{200D}", "ā", "ŉ", "-", "’", "\u{600}", "Σ", "ς", "!", "?", "…", "word", "Sun"]
        var sentences = 0
        for _ in 0..<3000 {
            var text = ""
            text += generator.pieces(upTo: 60, from: pieces)
            var hashes = BlockHashes()
            let scan = BlockFeatures.scan(text, hashes: &hashes)
            var long: [UInt64] = []
            WordScanner.forEachLongWordHash(text) { long.append($0) }
            XCTAssertEqual(hashes.contentWords, long.filter { !StopWords.hashes.contains($0) }, text.debugDescription)
            XCTAssertEqual(hashes.sentences, RepeatDetector.sentenceHashes(text), text.debugDescription)
            XCTAssertEqual(scan.longWordsByCharacter, long.count, text.debugDescription)
            XCTAssertEqual(long, WordScanner.words(text).filter { $0.count >= 3 }.map { StopWords.hash($0) },
                           text.debugDescription)
            sentences += hashes.sentences.count
        }
        XCTAssertGreaterThan(sentences, 300, "some texts must hold sentences of six words")
    }

    func testRelativeAgeByBytesMatchesTheWordWay() {
        var generator = SplitMix(seed: 37)
        let pieces = ["13", "2", "٣", "x1", "ago", "Ago", "min", "hours", "day", "days", "назад", "минут", "hier",
                      "yesterday", "the", "news", "_", " ", " ", ".", ",", "-", "·", "é"]
        var matched = 0
        for _ in 0..<5000 {
            var text = ""
            for index in 0..<generator.below(8) {
                if index > 0 { text += generator.next() % 4 == 0 ? " - " : " " }
                text += pieces[generator.below(pieces.count)]
            }
            let lower = FastCase.lowercased(text)
            let expected = RelativeAge.matches(WordScanner.words(lower))
            if expected { matched += 1 }
            let byBytes = UTF8Text.withBytes(lower) { RelativeAge.matches($0, isNFC: LoweredOpening.isNFC($0)) }
            XCTAssertEqual(byBytes, expected, lower)
        }
        XCTAssertGreaterThan(matched, 200)
    }

    func testPatternSearchAndEllipsisShortcuts() {
        var generator = SplitMix(seed: 41)
        let patterns = ["(ap)", "©", "getty images", " photo: ", "x", "фото:"]
        let search = BytePatterns(patterns)
        let pieces = ["(", "ap", ")", "©", "getty", " ", "images", "photo:", "фото", ":", "x", "y", "…", ".", "é"]
        for _ in 0..<5000 {
            var text = ""
            text += generator.pieces(upTo: 7, from: pieces)
            let expected = patterns.contains { text.utf8.count >= $0.utf8.count && CaptionDetector.contains(text, $0) }
            XCTAssertEqual(search.occurs(in: text), expected, text)
            if text.hasSuffix("…") || text.hasSuffix("...") { XCTAssertTrue(ListDetector.mayEndWithEllipsis(text), text) }
        }
    }

    func testBlockSplitCutsAtEveryLineFeed() {
        var generator = SplitMix(seed: 43)
        let pieces = ["\n", "\n", "\n\n", " ", "  ", "\t", "\r\n", "word", "é", "\u{00A0}", "\u{2028}", "Ж", "x\u{301}"]
        for _ in 0..<3000 {
            var text = ""
            text += generator.pieces(upTo: 16, from: pieces)
            var expected: [[String]] = [], current: [String] = []
            for line in text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false) {
                let collapsed = BlockSplitter.collapseWhitespace(Substring(line))
                if collapsed.isEmpty {
                    if !current.isEmpty { expected.append(current) }
                    current = []
                } else {
                    current.append(collapsed)
                }
            }
            if !current.isEmpty { expected.append(current) }
            let blocks = BlockSplitter.split(text)
            XCTAssertEqual(blocks.map { Array($0.lines) }, expected, text.debugDescription)
            // A block's text is its lines joined, its first line and count those of its lines.
            XCTAssertEqual(blocks.map(\.text), expected.map { $0.joined(separator: " ") }, text.debugDescription)
            XCTAssertEqual(blocks.map(\.firstLine), expected.map { $0[0] }, text.debugDescription)
            XCTAssertEqual(blocks.map(\.lineCount), expected.map(\.count), text.debugDescription)
            XCTAssertEqual(blocks.map(\.index), Array(blocks.indices), text.debugDescription)
        }
    }

    func testByteLanesAnswerAsEachByteWould() {
        var generator = SplitMix(seed: 47)
        for round in 0..<20000 {
            var bytes = (0..<8).map { _ in UInt8(generator.next() % 128) }
            // Bytes at the edges of the ranges, and some words that are not ASCII.
            let edges: [UInt8] = [0x40, 0x41, 0x5A, 0x5B, 0x60, 0x61, 0x7A, 0x7B, 0x2E, 0x20, 0x00, 0x7F]
            for lane in 0..<8 where generator.next() % 2 == 0 { bytes[lane] = edges[generator.below(12)] }
            if round % 5 == 0 { bytes[generator.below(8)] = UInt8(0x80 + generator.next() % 128) }
            let word = bytes.withUnsafeBufferPointer { ByteLanes.load($0, at: 0) }
            for probe: UInt8 in [0x2E, 0x21, 0x3F, 0xA6, 0x20] {
                XCTAssertEqual(ByteLanes.contains(word, probe), bytes.contains(probe), "\(bytes) \(probe)")
            }
            guard bytes.allSatisfy({ $0 < 0x80 }) else { continue }
            let lowered = ByteLanes.asciiLowercased(word)
            XCTAssertEqual(withUnsafeBytes(of: lowered) { Array($0) },
                           bytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, "\(bytes)")
            XCTAssertEqual(ByteLanes.countBetween(word, 0x40, 0x5B), bytes.filter { $0 >= 0x41 && $0 <= 0x5A }.count, "\(bytes)")
            XCTAssertEqual(ByteLanes.countBetween(word, 0x60, 0x7B), bytes.filter { $0 >= 0x61 && $0 <= 0x7A }.count, "\(bytes)")
        }
    }

    func testDatelineTrimmingMatchesFoundation() {
        var generator = SplitMix(seed: 53)
        let pieces = [" ", "\t", "\u{00A0}", "\u{200B}", "\u{3000}", "A", "é", "e\u{301}", "—", "LONDON", ","]
        for _ in 0..<3000 {
            var text = ""
            text += generator.pieces(upTo: 8, from: pieces)
            let slice = text[...]
            XCTAssertEqual(Dateline.trimmed(slice), slice.trimmingCharacters(in: .whitespaces), text.debugDescription)
        }
    }

    /// Two scalars that stand alone are two characters, whichever comes first.
    func testScalarsThatStandAloneNeverJoin() {
        let alone = (0..<UInt32(0x2100)).filter { ScalarClass.standsAlone($0) }.compactMap(Unicode.Scalar.init)
        let cyrillic = alone.filter { $0.value >= 0x400 }
        XCTAssertGreaterThan(cyrillic.count, 250)
        for first in cyrillic {
            for second in alone where second.value % 3 == first.value % 3 || second.value >= 0x400 {
                var pair = String.UnicodeScalarView()
                pair.append(first)
                pair.append(second)
                XCTAssertEqual(String(pair).count, 2, "\(first.value) \(second.value)")
                var reversed = String.UnicodeScalarView()
                reversed.append(second)
                reversed.append(first)
                XCTAssertEqual(String(reversed).count, 2, "\(second.value) \(first.value)")
            }
        }
        // Its combining marks do join.
        XCTAssertEqual("ж\u{483}".count, 1)
        XCTAssertFalse(ScalarClass.standsAlone(0x483))
    }
}
