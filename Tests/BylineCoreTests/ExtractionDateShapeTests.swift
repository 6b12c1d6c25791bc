import XCTest
@testable import BylineCore

/// `DateShape.mayHoldDate`, the byte test that lets the date parser skip most lines, against the token parser it
/// stands in front of: it may answer "maybe" for a line without a date, never "no" for a line with one.
final class ExtractionDateShapeTests: XCTestCase {
    private static let pieces = [
        "2019", "11", "13", "5", "1", "31", "-", ".", "/", ":", "::", " ", " ", " ", "st", "th", "nd", "rd", "h", "d",
        "Nov", "nov.", "NOVEMBER", "May", "mar", "march", "Marzipan", "sept", "de", "of", "the", "am", "PM", "T",
        "Posted", "Updated", "at", "x", "—", "“", "’", "\u{00A0}", "é", "février", "août", "Мая", "мая", "сентября",
        "ago", "12:30", "2019-11-13", "18.11.2019", "11/20/19", "1st", "3rd-5", "dmay", "thjun", "s", "r",
        "_", ",", "(", ")", "\u{2060}", "\u{2070}", "日本",
    ]

    func testTheByteShapeNeverClearsADate() {
        var generator = SplitMix(seed: 47)
        var dates = 0, parsed = 0, cleared = 0
        for _ in 0..<20000 {
            var text = ""
            let count = generator.next() % 50 == 0 ? 60 + generator.below(40) : 1 + generator.below(9)
            for index in 0..<count {
                if index > 0 && generator.next() % 3 == 0 { text += " " }
                text += Self.pieces[generator.below(Self.pieces.count)]
            }
            let byTokens = DateParser.hasDigit(text) && DateParser.looksLikeDateByTokens(text)
            XCTAssertEqual(DateParser.looksLikeDate(text), byTokens, text.debugDescription)
            let parsedByTokens = DateParser.hasDigit(text) ? DateParser.parseByTokens(text) : nil
            XCTAssertEqual(DateParser.parse(text), parsedByTokens, text.debugDescription)
            if byTokens { dates += 1 }
            if parsedByTokens != nil { parsed += 1 }
            if DateParser.hasDigit(text) && !DateShape.mayHoldDate(text) { cleared += 1 }
        }
        XCTAssertGreaterThan(dates, 2000, "many lines must read as dates")
        XCTAssertGreaterThan(parsed, 1000, "many lines must parse")
        XCTAssertGreaterThan(cleared, 1000, "the byte test must clear some lines with digits")
    }
}
