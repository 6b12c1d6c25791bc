import XCTest
@testable import BylineCore

/// `WordBoundary.forEachWord`, with its shortcuts for runs of ASCII, splits text as the rule does when read
/// one scalar at a time: words are maximal runs of word characters that continue into each other.
final class WordBoundaryScanTests: XCTestCase {
    private static let pieces: [[UInt8]] = [
        Array("a".utf8), Array("Kyiv".utf8), Array("abcdefgh".utf8), Array("abcdefghijklmnopq".utf8), Array("19".utf8),
        Array(" ".utf8), Array(", ".utf8), Array("-".utf8), Array("\n\n".utf8), Array("café".utf8), Array("Київ".utf8),
        Array("東京".utf8), Array("ｋｙｉｖ".utf8), Array("e\u{301}".utf8), Array("😀".utf8), Array("—".utf8),
        Array("한국".utf8), [0xFF], [0x80], [0xAA, 0xAA], [0xC3], [0xE6, 0x9D],
    ]

    /// The words by the rule, one scalar at a time.
    private func referenceWords(_ bytes: [UInt8]) -> [Range<Int>] {
        bytes.withUnsafeBytes { buffer in
            var words: [Range<Int>] = []
            var start = -1
            var previous: UInt32 = 0x20
            var offset = 0
            while offset < buffer.count {
                let (scalar, length) = WordBoundary.decode(buffer, at: offset)
                if WordBoundary.isWordScalar(scalar) {
                    if start < 0 {
                        start = offset
                    } else if !WordBoundary.continues(previous, scalar) {
                        words.append(start..<offset)
                        start = offset
                    }
                } else if start >= 0 {
                    words.append(start..<offset)
                    start = -1
                }
                previous = scalar
                offset += length
            }
            if start >= 0 { words.append(start..<buffer.count) }
            return words
        }
    }

    func testRandomMixedTextSplitsAsTheRule() {
        var random = SplitMix(seed: 11)
        for _ in 0..<3000 {
            var bytes: [UInt8] = []
            bytes += random.pieces(upTo: 14, from: Self.pieces)
            XCTAssertEqual(WordBoundary.words(bytes), referenceWords(bytes), "\(bytes)")
        }
    }

    func testWordsEndingInTheLastEightBytes() {
        for length in 1...20 {
            for tail in [" ", "", "é", "x"] {
                let bytes = Array(String(repeating: "k", count: length).utf8) + Array(tail.utf8)
                XCTAssertEqual(WordBoundary.words(bytes), referenceWords(bytes), "\(length) \(tail)")
            }
        }
    }
}
