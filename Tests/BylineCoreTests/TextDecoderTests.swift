import XCTest
@testable import BylineCore

final class TextDecoderTests: XCTestCase {
    func testPlainUTF8IsKeptWithoutNotice() {
        let text = "Café in Zürich — “quoted” 漢字 Кириллица 🚣‍♀️"
        XCTAssertEqual(TextDecoder.decode(Array(text.utf8)), .init(text: text, notice: nil))
    }

    func testUTF8ByteOrderMarkIsDropped() {
        let decoded = TextDecoder.decode([0xEF, 0xBB, 0xBF] + Array("Headline\n".utf8))
        XCTAssertEqual(decoded, .init(text: "Headline\n", notice: nil))
    }

    func testUTF16LittleEndianWithByteOrderMark() {
        let text = "Zürich “talks” — 東京 🙂"
        let bytes: [UInt8] = [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        XCTAssertEqual(TextDecoder.decode(bytes), .init(text: text, notice: "decoded as UTF-16"))
    }

    func testUTF16BigEndianWithByteOrderMark() {
        let text = "Zürich “talks” — 東京 🙂"
        let bytes: [UInt8] = [0xFE, 0xFF] + text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        XCTAssertEqual(TextDecoder.decode(bytes), .init(text: text, notice: "decoded as UTF-16"))
    }

    func testWindows1252QuotesAndAccents() {
        // “Caf\xE9” with 0x93/0x94 curly quotes, 0x97 em dash, 0x92 apostrophe, as an old CMS would save it.
        let bytes: [UInt8] = [0x93] + Array("Caf".utf8) + [0xE9, 0x94, 0x20, 0x97, 0x20] + Array("it".utf8) + [0x92] + Array("s open".utf8)
        XCTAssertEqual(TextDecoder.decode(bytes), .init(text: "“Café” — it’s open", notice: "decoded as Windows-1252"))
    }

    func testInvalidUTF8AmongValidTextBecomesReplacementCharacters() {
        // Mostly well-formed multi-byte text with one stray byte: UTF-8 with a repair, not Windows-1252.
        let bytes = Array("Zürich — café ".utf8) + [0xFF] + Array(" naïve".utf8)
        XCTAssertEqual(TextDecoder.decode(bytes), .init(text: "Zürich — café \u{FFFD} naïve", notice: "invalid UTF-8 replaced with �"))
    }

    func testInvalidUTF8AfterByteOrderMarkIsRepairedWithNotice() {
        let decoded = TextDecoder.decode([0xEF, 0xBB, 0xBF, 0x61, 0xC3, 0xA9, 0xC3, 0xA9, 0xFE])
        XCTAssertEqual(decoded, .init(text: "aéé\u{FFFD}", notice: "invalid UTF-8 replaced with �"))
    }

    func testLineEndsBecomeNewlines() {
        XCTAssertEqual(TextDecoder.decode(Array("one\r\ntwo\r\n\r\nthree".utf8)).text, "one\ntwo\n\nthree")
        XCTAssertEqual(TextDecoder.decode(Array("one\rtwo\r\rthree\r".utf8)).text, "one\ntwo\n\nthree\n")
        XCTAssertEqual(TextDecoder.decode(Array("mixed\r\nends\rand\nmore".utf8)).text, "mixed\nends\nand\nmore")
    }

    func testCRLFInUTF16AndWindows1252() {
        let utf16: [UInt8] = [0xFF, 0xFE] + "a\r\nb".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        XCTAssertEqual(TextDecoder.decode(utf16).text, "a\nb")
        XCTAssertEqual(TextDecoder.decode([0x93, 0x61, 0x94, 0x0D, 0x0A, 0x62]).text, "“a”\nb")
    }

    func testBinaryDetection() {
        XCTAssertTrue(TextDecoder.looksBinary([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D]))
        XCTAssertTrue(TextDecoder.looksBinary(Array("text then".utf8) + [0] + Array("more".utf8)))
        XCTAssertFalse(TextDecoder.looksBinary(Array("Plain text, “quotes” and 東京.\n".utf8)))
        XCTAssertFalse(TextDecoder.looksBinary([UInt8]()))
        // Only the first 8 KB are looked at, so a huge file is judged quickly.
        XCTAssertFalse(TextDecoder.looksBinary([UInt8](repeating: 0x61, count: 10_000) + [0]))
        XCTAssertTrue(TextDecoder.hasUTF16ByteOrderMark([0xFF, 0xFE, 0x61, 0x00]))
        XCTAssertFalse(TextDecoder.hasUTF16ByteOrderMark([0xEF, 0xBB, 0xBF]))
    }

    func testCharacterBoundaryNeverSplitsACharacter() {
        let bytes = Array("ab€cd".utf8)  // € is three bytes at offsets 2–4
        XCTAssertEqual(TextDecoder.characterBoundary(in: bytes, atMost: 2), 2)
        XCTAssertEqual(TextDecoder.characterBoundary(in: bytes, atMost: 3), 2)
        XCTAssertEqual(TextDecoder.characterBoundary(in: bytes, atMost: 4), 2)
        XCTAssertEqual(TextDecoder.characterBoundary(in: bytes, atMost: 5), 5)
        XCTAssertEqual(TextDecoder.characterBoundary(in: bytes, atMost: 99), bytes.count)
        let utf16: [UInt8] = [0xFF, 0xFE] + "a🙂".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        XCTAssertEqual(TextDecoder.characterBoundary(in: utf16, atMost: 7), 4)
        XCTAssertEqual(TextDecoder.characterBoundary(in: utf16, atMost: 6), 4)
    }
}
