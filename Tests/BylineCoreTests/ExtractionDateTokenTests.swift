import XCTest
@testable import BylineCore

/// `DateParser.tokenizeUTF8`, which reads lines beyond ASCII from their bytes, against `tokenizeByScalars`, the
/// scalar-view tokenizer it stands in for: the same tokens, byte for byte.
final class ExtractionDateTokenTests: XCTestCase {
    private static let pieces = [
        "12", "2019", "3", "18th", "1st", "22nd", "3rd", "7h", "11:42", "2019-11-13", "18.11.2019", "5/6", ".", "-", "/",
        ":", " ", " ", ",", "Nov", "NOVEMBER", "ноября", "Ноябрь", "Décembre", "décembre", "MÄRZ", "März", "İstanbul",
        "ΣΟΦΟΣ", "σοφός", "Straße", "STRASSE", "e\u{301}", "\u{301}", "日本", "年", "月", "😀", "’", "“", "—", "…",
        "\u{00A0}", "ǅ", "\u{212A}", "Ω", "٣", "²", "th", "ST", "a", "Z", "\r\n",
    ]

    private static func bytes(_ tokens: [DateParser.Token]) -> [String] {
        tokens.map { token -> String in
            switch token {
            case .word(let word): return "w:" + word.utf8.map { String($0, radix: 16) }.joined(separator: ",")
            case .number(let number): return "n:" + number.utf8.map { String($0, radix: 16) }.joined(separator: ",")
            }
        }
    }

    func testTokenizeUTF8GivesTheScalarTokens() {
        var generator = SplitMix(seed: 57)
        var beyondASCII = 0, words = 0
        for _ in 0..<6000 {
            var text = ""
            text += generator.pieces(upTo: 14, from: Self.pieces)
            let plain = DateParser.tokenizeByScalars(text)
            let read = UTF8Text.withBytes(text, DateParser.tokenizeUTF8)
            XCTAssertEqual(Self.bytes(read), Self.bytes(plain), text.debugDescription)
            XCTAssertEqual(Self.bytes(DateParser.tokenize(text)), Self.bytes(plain), text.debugDescription)
            if text.utf8.contains(where: { $0 >= 0x80 }) { beyondASCII += 1 }
            words += plain.filter { if case .word(let word) = $0 { return word.utf8.contains { $0 >= 0x80 } } else { return false } }.count
        }
        XCTAssertGreaterThan(beyondASCII, 3000, "most texts must hold scalars beyond ASCII")
        XCTAssertGreaterThan(words, 3000, "many words must hold scalars beyond ASCII")
    }

    func testWordsBeyondASCIIAreLowerCased() {
        let tokens = UTF8Text.withBytes("18 НОЯБРЯ 2019, MÄRZ 3rd", DateParser.tokenizeUTF8)
        XCTAssertEqual(tokens, [.number("18"), .word("ноября"), .number("2019"), .word("märz"), .number("3")])
    }
}
