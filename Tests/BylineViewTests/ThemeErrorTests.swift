import XCTest

@testable import BylineView

/// A bad theme file gives one message naming the file, the line and what is wrong.
final class ThemeErrorTests: XCTestCase {
    private func error(in text: String, file: String = "bad.toml") -> ThemeError? {
        let catalog = ThemeCatalog(userThemesDirectory: nil)
        do {
            _ = try catalog.theme(from: ThemeSource(name: "bad", origin: .file(path: file), text: text))
            return nil
        } catch let error as ThemeError {
            return error
        } catch {
            XCTFail("unexpected \(error)")
            return nil
        }
    }

    func testUnknownElement() throws {
        let error = try XCTUnwrap(error(in: "base = \"white\"\n\ntitel-bar = { fg = \"red\" }\n"))
        XCTAssertEqual(error.line, 3)
        XCTAssertEqual(error.description, "bad.toml:3: unknown element \"titel-bar\" (did you mean \"title-bar\"?)")
    }

    func testBadHexColour() throws {
        let error = try XCTUnwrap(error(in: "# theme\nbody-text = { fg = \"#12345g\" }\n"))
        XCTAssertEqual(error.description, "bad.toml:2: bad colour \"#12345g\": expected \"#rrggbb\" with six hex digits")
    }

    func testColourIndexOutOfRange() throws {
        let error = try XCTUnwrap(error(in: "border = 300\n"))
        XCTAssertEqual(error.description, "bad.toml:1: bad colour 300: a colour index must be 0–255")
    }

    func testUnknownColourName() throws {
        let text = "base = \"white\"\nquote = { fg = \"accent\" }\n\n[palette]\naccnt = 75\n"
        let error = try XCTUnwrap(error(in: text))
        XCTAssertEqual(error.line, 2)
        XCTAssertTrue(error.message.hasPrefix("unknown colour \"accent\" in \"quote\""), error.message)
        XCTAssertTrue(error.message.hasSuffix("(did you mean \"accnt\"?)"), error.message)
    }

    func testUnknownColourInTableFormPointsAtTheField() throws {
        let text = "[selected-row]\nbg = \"blue\"\nfg = \"whit\"\n"
        XCTAssertEqual(error(in: text)?.description.prefix(35), "bad.toml:3: unknown colour \"whit\" i")
    }

    func testUnknownModifierInMultiLineArray() throws {
        let text = "title-bar = { fg = \"white\", modifiers = [\n  \"bold\",\n  \"blink\",\n] }\n"
        // The bad item's own line is found, in an inline table (which TOMLKit lets span lines) …
        XCTAssertEqual(error(in: text)?.line, 3)
        // … and in a table section.
        let sectioned = "[title-bar]\nfg = \"white\"\nmodifiers = [\n  \"bold\",\n  \"blink\",\n]\n"
        XCTAssertEqual(error(in: sectioned)?.description, "bad.toml:5: unknown modifier \"blink\" (expected bold, dim, italic, underline, reverse)")
    }

    func testUnknownField() throws {
        XCTAssertEqual(
            error(in: "notice = { fg = \"red\", colour = \"blue\" }\n")?.description,
            "bad.toml:1: unknown field \"colour\" in \"notice\" (expected fg, bg, modifiers)")
    }

    func testTOMLSyntaxError() throws {
        let error = try XCTUnwrap(error(in: "base = \"white\"\nborder = { fg = \"red\" \nnotice = 1\n"))
        XCTAssertEqual(error.file, "bad.toml")
        XCTAssertEqual(error.line, 2)
        XCTAssertTrue(error.message.hasPrefix("TOML syntax error"), error.message)
    }

    func testElementAfterPaletteHeaderIsExplained() throws {
        let error = try XCTUnwrap(error(in: "[palette]\nsky = 75\nborder = { fg = \"sky\" }\n"))
        XCTAssertEqual(error.line, 3)
        XCTAssertTrue(error.message.contains("must come before the [palette] table"), error.message)
    }

    func testEarliestErrorIsReported() throws {
        // TOML tables come back sorted by key; the message must still be the first problem in the file.
        let error = try XCTUnwrap(error(in: "zz-top = 1\naa = 2\n"))
        XCTAssertEqual(error.line, 1)
    }

    func testBadSourceColourItem() throws {
        let text = "source-colors = [\n  \"blue\",\n  \"#abc\",\n]\n"
        XCTAssertEqual(error(in: text)?.description, "bad.toml:3: bad colour \"#abc\": expected \"#rrggbb\" with six hex digits")
    }

    func testErrorsNameBundledFilesClearly() {
        XCTAssertEqual(ThemeSource(name: "gruvbox", origin: .bundled, text: "").file, "bundled:themes/gruvbox.toml")
    }
}
