import XCTest
@testable import BylineCore

/// Words up to eight bytes are their own key in the index and longer ones are hashed: words on either side of
/// that length and of sixteen (compared in two loads up to there), ending at the end of the text or straddling
/// it with a multi-byte character, and look-ups that differ only in trailing zero bytes must all be told apart
/// exactly.
final class SearchIndexKeyTests: XCTestCase {
    private static let words = [
        "a", "ab", "abcdefg", "abcdefgh", "abcdefghi", "abcdefghij", "abcdefgé", "abcdefé", "abcdefghé", "zürich",
        "zürichs", "日", "été", "ab9", "abcdefgh1", "x", "xy", "ééééé",
        // Long words that share their first and last eight bytes, of the lengths a hash reads differently.
        "abcdefghijklmnop", "abcdefghijklmnopq", "abcdefghxijklmnop", "abcdefghyijklmnop", "abcdefghijklmnopqrstuvwx",
        "abcdefghijklmnopqrstuvwxy", "abcdefgijklmnop",
    ]

    private func folded(_ text: String) -> [UInt8] { TextFolding.foldedUTF8(text) }

    func testEveryWordFindsExactlyTheEntriesHoldingIt() {
        var random = SplitMix(seed: 5)
        let texts = (0..<300).map { _ in
            (0..<(1 + random.below(6))).map { _ in Self.words[random.below(Self.words.count)] }.joined(separator: " ")
        }
        var index = SearchIndex()
        for text in texts { index.add(folded(text)) }
        for word in Self.words {
            let expected = texts.indices.filter { texts[$0].split(separator: " ").contains(Substring(word)) }
            XCTAssertEqual(index.entries(withWord: folded(word), limit: texts.count).setIndices.map(Int.init), expected, word)
            let starting = texts.indices.filter { texts[$0].split(separator: " ").contains { $0.hasPrefix(word) } }
            XCTAssertEqual(index.entries(withWordStarting: folded(word), limit: texts.count).setIndices.map(Int.init),
                           starting, word)
        }
        XCTAssertTrue(index.entries(withWord: folded("ab") + [0], limit: texts.count).setIndices.isEmpty)
        XCTAssertTrue(index.entries(withWord: folded("abcdefg") + [0, 0], limit: texts.count).setIndices.isEmpty)
        XCTAssertTrue(index.entries(withWord: folded("abcdefghij") + [0], limit: texts.count).setIndices.isEmpty)
    }

    func testPartsJoinedAgreeWithOneIndex() {
        let texts = Self.words.indices.map { Self.words[$0...].prefix(4).joined(separator: ", ") }
        var whole = SearchIndex()
        for text in texts { whole.add(folded(text)) }
        var first = SearchIndex(), second = SearchIndex()
        for text in texts.prefix(7) { first.add(folded(text)) }
        for text in texts.dropFirst(7) { second.add(folded(text)) }
        first.append(&second)
        XCTAssertEqual(first.wordCount, whole.wordCount)
        for word in Self.words + ["a", "é", "日", "abcdefghi"] {
            XCTAssertEqual(first.entries(withWordStarting: folded(word), limit: texts.count).setIndices,
                           whole.entries(withWordStarting: folded(word), limit: texts.count).setIndices, word)
            XCTAssertEqual(first.entries(withWord: folded(word), limit: texts.count).setIndices,
                           whole.entries(withWord: folded(word), limit: texts.count).setIndices, word)
        }
    }
}
