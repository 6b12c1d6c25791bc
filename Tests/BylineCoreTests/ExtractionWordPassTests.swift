import XCTest
@testable import BylineCore

/// The word pass's shortcuts for short ASCII words (one load a word, the hash of a short run, two slots of the
/// stop-word table, lanes counted by a multiply) against the plain definitions they stand in for.
final class ExtractionWordPassTests: XCTestCase {
    /// Words of one to seven ASCII word bytes: the hash taken from the lowered lanes equals `WordHash.of`.
    func testShortRunHashIsTheWordHash() {
        var generator = SplitMix(seed: 101)
        let bytes = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_".utf8)
        for _ in 0..<20000 {
            let length = 1 + generator.below(7)
            let word = String(decoding: (0..<length).map { _ in bytes[generator.below(bytes.count)] }, as: UTF8.self)
            var lowered: UInt64 = 0
            for (offset, byte) in word.lowercased().utf8.enumerated() { lowered |= UInt64(byte) << (8 * offset) }
            XCTAssertEqual(WordHash.ofShortRun(lowered, bits: UInt64(length * 8)), WordHash.of(Substring(word)), word)
        }
    }

    /// Words of eight to fifteen ASCII word bytes: the hash of the first eight lanes and the rest equals
    /// `WordHash.of`.
    func testLongerRunHashIsTheWordHash() {
        var generator = SplitMix(seed: 102)
        let bytes = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_".utf8)
        for _ in 0..<20000 {
            let length = 8 + generator.below(8)
            let word = String(decoding: (0..<length).map { _ in bytes[generator.below(bytes.count)] }, as: UTF8.self)
            var first: UInt64 = 0, rest: UInt64 = 0
            for (offset, byte) in word.lowercased().utf8.enumerated() {
                if offset < 8 { first |= UInt64(byte) << (8 * offset) } else { rest |= UInt64(byte) << (8 * (offset - 8)) }
            }
            XCTAssertEqual(WordHash.ofLongerRun(first, rest, bits: UInt64((length - 8) * 8)), WordHash.of(Substring(word)), word)
        }
    }

    func testLaneCountIsTheBitCount() {
        var generator = SplitMix(seed: 103)
        for _ in 0..<20000 {
            let lanes = generator.next() & ByteLanes.high
            XCTAssertEqual(ByteLanes.count(lanes), lanes.nonzeroBitCount)
        }
        XCTAssertEqual(ByteLanes.count(ByteLanes.high), 8)
        XCTAssertEqual(ByteLanes.count(0), 0)
    }

    /// The stop-word table is asked by two slots a word; any member farther from home would be read by a loop.
    func testStopWordsLieWithinOneSlotOfHome() {
        XCTAssertLessThanOrEqual(StopWords.table.reach, 1)
        var generator = SplitMix(seed: 107)
        StopWords.table.withLookup { lookup in
            for hash in StopWords.hashes { XCTAssertTrue(lookup.contains(hash)) }
            for _ in 0..<20000 {
                let value = generator.next()
                XCTAssertEqual(lookup.contains(value), StopWords.hashes.contains(value))
            }
        }
    }

    /// Capitals and cased letters of the first 400 scalars counted by ASCII lanes up to the first non-ASCII
    /// byte: a non-ASCII scalar at every offset around the 400th, capitals on both sides of it.
    func testCaseCountsAroundNonASCIIAndTheLimit() {
        for scalar in ["’", "É", "é", "日", "😀", "\u{301}"] {
            for offset in 380..<410 {
                for pattern in ["aB", "Xyz q", "Q"] {
                    var text = String(String(repeating: pattern, count: 420 / pattern.count + 1).prefix(offset))
                    text += scalar + String(repeating: "Ab cD ", count: 10)
                    let scan = BlockFeatures.scan(text)
                    let opening = text.unicodeScalars.prefix(400)
                    XCTAssertEqual(scan.upper, opening.filter { ScalarClass.isUpper($0) }.count, "\(offset) \(scalar)")
                    XCTAssertEqual(scan.cased, opening.filter { ScalarClass.isUpper($0) || ScalarClass.isLower($0) }.count,
                                   "\(offset) \(scalar)")
                }
            }
        }
    }

    /// Texts of mostly short ASCII words (the one-load path) with every kind of ending: ASCII punctuation and
    /// sentence marks, digits and `_` (word bytes that send a word to the general loop), non-ASCII scalars right
    /// after a word, words of eight letters and more, words that end within eight bytes of the text's end. The
    /// counts, content words and sentences against the scalar-by-scalar definitions.
    func testWordPassMatchesTheWordList() {
        var generator = SplitMix(seed: 109)
        let words = ["the", "The", "THE", "a", "I", "of", "And", "between", "Between", "because", "word", "Word",
                     "news", "Mayor", "council", "approved", "neighbourhood", "x", "ab", "abc", "abcdefg", "abcdefgh",
                     "Über", "été", "что", "Что", "日本", "in", "IN", "für", "más", "zz9", "x_y", "2024", "Sun", "sun",
                     "Wednesday", "administration", "Internationally", "counterrevolutionaries", "abcdefghijklmno",
                     "abcdefghijklmnop", "Washington’s", "ministers9", "Government_"]
        let separators = [" ", " ", " ", ", ", ". ", "! ", "? ", "… ", "—", "-", "’", "'", "\"", "“", "(", ")",
                          "\n", ":", ";", "9", "_", "é", "Ж", "😀", "\u{301}", ". A", "...", "«"]
        var sentences = 0, stops = 0
        for _ in 0..<3000 {
            var text = ""
            for _ in 0..<generator.below(90) {
                text += words[generator.below(words.count)]
                text += separators[generator.below(separators.count)]
            }
            // Some texts end inside a word, some right after one.
            if generator.next() % 2 == 0 { text += words[generator.below(words.count)] }
            var hashes = BlockHashes()
            let scan = BlockFeatures.scan(text, hashes: &hashes)
            let list = WordScanner.words(text)
            XCTAssertEqual(scan.words, list.count, text.debugDescription)
            let expectedStops = list.filter { StopWords.hashes.contains(StopWords.hash($0)) }.count
            XCTAssertEqual(scan.stops, expectedStops, text.debugDescription)
            let long = list.filter { $0.unicodeScalars.count >= 3 }
            XCTAssertEqual(scan.longWords, long.count, text.debugDescription)
            XCTAssertEqual(scan.capitalised, long.filter { ScalarClass.isUpper($0.unicodeScalars.first!) }.count,
                           text.debugDescription)
            let longByCharacter = list.filter { $0.count >= 3 }.map { StopWords.hash($0) }
            XCTAssertEqual(scan.longWordsByCharacter, longByCharacter.count, text.debugDescription)
            XCTAssertEqual(hashes.contentWords, longByCharacter.filter { !StopWords.hashes.contains($0) },
                           text.debugDescription)
            XCTAssertEqual(hashes.sentences, RepeatDetector.sentenceHashes(text), text.debugDescription)
            let opening = text.unicodeScalars.prefix(400)
            XCTAssertEqual(scan.upper, opening.filter { ScalarClass.isUpper($0) }.count, text.debugDescription)
            XCTAssertEqual(scan.cased, opening.filter { ScalarClass.isUpper($0) || ScalarClass.isLower($0) }.count,
                           text.debugDescription)
            let expectedEnds = UTF8Text.withBytes(text) { BlockFeatures.sentenceEnds($0, table: ScalarTable.shared) }
            XCTAssertEqual(scan.innerSentenceEnds, expectedEnds, text.debugDescription)
            sentences += hashes.sentences.count
            stops += expectedStops
        }
        XCTAssertGreaterThan(sentences, 1000, "texts must hold sentences of six words")
        XCTAssertGreaterThan(stops, 10000, "texts must hold function words")
    }
}
