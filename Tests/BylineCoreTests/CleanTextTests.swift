import XCTest
@testable import BylineCore

/// `CleanText` lets bytes become text with no further check, so it must call clean exactly what is valid
/// UTF-8 and what `TextSanitizer` leaves as it is.
final class CleanTextTests: XCTestCase {
    /// What the one pass must agree with: the standard library's validation, then the sanitiser.
    private func expected(_ bytes: [UInt8]) -> CleanText.Verdict {
        guard let text = String(validating: bytes, as: UTF8.self), !text.utf8.contains(0x0D),
              TextSanitizer.sanitize(text) == text else { return .unclean }
        return bytes.allSatisfy { $0 < 0x80 } ? .ascii : .unicode
    }

    private func verdict(_ bytes: [UInt8]) -> CleanText.Verdict {
        bytes.withUnsafeBufferPointer { CleanText.verdict($0) }
    }

    func testEveryOneAndTwoByteSequence() {
        for first in 0...255 {
            XCTAssertEqual(verdict([UInt8(first)]), expected([UInt8(first)]), "\(first)")
            for second in 0...255 {
                let bytes = [UInt8(first), UInt8(second)]
                XCTAssertEqual(verdict(bytes), expected(bytes), "\(bytes)")
            }
        }
    }

    /// Three- and four-byte sequences around every boundary of well-formed UTF-8 (overlong forms,
    /// surrogates, the end of Unicode), after a letter so that marks have something to attach to.
    func testThreeAndFourByteSequencesAroundTheirLimits() {
        let leads: [UInt8] = [0xE0, 0xE1, 0xE2, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xF8, 0xFF]
        let continuations: [UInt8] = [0x00, 0x41, 0x7F, 0x80, 0x81, 0x8F, 0x90, 0x9F, 0xA0, 0xAD, 0xBF, 0xC0, 0xFF]
        for lead in leads {
            for second in continuations {
                for third in continuations {
                    let three = [0x61, lead, second, third]
                    XCTAssertEqual(verdict(three), expected(three), "\(three)")
                    for fourth in [0x80, 0xBF, 0x41] as [UInt8] {
                        let four = three + [fourth]
                        XCTAssertEqual(verdict(four), expected(four), "\(four)")
                    }
                }
            }
        }
    }

    /// Random texts, long enough for the sixteen-byte checks, from pieces each rule concerns, at every offset.
    func testRandomTextsAgreeWithTheSanitizer() {
        let pieces: [[UInt8]] = [
            "plain text ", "Words", " ", "\n", "\t", "\r", "\u{0}", "\u{1B}", "\u{7F}", "\u{85}", "\u{9B}", "\u{A0}",
            "é", "\u{301}", "\u{308}", "\u{20DD}", "\u{200C}", "\u{200D}", "\u{FE0F}", "\u{E0100}", "\u{200B}",
            "\u{202E}", "\u{2066}", "\u{AD}", "\u{61C}", "\u{FEFF}", "\u{FFFA}", "\u{2028}", "\u{2029}", "“", "—",
            "Ж", "日", "😀", "\u{1F3FD}", "\u{1D167}", "\u{FFFD}", "~",
        ].map { Array($0.utf8) } + [[0xFF], [0xC3], [0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80]]
        var state: UInt64 = 11
        func next() -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(state >> 33)
        }
        var clean = 0
        for _ in 0..<20000 {
            var bytes: [UInt8] = []
            for _ in 0..<(next() % 12 + 1) {
                // Mostly plain pieces, so that most texts are clean and the rare piece lands at any offset.
                let piece = next() % 3 == 0 ? pieces[next() % pieces.count] : pieces[next() % 2]
                bytes += piece
            }
            let found = verdict(bytes)
            XCTAssertEqual(found, expected(bytes), String(decoding: bytes, as: UTF8.self).debugDescription)
            if found != .unclean { clean += 1 }
        }
        XCTAssertGreaterThan(clean, 1000)
    }

    /// Runs of characters beyond ASCII are decoded one after another without the sixteen-byte check: marks,
    /// invisible characters and bad bytes inside and at the ends of long runs, after spaces and line feeds.
    func testLongRunsBeyondASCIIAgreeWithTheSanitizer() {
        let letters: [[UInt8]] = ["Ж", "о", "é", "日", "😀", "—", "“", "\u{A0}", "ß"].map { Array($0.utf8) }
        let rare: [[UInt8]] = [
            "\u{301}", "\u{308}", "\u{200D}", "\u{FE0F}", "\u{200B}", "\u{85}", "\u{2028}", "\u{AD}", " ", "\n", "a", "\r",
        ].map { Array($0.utf8) } + [[0xFF], [0xD0], [0x80], [0xE2, 0x80]]
        var random = SplitMix(seed: 5)
        var clean = 0
        for _ in 0..<20000 {
            var bytes: [UInt8] = []
            for _ in 0..<(random.below(40) + 1) {
                bytes += random.below(12) == 0 ? rare[random.below(rare.count)] : letters[random.below(letters.count)]
            }
            let found = verdict(bytes)
            XCTAssertEqual(found, expected(bytes), String(decoding: bytes, as: UTF8.self).debugDescription)
            if found != .unclean { clean += 1 }
        }
        XCTAssertGreaterThan(clean, 2000)
    }

    func testTheSixteenByteCheckFindsEachByteAtEachOffset() {
        for offset in 0..<40 {
            for byte in [0x00, 0x09, 0x0A, 0x0D, 0x1F, 0x20, 0x7E, 0x7F, 0x80, 0xC3] as [UInt8] {
                var bytes = [UInt8](repeating: 0x61, count: 40)
                bytes[offset] = byte
                XCTAssertEqual(verdict(bytes), expected(bytes), "\(byte) at \(offset)")
                // Line feeds pass the check: what follows them must still be found.
                var afterLineFeeds = [UInt8](repeating: 0x0A, count: 40)
                afterLineFeeds[offset] = byte
                XCTAssertEqual(verdict(afterLineFeeds), expected(afterLineFeeds), "\(byte) at \(offset) among line feeds")
                var afterOne = [UInt8](repeating: 0x20, count: 40)
                afterOne[max(0, offset - 1)] = 0x0A
                afterOne[offset] = byte
                XCTAssertEqual(verdict(afterOne), expected(afterOne), "\(byte) at \(offset) after a line feed")
            }
        }
    }

    func testEveryInvisibleScalarIsLookedAt() {
        let marks = CombiningMarks.shared
        for value in UInt32(0x80)..<0x10000 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            if TextSanitizer.isInvisible(scalar) || marks.isCombiningMark(value) {
                XCTAssertTrue(marks.needsLook(value), String(value, radix: 16))
            }
        }
    }

    func testCleanBytesBecomeTheSameStringAsValidation() {
        for text in ["", "plain", "Zürich — “café”\nnext line 😀", String(repeating: "ascii only ", count: 20)] {
            let bytes = Array(text.utf8)
            let made = CleanText.string(bytes[...])
            XCTAssertEqual(made, text)
            XCTAssertEqual(made?.count, text.count)
            XCTAssertEqual(made.map { Array($0.unicodeScalars) }, Array(text.unicodeScalars))
        }
        XCTAssertNil(CleanText.string(Array("carriage\r\nreturn".utf8)[...]))
        XCTAssertNil(CleanText.string(([0x61, 0xFF] as [UInt8])[...]))
    }

    func testDecodeSanitizedIsDecodeThenSanitize() {
        let inputs: [[UInt8]] = [
            Array("Zürich — “café”\n".utf8), [0xEF, 0xBB, 0xBF] + Array("Headline\n".utf8),
            Array("red \u{1B}[31mtext\r\n".utf8), [0x93] + Array("Caf".utf8) + [0xE9, 0x94],
            [0xFF, 0xFE, 0x41, 0x00, 0x0D, 0x00, 0x0A, 0x00], Array("stray\u{202E}bidi".utf8), [0x61, 0xFF, 0x62],
        ]
        for bytes in inputs {
            let decoded = TextDecoder.decode(bytes)
            let both = TextDecoder.decodeSanitized(bytes)
            XCTAssertEqual(both, .init(text: TextSanitizer.sanitize(decoded.text), notice: decoded.notice), "\(bytes)")
        }
    }
}
