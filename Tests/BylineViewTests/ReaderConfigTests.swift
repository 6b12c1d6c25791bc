import BylineCore
import XCTest
@testable import BylineView

/// config.toml's [keys] and sort, and the errors a person gets for mistakes.
final class ReaderConfigTests: XCTestCase {
    func testKeysAreRemappedAndSortIsRead() throws {
        let config = try ReaderConfig.parse("""
            theme = "gruvbox"
            sort = "title"

            [keys]
            x = "quit"
            Ctrl-N = "move-down"
            "Space" = "toggle-read"
            q = "none"
            F5 = "redraw"
            """, file: "/c/config.toml")
        XCTAssertEqual(config.sort, .title)
        XCTAssertEqual(config.keymap.action(for: .character("x")), .quit)
        XCTAssertEqual(config.keymap.action(for: .control("n")), .moveDown)
        XCTAssertEqual(config.keymap.action(for: .character(" ")), .toggleRead)
        XCTAssertNil(config.keymap.action(for: .character("q")))
        XCTAssertEqual(config.keymap.action(for: .function(5)), .redraw)
        XCTAssertEqual(config.keymap.action(for: .character("j")), .moveDown, "unmentioned keys keep their defaults")
    }

    func testUnknownActionIsAnErrorWithFileAndLine() {
        XCTAssertThrowsError(try ReaderConfig.parse("sort = \"date\"\n\n[keys]\nj = \"move-down\"\nk = \"fly-away\"\n", file: "/c/config.toml")) { error in
            let description = (error as? ReaderConfigError)?.description ?? ""
            XCTAssertTrue(description.hasPrefix("/c/config.toml:5: unknown action 'fly-away'"), description)
        }
    }

    func testUnknownKeyNameIsAnErrorWithFileAndLine() {
        XCTAssertThrowsError(try ReaderConfig.parse("[keys]\nj = \"move-down\"\nHyper-J = \"quit\"\n", file: "c.toml")) { error in
            XCTAssertEqual((error as? ReaderConfigError)?.line, 3)
            XCTAssertTrue("\(error)".contains("unknown key name 'Hyper-J'"), "\(error)")
        }
    }

    func testBadSortAndSyntaxErrorsNameTheLine() {
        XCTAssertThrowsError(try ReaderConfig.parse("# mine\nsort = \"sideways\"\n", file: "c.toml")) { error in
            XCTAssertEqual("\(error)", "c.toml:2: sort must be one of date, source, title, path")
        }
        XCTAssertThrowsError(try ReaderConfig.parse("[keys]\nj = \n", file: "c.toml")) { error in
            XCTAssertEqual((error as? ReaderConfigError)?.line, 2)
        }
    }

    func testEveryKeyNameReadsBack() {
        for binding in Keymap.standard.bindings {
            XCTAssertEqual(Key(name: binding.key.name), binding.key, binding.key.name)
        }
        XCTAssertEqual(Key(name: "Ctrl-A"), .control("a"))
        XCTAssertEqual(Key(name: "down"), .down)
        XCTAssertNil(Key(name: "Ctrl-"))
        XCTAssertNil(Key(name: "F99"))
    }

    func testHelpListsRemappedKeys() throws {
        let config = try ReaderConfig.parse("[keys]\nx = \"toggle-star\"\n", file: "c.toml")
        var state = AppState(width: 120, height: 45, keymap: config.keymap)
        state.receive(Fixtures.snapshot([Fixtures.article(1)]))
        state.press(.character("?"))
        let screen = Screen.render(state)
        let row = try XCTUnwrap(screen.row(containing: Action.toggleStar.summary))
        XCTAssertTrue(screen.rowText(row).contains("* x"), screen.rowText(row))
        for entry in config.keymap.helpEntries {
            XCTAssertNotNil(screen.row(containing: entry.summary), "help lacks \(entry.action)")
        }
        XCTAssertTrue(config.keymap.helpText.contains("* x"))
    }
}
