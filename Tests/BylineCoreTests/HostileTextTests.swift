import XCTest
@testable import BylineCore

/// Issue 7, inert text: nothing in an article survives loading that could drive a terminal or reorder a line.
final class HostileTextTests: XCTestCase {
    /// Every sequence family the issue names, one per line, as the loader would see it.
    private static let hostile: [(String, String)] = [
        ("SGR colour", "a\u{1B}[38;2;255;0;0mred\u{1B}[0mb"), ("cursor moves", "a\u{1B}[10;10H\u{1B}[2Ab\u{1B}[K"),
        ("clear screen", "a\u{1B}[2J\u{1B}[3Jb"), ("title (BEL)", "a\u{1B}]0;pwned\u{07}b"), ("title (ST)", "a\u{1B}]2;pwned\u{1B}\\b"),
        ("OSC 52 clipboard", "a\u{1B}]52;c;cm0gLXJmIH4=\u{07}b"), ("OSC 8 hyperlink", "a\u{1B}]8;;https://evil.example\u{1B}\\link\u{1B}]8;;\u{1B}\\b"),
        ("DCS", "a\u{1B}P+q544e\u{1B}\\b"), ("APC/PM/SOS", "a\u{1B}_apc\u{1B}\\\u{1B}^pm\u{1B}\\\u{1B}Xsos\u{1B}\\b"),
        ("C1 CSI", "a\u{9B}31mb"), ("C1 OSC", "a\u{9D}0;pwned\u{9C}b"), ("C1 DCS", "a\u{90}q\u{9C}b"),
        ("reset", "a\u{1B}cb"), ("charset", "a\u{1B}(0b"), ("keypad", "a\u{1B}=\u{1B}>b"),
        ("backspace overprint", "a\u{08}\u{08}_b"), ("carriage return overprint", "abc\rXY"), ("bell and C0", "a\u{07}\u{01}\u{1F}\u{7F}b"),
        ("bidi override", "a\u{202E}cba\u{202C}b"), ("bidi isolates", "a\u{2066}\u{2067}\u{2068}x\u{2069}b"),
        ("zero width", "a\u{200B}\u{2060}\u{FEFF}\u{AD}\u{180E}b"),
    ]

    func testNoSequenceSurvivesSanitising() {
        for (name, text) in Self.hostile {
            let clean = TextSanitizer.sanitize(TextDecoder.decode(Array(text.utf8)).text)
            for scalar in clean.unicodeScalars {
                let value = scalar.value
                XCTAssertFalse(value < 0x20 && value != 0x0A, "\(name): U+\(String(value, radix: 16)) in \(clean.debugDescription)")
                XCTAssertFalse((0x7F...0x9F).contains(value), "\(name): C1 in \(clean.debugDescription)")
                XCTAssertFalse(TextSanitizer.isInvisible(scalar), "\(name): invisible in \(clean.debugDescription)")
            }
            XCTAssertFalse(clean.contains("pwned"), "\(name): a title's text leaked: \(clean.debugDescription)")
            XCTAssertFalse(clean.contains("cm0g") || clean.contains("https://evil"), "\(name): a payload leaked: \(clean.debugDescription)")
        }
    }

    func testOverprintingBecomesSeparateLinesNotHiddenText() {
        // A carriage return ends a line (as in old Mac files), so "abc\rXY" can never hide "abc" under "XY".
        XCTAssertEqual(TextSanitizer.sanitize(TextDecoder.decode(Array("abc\rXY".utf8)).text), "abc\nXY")
        XCTAssertEqual(TextSanitizer.sanitize("ab\u{08}\u{08}__"), "ab__")
    }

    func testMarksAndJoinersWithNothingToAttachToAreDropped() {
        XCTAssertEqual(TextSanitizer.sanitize("\u{0301}start"), "start")
        XCTAssertEqual(TextSanitizer.sanitize("word \u{200C}\u{200D}next"), "word next")
        XCTAssertEqual(TextSanitizer.sanitize("line\n\u{0301}\u{FE0F}mark"), "line\nmark")
        XCTAssertEqual(TextSanitizer.sanitize("tab\t\u{20DD}"), "tab ")
        // Where they attach to something, they stay.
        XCTAssertEqual(TextSanitizer.sanitize("cafe\u{0301} 👩\u{200D}💻 ❤\u{FE0F}"), "cafe\u{0301} 👩\u{200D}💻 ❤\u{FE0F}")
        XCTAssertEqual(TextSanitizer.sanitize("می\u{200C}خواهم"), "می\u{200C}خواهم")
    }

    func testCombiningFloodOfAnySizeStaysSmall() {
        let flood = "Z" + String(repeating: "\u{0301}\u{0336}\u{0489}", count: 100_000)
        let clean = TextSanitizer.sanitize(flood)
        XCTAssertEqual(clean.unicodeScalars.count, 1 + TextSanitizer.maxCombiningMarks)
        XCTAssertEqual(clean.count, 1)
    }

    func testUnterminatedStringsCannotSwallowAWholeArticle() {
        let text = "Title\n\nBefore \u{1B}]0;" + String(repeating: "x", count: 100_000) + "\nAfter the line break the text is back.\n"
        let clean = TextSanitizer.sanitize(text)
        XCTAssertTrue(clean.contains("After the line break the text is back."), String(clean.suffix(80)))
        XCTAssertTrue(clean.hasPrefix("Title\n\nBefore "))
    }

    func testHostileFileNamesAreSanitisedForOneLine() {
        XCTAssertEqual(TextSanitizer.sanitizeLine("a\u{1B}]0;t\u{07}b\nc\u{202E}d"), "ab cd")
    }
}
