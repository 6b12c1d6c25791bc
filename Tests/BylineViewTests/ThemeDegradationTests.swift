import XCTest

@testable import BylineView

/// Colour degradation for terminals with fewer colours.
final class ThemeDegradationTests: XCTestCase {
    func testDepthFromTerminalColours() {
        XCTAssertEqual(ColorDepth(colors: 2), .none)
        XCTAssertEqual(ColorDepth(colors: 8), .eight)
        XCTAssertEqual(ColorDepth(colors: 16), .sixteen)
        XCTAssertEqual(ColorDepth(colors: 256), .indexed256)
        XCTAssertEqual(ColorDepth(colors: 256, canSetRGB: true), .indexed256)
        XCTAssertEqual(ColorDepth(colors: 16_777_216, canSetRGB: true), .direct)
    }

    func testRGBGoesToTheNearestOf256UnlessTheTerminalTakesRGB() {
        XCTAssertEqual(Color.rgb(0xff, 0x00, 0x00).degraded(to: .indexed256), .indexed(196))
        XCTAssertEqual(Color.rgb(0x5f, 0xaf, 0xff).degraded(to: .indexed256), .indexed(75))
        XCTAssertEqual(Color.rgb(0x80, 0x80, 0x80).degraded(to: .indexed256), .indexed(244))
        // Solarized's base03 and blue.
        XCTAssertEqual(Color.rgb(0x00, 0x2b, 0x36).degraded(to: .indexed256), .indexed(235))
        XCTAssertEqual(Color.rgb(0x26, 0x8b, 0xd2).degraded(to: .indexed256), .indexed(32))
        XCTAssertEqual(Color.rgb(0x12, 0x34, 0x56).degraded(to: .direct), .rgb(0x12, 0x34, 0x56))
        XCTAssertEqual(Color.indexed(75).degraded(to: .direct), .indexed(75))
    }

    func testSixteenColours() {
        XCTAssertEqual(Color.indexed(196).degraded(to: .sixteen), .ansi(9))
        XCTAssertEqual(Color.indexed(244).degraded(to: .sixteen), .ansi(8))
        XCTAssertEqual(Color.indexed(234).degraded(to: .sixteen), .ansi(0))
        XCTAssertEqual(Color.indexed(231).degraded(to: .sixteen), .ansi(15))
        // A clear blue stays blue rather than becoming the grey that is nearer in plain distance.
        XCTAssertEqual(Color.rgb(0x26, 0x8b, 0xd2).degraded(to: .sixteen), .ansi(12))
        XCTAssertEqual(Color.rgb(0x26, 0x8b, 0xd2).degraded(to: .eight), .ansi(4))
        // A cream stays a light grey rather than turning yellow; a near-black tint becomes black.
        XCTAssertEqual(Color.rgb(0xeb, 0xdb, 0xb2).degraded(to: .sixteen), .ansi(7))
        XCTAssertEqual(Color.rgb(0x07, 0x36, 0x42).degraded(to: .sixteen), .ansi(0))
        XCTAssertEqual(Color.ansi(13).degraded(to: .sixteen), .ansi(13))
        XCTAssertEqual(Color.default.degraded(to: .sixteen), .default)
    }

    func testEightColours() {
        XCTAssertEqual(Color.indexed(196).degraded(to: .eight), .ansi(1))
        // Mid grey is nearer white than black, so grey text on black stays visible.
        XCTAssertEqual(Color.indexed(244).degraded(to: .eight), .ansi(7))
        XCTAssertEqual(Color.ansi(12).degraded(to: .eight), .ansi(4))
        XCTAssertEqual(Color.ansi(15).degraded(to: .eight), .ansi(7))
        XCTAssertEqual(Color.ansi(3).degraded(to: .eight), .ansi(3))
        XCTAssertEqual(Color.rgb(0xfa, 0xbd, 0x2f).degraded(to: .eight), .ansi(3))
    }

    func testNoColourKeepsOnlyModifiers() {
        XCTAssertNil(Color.indexed(75).degraded(to: .none))
        let style = Style(foreground: .indexed(75), background: .indexed(24), modifiers: [.bold])
        XCTAssertEqual(style.degraded(to: .none), Style(modifiers: [.bold]))
    }

    func testNoColourTerminalShowsBarsAndSelectionInReverse() throws {
        let theme = try ThemeCatalog(userThemesDirectory: nil).theme(named: "default").degraded(to: .none)
        XCTAssertEqual(theme.style(.selectedRow), Style(modifiers: [.bold, .reverse]))
        XCTAssertEqual(theme.style(.titleBar), Style(modifiers: [.bold, .reverse]))
        XCTAssertEqual(theme.style(.selectedRowUnfocused), Style(modifiers: [.reverse]))
        XCTAssertEqual(theme.style(.bodyText), Style())
        XCTAssertEqual(theme.sourceColors, [])
        let monochrome = try ThemeCatalog(userThemesDirectory: nil).theme(named: "monochrome")
        XCTAssertEqual(monochrome.degraded(to: .none), monochrome)
    }

    func testCollidingColoursKeepTextVisible() {
        // 250 on 252: both become white on an 8-colour terminal; the text turns black instead.
        let style = Style(foreground: .indexed(250), background: .indexed(252)).degraded(to: .eight)
        XCTAssertEqual(style.background, .ansi(7))
        XCTAssertEqual(style.foreground, .ansi(0))
    }

    func testBrightForegroundGainsBoldOnEightColours() {
        XCTAssertEqual(Style(foreground: .ansi(11)).degraded(to: .eight), Style(foreground: .ansi(3), modifiers: [.bold]))
        XCTAssertEqual(Style(foreground: .ansi(11)).degraded(to: .sixteen), Style(foreground: .ansi(11)))
    }

    /// Every bundled theme keeps its selection visible and its text readable on small terminals.
    func testBundledThemesSurviveEightAndSixteenColours() throws {
        let catalog = ThemeCatalog(userThemesDirectory: nil)
        for name in catalog.names {
            let theme = try catalog.theme(named: name)
            for depth in [ColorDepth.eight, .sixteen] {
                let small = theme.degraded(to: depth)
                let label = "\(name) at \(depth.rawValue) colours"
                XCTAssertNotEqual(small.style(.selectedRow), small.style(.listRow), label)
                XCTAssertNotEqual(small.style(.selectedRow), small.style(.selectedRowUnfocused), label)
                // Bars and selections with their own background keep it apart from the screen's.
                for element in ThemeElement.allCases where theme.style(element).background != theme.style(.base).background {
                    XCTAssertNotEqual(small.style(element).background, small.style(.base).background, "\(label): \(element.rawValue) merges into the screen")
                }
                for element in ThemeElement.allCases {
                    let style = small.style(element)
                    if style.foreground != .default {
                        XCTAssertNotEqual(style.foreground, style.background, "\(label): \(element.rawValue) text vanishes")
                    }
                    for color in [style.foreground, style.background] {
                        if case .ansi(let index) = color { XCTAssertLessThan(Int(index), depth.rawValue, label) } else { XCTAssertEqual(color, .default, label) }
                    }
                }
                for color in small.sourceColors {
                    if case .ansi(let index) = color { XCTAssertLessThan(Int(index), depth.rawValue, label) } else { XCTFail(label) }
                }
            }
        }
    }
}
