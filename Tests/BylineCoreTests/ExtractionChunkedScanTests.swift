import XCTest
@testable import BylineCore

/// The scans that read eight bytes at a time against byte-at-a-time references, on random text long enough
/// to cross word boundaries with spaces, controls and multi-byte scalars at every offset.
final class ExtractionChunkedScanTests: XCTestCase {
    private static let pieces: [String] = [
        "a", "B", "z", "7", ".", " ", " ", " ", "  ", "\t", "\u{0B}", "\u{0C}", "\r", "\u{7F}", "\u{01}", "~", "!",
        "\u{00A0}", "\u{2000}", "\u{2005}", "\u{200A}", "\u{200B}", "\u{2028}", "\u{2029}", "\u{202F}", "\u{205F}",
        "\u{2060}", "\u{3000}", "\u{3001}", "\u{1680}", "\u{1681}", "\u{0080}", "é", "—", "€", "日本", "😀",
        "e\u{301}", "\u{212A}", "K", "Å", "A\u{30A}",
    ]

    private func randomText(_ generator: inout SplitMix, length: Int) -> String {
        var text = ""
        text += generator.pieces(length, from: Self.pieces)
        return text
    }

    /// The byte loop `isAlreadyClean` ran before it read words.
    private static func referenceIsClean(_ bytes: [UInt8]) -> Bool {
        guard let first = bytes.first, let last = bytes.last, first != 0x20, last != 0x20 else { return false }
        var previous: UInt8 = 0, beforePrevious: UInt8 = 0
        for byte in bytes {
            if byte > 0x20 && byte < 0x7F {
                beforePrevious = previous
                previous = byte
                continue
            }
            switch byte {
            case 0x09, 0x0B, 0x0C, 0x0D: return false
            case 0x20 where previous == 0x20: return false
            case 0xA0 where previous == 0xC2: return false
            case 0x80...0x8A, 0xA8, 0xA9, 0xAF:
                if previous == 0x80 && beforePrevious == 0xE2 { return false }
                if byte == 0x80 && previous == 0x80 && beforePrevious == 0xE3 { return false }
                if byte == 0x80 && previous == 0x9A && beforePrevious == 0xE1 { return false }
            case 0x9F where previous == 0x81 && beforePrevious == 0xE2: return false
            default: break
            }
            beforePrevious = previous
            previous = byte
        }
        return true
    }

    func testCleanLineTestMatchesTheByteLoop() {
        var generator = SplitMix(seed: 21)
        var clean = 0, unclean = 0
        for _ in 0..<20000 {
            // Mostly letters, so that long clean runs and a single flaw anywhere in them both occur.
            var text = ""
            for _ in 0..<generator.below(40) {
                text += generator.next() % 3 == 0
                    ? Self.pieces[generator.below(Self.pieces.count)] : "abcdefg hij"
            }
            let bytes = Array(text.utf8)
            let expected = Self.referenceIsClean(bytes)
            let actual = bytes.withUnsafeBufferPointer { BlockSplitter.isAlreadyClean($0) }
            XCTAssertEqual(actual, expected, text.debugDescription)
            if expected { clean += 1 } else { unclean += 1 }
        }
        XCTAssertGreaterThan(clean, 1000)
        XCTAssertGreaterThan(unclean, 1000)
    }

    /// Quotes, dashes and the other General Punctuation that news text is full of go eight bytes at a time past
    /// their E2 lead byte; the Unicode spaces among them must still be found at every offset.
    func testCleanLineTestReadsPunctuationByLanes() {
        var generator = SplitMix(seed: 23)
        let cleanPieces = ["“", "”", "…", "’", "—", "–", "\u{2060}", "é", "Ж", " ", "abcdefg hij", "x", "€", "\u{2081}"]
        let flaws = ["\u{2005}", "\u{2028}", "\u{202F}", "\u{205F}", "\u{00A0}", "\u{3000}", "\u{1680}", "  ", "\t"]
        var clean = 0, unclean = 0
        for _ in 0..<20000 {
            var text = ""
            for _ in 0..<generator.below(30) {
                text += generator.next() % 24 == 0
                    ? flaws[generator.below(flaws.count)] : cleanPieces[generator.below(cleanPieces.count)]
            }
            let bytes = Array(text.utf8)
            let expected = Self.referenceIsClean(bytes)
            XCTAssertEqual(bytes.withUnsafeBufferPointer { BlockSplitter.isAlreadyClean($0) }, expected, text.debugDescription)
            if expected { clean += 1 } else { unclean += 1 }
        }
        XCTAssertGreaterThan(clean, 1000)
        XCTAssertGreaterThan(unclean, 1000)
    }

    func testByteLanesEqualMatchesEachByte() {
        var generator = SplitMix(seed: 27)
        for _ in 0..<20000 {
            var word = generator.next()
            // Some lanes set to the byte looked for, and to its neighbours.
            let byte = UInt8(truncatingIfNeeded: generator.next())
            for lane in 0..<8 where generator.next() % 3 == 0 {
                let value = UInt64(byte &+ UInt8(truncatingIfNeeded: generator.next() % 3) &- 1)
                word = word & ~(0xFF << (8 * UInt64(lane))) | value << (8 * UInt64(lane))
            }
            var expected: UInt64 = 0
            for lane in 0..<8 where UInt8(truncatingIfNeeded: word >> (8 * UInt64(lane))) == byte { expected |= 0x80 << (8 * UInt64(lane)) }
            XCTAssertEqual(ByteLanes.equal(word, byte), expected)
        }
    }

    func testWordsMatchTheScalarSplit() {
        var generator = SplitMix(seed: 25)
        for _ in 0..<3000 {
            let text = randomText(&generator, length: generator.below(30))
            var expected: [String] = []
            var current = ""
            for scalar in text.unicodeScalars {
                if WordScanner.isWordScalar(scalar) {
                    current.unicodeScalars.append(scalar)
                } else if !current.isEmpty {
                    expected.append(current)
                    current = ""
                }
            }
            if !current.isEmpty { expected.append(current) }
            let words = WordScanner.words(text)
            XCTAssertEqual(words.map { Array($0.utf8) }, expected.map { Array($0.utf8) }, text.debugDescription)
        }
    }

    func testTextKeyOfLongTextsHasStringEquality() {
        let equivalent: [(String, String)] = [("é", "e\u{301}"), ("K", "\u{212A}"), ("Å", "A\u{30A}")]
        var generator = SplitMix(seed: 23)
        for _ in 0..<5000 {
            let prefix = randomText(&generator, length: generator.below(20))
            let suffix = randomText(&generator, length: generator.below(20))
            let (left, right) = equivalent[generator.below(equivalent.count)]
            let one = prefix + left + suffix, other = prefix + right + suffix
            XCTAssertEqual(one, other)
            XCTAssertEqual(TextKey(one), TextKey(other))
            XCTAssertEqual(TextKey.digest(one), TextKey.digest(other), one.debugDescription)
            XCTAssertEqual(TextKey.digest(one), TextKey.digest(Substring(other)))
            // Texts that differ in one byte, or only in length, differ as keys.
            let longer = one + "a"
            XCTAssertNotEqual(TextKey(one), TextKey(longer))
            XCTAssertNotEqual(TextKey(one + "\u{0}"), TextKey(one))
        }
    }
}
