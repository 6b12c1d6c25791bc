@testable import BylineTerminal
import BylineView
import XCTest

/// The ncurses key table, with ncurses' ABI key codes written out as numbers (KEY_UP is 0o403 everywhere).
final class TerminalBackendKeyDecoderTests: XCTestCase {
    private func character(_ code: UInt32) -> DecodedInput { KeyDecoder.decode(.character(code)) }
    private func keyCode(_ code: Int32) -> DecodedInput { KeyDecoder.decode(.keyCode(code)) }

    func testPrintableCharactersOfAnyScriptAreCharacters() {
        XCTAssertEqual(character(0x71), .key(.character("q")))
        XCTAssertEqual(character(0x20), .key(.character(" ")))
        XCTAssertEqual(character(0x6F22), .key(.character("漢")))
        XCTAssertEqual(character(0x1F389), .key(.character("🎉")))
        XCTAssertEqual(character(0x0416), .key(.character("Ж")))
    }

    func testEnterTabBackspaceAndEscapeHaveTheirOwnKeys() {
        XCTAssertEqual(character(0x0D), .key(.enter), "Enter after nonl()")
        XCTAssertEqual(character(0x0A), .key(.enter))
        XCTAssertEqual(keyCode(0o527), .key(.enter), "KEY_ENTER, the keypad Enter")
        XCTAssertEqual(character(0x09), .key(.tab))
        XCTAssertEqual(character(0x7F), .key(.backspace))
        XCTAssertEqual(character(0x08), .key(.backspace))
        XCTAssertEqual(keyCode(0o407), .key(.backspace), "KEY_BACKSPACE")
        XCTAssertEqual(character(0x1B), .escape)
    }

    func testControlChordsAreNamedByTheirLetter() {
        XCTAssertEqual(character(0x01), .key(.control("a")))
        XCTAssertEqual(character(0x03), .key(.control("c")))
        XCTAssertEqual(character(0x1A), .key(.control("z")))
        XCTAssertEqual(character(0x00), .key(.control("@")))
        XCTAssertEqual(character(0x1F), .key(.control("_")))
    }

    func testC1ControlsAndInvalidScalarsAreIgnored() {
        XCTAssertEqual(character(0x9B), .ignored)
        XCTAssertEqual(character(0xD800), .ignored)
        XCTAssertEqual(character(0x11_0000), .ignored)
    }

    func testNavigationAndFunctionKeyCodes() {
        XCTAssertEqual(keyCode(0o403), .key(.up))
        XCTAssertEqual(keyCode(0o402), .key(.down))
        XCTAssertEqual(keyCode(0o404), .key(.left))
        XCTAssertEqual(keyCode(0o405), .key(.right))
        XCTAssertEqual(keyCode(0o523), .key(.pageUp))
        XCTAssertEqual(keyCode(0o522), .key(.pageDown))
        XCTAssertEqual(keyCode(0o406), .key(.home))
        XCTAssertEqual(keyCode(0o550), .key(.end))
        XCTAssertEqual(keyCode(0o512), .key(.delete))
        XCTAssertEqual(keyCode(0o541), .key(.backTab))
        XCTAssertEqual(keyCode(0o410 + 1), .key(.function(1)))
        XCTAssertEqual(keyCode(0o410 + 12), .key(.function(12)))
        XCTAssertEqual(keyCode(0o632), .resize)
        XCTAssertEqual(keyCode(0o631), .mouse)
        XCTAssertEqual(keyCode(0o410), .ignored, "F0 does not exist on keyboards")
        XCTAssertEqual(keyCode(0o777), .ignored, "user-defined codes such as Ctrl-arrow")
    }

    func testEscapeFollowedByAPrintableCharacterIsAlt() {
        XCTAssertEqual(KeyDecoder.altKey(pairing: .character(0x78)), .alt("x"))
        XCTAssertEqual(KeyDecoder.altKey(pairing: .character(0x0416)), .alt("Ж"))
        XCTAssertNil(KeyDecoder.altKey(pairing: .character(0x1B)), "Escape twice is two Escapes")
        XCTAssertNil(KeyDecoder.altKey(pairing: .character(0x0D)))
        XCTAssertNil(KeyDecoder.altKey(pairing: .keyCode(0o403)))
    }

    func testMouseButtonBits() {
        // ncurses mouse version 2: button n's bits start at (n - 1) * 5; released 1, pressed 2, clicked 4.
        XCTAssertEqual(MouseDecoder.event(buttonState: 0o2, x: 4, y: 5), MouseEvent(action: .press, x: 4, y: 5))
        XCTAssertEqual(MouseDecoder.event(buttonState: 0o4, x: 1, y: 1), MouseEvent(action: .press, x: 1, y: 1))
        XCTAssertEqual(MouseDecoder.event(buttonState: 0o1, x: 4, y: 5), MouseEvent(action: .release, x: 4, y: 5))
        XCTAssertEqual(MouseDecoder.event(buttonState: 2 << 15, x: 0, y: 0)?.action, .wheelUp)
        XCTAssertEqual(MouseDecoder.event(buttonState: 2 << 20, x: 0, y: 0)?.action, .wheelDown)
        XCTAssertNil(MouseDecoder.event(buttonState: 2 << 5, x: 0, y: 0), "the middle button is not used")
    }
}
