import XCTest
@testable import BylineCore

/// The index's scan of an entry (`SearchIndex.EntryScan`, with its fast loop over ASCII words and its hand-over
/// to the scalar-by-scalar rule) finds exactly the words `WordBoundary.forEachWord` finds, in order: with an
/// empty table every word is left over, in the order found.
final class EntryScanTests: XCTestCase {
    private static let pieces: [[UInt8]] = [
        Array("a".utf8), Array("kyiv".utf8), Array("abcdefg".utf8), Array("abcdefgh".utf8), Array("abcdefghi".utf8),
        Array("abcdefghijklmno".utf8), Array("abcdefghijklmnop".utf8), Array("abcdefghijklmnopq".utf8), Array("19".utf8),
        Array(" ".utf8), Array(", ".utf8), Array("-".utf8), Array("\n\n".utf8), Array("          ".utf8), Array("café".utf8),
        Array("київ".utf8), Array("東京".utf8), Array("ｋｙｉｖ".utf8), Array("e\u{301}".utf8), Array("😀".utf8),
        Array("—".utf8), Array("한국".utf8), Array("’s".utf8), Array("x".utf8), Array("Kyiv".utf8), [0xFF], [0x80], [0xC3],
    ]

    private func scannedWords(_ bytes: [UInt8]) -> [Range<Int>] {
        var table = [SearchIndex.Slot](repeating: SearchIndex.Slot(), count: 16)
        let wordStarts: [UInt32] = [0]
        let arena: [UInt8] = []
        var words: [Range<Int>] = []
        var items = [Int](repeating: 0, count: 2 * (bytes.count + 1))
        bytes.withUnsafeBytes { text in
            table.withUnsafeMutableBufferPointer { table in
                wordStarts.withUnsafeBufferPointer { wordStarts in
                    arena.withUnsafeBytes { arena in
                        items.withUnsafeMutableBufferPointer { items in
                            var scan = SearchIndex.EntryScan(text: text, entry: 0, table: table, wordStarts: wordStarts,
                                                             arena: arena, items: items.baseAddress!)
                            scan.run()
                            for position in stride(from: 0, to: scan.itemCount, by: 2) {
                                XCTAssertLessThan(items[position], 0, "an empty table knows no word")
                                words.append(~items[position]..<items[position + 1])
                            }
                        }
                    }
                }
            }
        }
        return words
    }

    func testRandomMixedTextSplitsAsForEachWord() {
        var random = SplitMix(seed: 23)
        for _ in 0..<5000 {
            var bytes: [UInt8] = []
            for _ in 0..<random.below(16) { bytes += Self.pieces[random.below(Self.pieces.count)] }
            XCTAssertEqual(scannedWords(bytes), WordBoundary.words(bytes), "\(bytes)")
        }
    }

    func testWordsOfEveryLengthNearTheEnd() {
        for length in 1...20 {
            for lead in ["", " ", "ab ", "é ", "        "] {
                for tail in [" ", "", "é", "x", " y", ".  z", "   é", "—a"] {
                    let bytes = Array((lead + String(repeating: "k", count: length) + tail).utf8)
                    XCTAssertEqual(scannedWords(bytes), WordBoundary.words(bytes), "\(lead)|\(length)|\(tail)")
                }
            }
        }
    }
}
