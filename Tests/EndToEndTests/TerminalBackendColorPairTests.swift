@testable import BylineTerminal
import BylineView
import XCTest

final class TerminalBackendColorPairTests: XCTestCase {
    func testPairsAreAllocatedOnFirstUseAndReused() {
        var table = ColorPairTable(colorPairs: 256)
        XCTAssertTrue(table.pair(foreground: 1, background: -1) == (1, true))
        XCTAssertTrue(table.pair(foreground: 208, background: 236) == (2, true))
        XCTAssertTrue(table.pair(foreground: 1, background: -1) == (1, false))
        XCTAssertEqual(table.allocatedCount, 2)
    }

    func testDefaultColoursUsePairZero() {
        var withDefaults = ColorPairTable(colorPairs: 256)
        XCTAssertTrue(withDefaults.pair(foreground: -1, background: -1) == (0, false))
        var whiteOnBlack = ColorPairTable(colorPairs: 64, defaultColors: (7, 0))
        XCTAssertTrue(whiteOnBlack.pair(foreground: 7, background: 0) == (0, false))
        XCTAssertEqual(whiteOnBlack.allocatedCount, 0)
    }

    func testRunningOutOfPairsFallsBackToPairZero() {
        var table = ColorPairTable(colorPairs: 3) // pairs 1 and 2 are usable
        XCTAssertEqual(table.pair(foreground: 1, background: -1).number, 1)
        XCTAssertEqual(table.pair(foreground: 2, background: -1).number, 2)
        XCTAssertTrue(table.pair(foreground: 3, background: -1) == (0, false))
        XCTAssertEqual(table.exhaustedLookups, 1)
        XCTAssertEqual(table.pair(foreground: 2, background: -1).number, 2, "known pairs still work")
    }

    func testPairNumbersStayWithinInitPairsShortRange() {
        XCTAssertEqual(ColorPairTable(colorPairs: 65536).highestPair, 32767)
        XCTAssertEqual(ColorPairTable(colorPairs: 0).highestPair, -1)
    }

    func testRenditionDegradesColoursToTheDepth() {
        let style = Style(foreground: .rgb(255, 128, 0), background: .indexed(236), modifiers: [.bold])
        let deep = TerminalRendition(style, depth: .indexed256, defaultColors: true)
        XCTAssertEqual(deep.foreground, 208)
        XCTAssertEqual(deep.background, 236)
        XCTAssertEqual(deep.modifiers, [.bold])
        let direct = TerminalRendition(style, depth: .direct, defaultColors: true)
        XCTAssertEqual(direct.foreground, 208, "the backend never asks ncurses for direct colour")
        let eight = TerminalRendition(style, depth: .eight, defaultColors: true)
        XCTAssertTrue((0..<8).contains(eight.foreground))
        XCTAssertTrue((0..<8).contains(eight.background))
    }

    func testMonochromeKeepsOnlyModifiers() {
        let style = Style(foreground: .ansi(1), background: .ansi(4), modifiers: [.underline, .reverse])
        let mono = TerminalRendition(style, depth: .none, defaultColors: true)
        XCTAssertEqual(mono.foreground, -1)
        XCTAssertEqual(mono.background, -1)
        XCTAssertFalse(mono.usesColor)
        XCTAssertEqual(mono.modifiers, [.underline, .reverse])
    }

    func testWithoutDefaultColoursTheDefaultsBecomeWhiteOnBlack() {
        let rendition = TerminalRendition(Style(foreground: .ansi(2)), depth: .eight, defaultColors: false)
        XCTAssertEqual(rendition.foreground, 2)
        XCTAssertEqual(rendition.background, 0)
    }

    func testDepthFromTheTerminfoColourCount() {
        XCTAssertEqual(Terminal.depth(forTerminalColors: 0), ColorDepth.none)
        XCTAssertEqual(Terminal.depth(forTerminalColors: 8), .eight)
        XCTAssertEqual(Terminal.depth(forTerminalColors: 16), .sixteen)
        XCTAssertEqual(Terminal.depth(forTerminalColors: 256), .indexed256)
        XCTAssertEqual(Terminal.depth(forTerminalColors: 16_777_216), .eight, "direct-colour numbering")
    }
}
