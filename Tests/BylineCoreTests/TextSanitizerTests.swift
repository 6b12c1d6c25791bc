import XCTest
@testable import BylineCore

final class TextSanitizerTests: XCTestCase {
    private let esc = "\u{1B}"
    private let bel = "\u{07}"

    private func assertClean(_ input: String, _ expected: String, file: StaticString = #filePath, line: UInt = #line) {
        let output = TextSanitizer.sanitize(input)
        XCTAssertEqual(output, expected, file: file, line: line)
        XCTAssertFalse(output.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" }, "control left in \(output.debugDescription)", file: file, line: line)
    }

    func testOrdinaryTextIsUntouched() {
        let text = """
            Café owner Agnès Moreau met Jonas Müller in Zürich — “a fine day”, she said.
            «Перевод — это не зеркало, а окно», — сказала Соколова.
            林晓雨说：“每一首诗都有两个故乡。” 東京の夏。한국어 문장.
            Family: 👨‍👩‍👧‍👦, flag: 🇳🇴, rower: 🚣‍♀️, heart: ❤️, skin tone: 👋🏽, keycap: 1️⃣
            Vietnamese: Tiếng Việt có dấu; Hindi: हिन्दी; Persian with ZWNJ: می‌خواهم; Arabic: مرحبا
            Tab→here.
            """
        XCTAssertEqual(TextSanitizer.sanitize(text), text.replacingOccurrences(of: "\t", with: " "))
    }

    func testTabsBecomeSpaces() {
        XCTAssertEqual(TextSanitizer.sanitize("a\tb"), "a b")
    }

    func testCSISequencesAreRemoved() {
        assertClean("\(esc)[31mred\(esc)[0m text", "red text")
        assertClean("move\(esc)[2J\(esc)[H\(esc)[10;20Hhere", "movehere")
        assertClean("private\(esc)[?1049h\(esc)[?25l mode", "private mode")
        // The 8-bit CSI introducer U+009B.
        assertClean("a\u{9B}1;31mb", "ab")
    }

    func testOSCSequencesAreRemovedWhateverTheirTerminator() {
        assertClean("\(esc)]0;evil title\(bel)after", "after")
        assertClean("\(esc)]2;evil title\(esc)\\after", "after")
        assertClean("\u{9D}0;title\u{9C}after", "after")
        // OSC 52 would write to the clipboard.
        assertClean("copy\(esc)]52;c;ZWNobyBwd25lZA==\(bel) me", "copy me")
        // OSC 8 hyperlinks: the link text stays, the link does not.
        assertClean("see \(esc)]8;;https://evil.example/\(esc)\\this link\(esc)]8;;\(esc)\\ now", "see this link now")
    }

    func testAnEscapeInsideAStringStartsANewSequence() {
        assertClean("\(esc)]0;title\(esc)[31mred", "red")
    }

    func testDCSAndOtherStringsAreRemoved() {
        assertClean("a\(esc)P1$r0m\(esc)\\b", "ab")
        assertClean("a\u{90}q#0;2;0;0;0\u{9C}b", "ab")
        assertClean("a\(esc)_application\(esc)\\b\(esc)^private\(esc)\\c\(esc)Xsos\(esc)\\d", "abcd")
    }

    func testShortEscapesAreRemovedWithTheirIntermediates() {
        assertClean("reset\(esc)c done", "reset done")
        assertClean("save\(esc)7 restore\(esc)8", "save restore")
        assertClean("charset\(esc)(B ok\(esc)#8", "charset ok")
    }

    func testALoneEscapeKeepsTheLineBreakAfterIt() {
        assertClean("end\(esc)\nnext", "end\nnext")
        assertClean("trailing\(esc)", "trailing")
    }

    func testUnterminatedStringStopsAtTheLineEnd() {
        assertClean("a\(esc)]0;never ends\nsecond line", "a\nsecond line")
    }

    func testControlCharactersAreDropped() {
        assertClean("bell\u{07} nul\u{00} vt\u{0B} ff\u{0C} del\u{7F} c1\u{80}\u{81}\u{8D}.", "bell nul vt ff del c1.")
        assertClean("over\u{08}\u{08}\u{08}\u{08}____", "over____")
        assertClean("carriage\rreturn", "carriagereturn")
    }

    func testLineSeparatorsBecomeLineBreaks() {
        XCTAssertEqual(TextSanitizer.sanitize("a\u{2028}b\u{2029}c\u{85}d"), "a\nb\nc\nd")
    }

    func testBidiControlsAreRemoved() {
        let input = "file\u{202E}txt.exe\u{202C} \u{202A}ltr\u{202C}\u{202B}rtl\u{202C}\u{202D}lro\u{202C} \u{2066}i\u{2069}\u{2067}j\u{2069}\u{2068}k\u{2069} \u{200E}\u{200F}\u{061C}marks"
        XCTAssertEqual(TextSanitizer.sanitize(input), "filetxt.exe ltrrtllro ijk marks")
    }

    func testInvisibleCharactersAreRemovedButJoinersStay() {
        XCTAssertEqual(TextSanitizer.sanitize("zero\u{200B}width\u{2060}joiner\u{FEFF}bom soft\u{00AD}hyphen"), "zerowidthjoinerbom softhyphen")
        XCTAssertEqual(TextSanitizer.sanitize("👩\u{200D}💻"), "👩\u{200D}💻")
    }

    func testCombiningFloodIsCutToAFewMarks() {
        let flood = "Z" + String(repeating: "\u{0301}\u{0336}", count: 200) + "algo"
        let output = TextSanitizer.sanitize(flood)
        XCTAssertEqual(output, "Z\u{0301}\u{0336}\u{0301}algo")
        XCTAssertEqual(TextSanitizer.sanitize("e\u{0301}\u{0323}"), "e\u{0301}\u{0323}")
    }

    func testSanitizeLineFlattensLineBreaks() {
        XCTAssertEqual(TextSanitizer.sanitizeLine("two\nlines\(esc)[1m!"), "two lines!")
    }

    /// Text without escape sequences takes a byte loop; a trailing ESC (which removes nothing else) sends the
    /// same text through the scalar loop, so both must agree.
    func testByteLoopAgreesWithTheScalarLoop() {
        let pieces = [
            "a", "Z", " ", "\n", "\t", "\r", "\u{0}", "\u{7F}", "\u{85}", "\u{9C}", "\u{A0}", "é", "\u{301}",
            "\u{308}", "\u{20DD}", "\u{200C}", "\u{200D}", "\u{FE0F}", "\u{E0100}", "\u{200B}", "\u{202E}",
            "\u{2066}", "\u{AD}", "\u{FEFF}", "\u{2028}", "\u{2029}", "“", "—", "Ж", "日", "😀", "\u{1F3FD}",
            "\u{0345}", "\u{1D167}", "\u{FFFD}",
        ]
        var state: UInt64 = 42
        var marksKept = 0
        for _ in 0..<3000 {
            var text = ""
            state = state &* 6364136223846793005 &+ 1442695040888963407
            for _ in 0..<Int(state >> 60) + 1 {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                text += pieces[Int((state >> 33) % UInt64(pieces.count))]
            }
            let clean = TextSanitizer.sanitize(text)
            XCTAssertEqual(clean, TextSanitizer.sanitize(text + esc), text.debugDescription)
            if clean.unicodeScalars.contains(where: { $0.value == 0x301 }) { marksKept += 1 }
        }
        XCTAssertGreaterThan(marksKept, 0)
    }

    /// Long texts, so that the eight-byte checks run: plain runs, line feeds, controls and marks at every
    /// offset agree with the scalar loop, and an escape sequence anywhere is found and removed whole.
    func testEightByteChecksAgreeWithTheScalarLoop() {
        let pieces = ["plain text ", "Words", " ", "\n", "\t", "\u{7F}", "\u{0}", "\u{85}", "é", "\u{301}", "“", "B", "\u{A0}"]
        var state: UInt64 = 7
        func next() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return state >> 33
        }
        for _ in 0..<2000 {
            var text = ""
            for _ in 0..<Int(next() % 40) + 1 { text += pieces[Int(next() % UInt64(pieces.count))] }
            let clean = TextSanitizer.sanitize(text)
            XCTAssertEqual(clean, TextSanitizer.sanitize(text + esc), text.debugDescription)
            let scalars = Array(text.unicodeScalars)
            let cut = Int(next() % UInt64(scalars.count + 1))
            var before = String.UnicodeScalarView(), after = String.UnicodeScalarView()
            before.append(contentsOf: scalars[..<cut])
            after.append(contentsOf: scalars[cut...])
            for sequence in ["\u{1B}[31m", "\u{9B}31m"] {
                let withEscape = String(before) + sequence + String(after)
                XCTAssertFalse(TextSanitizer.sanitize(withEscape).contains("31m"), withEscape.debugDescription)
            }
        }
    }
}
