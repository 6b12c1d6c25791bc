import Foundation
import XCTest

@testable import BylineView

/// The bundled themes: each resolves, looks deliberate, and matches the files in themes/.
final class ThemeBundleTests: XCTestCase {
    private let catalog = ThemeCatalog(userThemesDirectory: nil)
    private static let required = ["default", "light", "solarized-dark", "solarized-light", "gruvbox", "high-contrast", "monochrome"]

    func testEveryRequiredThemeIsBundled() {
        for name in Self.required { XCTAssertNotNil(BundledThemes.sources[name], name) }
        XCTAssertEqual(catalog.names.first, "default")
    }

    func testEveryBundledThemeParsesAndResolvesEveryElementExplicitly() throws {
        for name in BundledThemes.sources.keys {
            let source = try XCTUnwrap(catalog.bundledSource(named: name))
            let definition = try ThemeParser.parse(source.text, name: name, file: source.file)
            let chain = try ThemeResolver(loadParent: { parent, _ in
                try BundledThemes.sources[parent].map { try ThemeParser.parse($0, name: parent, file: parent) }
            }, knownThemes: { [] }).inheritanceChain(from: definition)
            let named = Set(chain.flatMap(\.styles.keys))
            // Bundled themes name every element rather than leaning on fallbacks, so they look deliberate.
            XCTAssertEqual(named, Set(ThemeElement.allCases), "\(name) leaves out \(Set(ThemeElement.allCases).subtracting(named))")
            XCTAssertNoThrow(try catalog.theme(named: name), name)
        }
    }

    func testKeyStylesAreDistinctInEveryTheme() throws {
        for name in BundledThemes.sources.keys {
            let theme = try catalog.theme(named: name)
            let elements: [ThemeElement] = [.selectedRow, .readerTitle, .readerMetadata, .bodyText]
            for (i, a) in elements.enumerated() {
                for b in elements[(i + 1)...] {
                    XCTAssertNotEqual(theme.style(a), theme.style(b), "\(name): \(a) and \(b) look the same")
                }
            }
            XCTAssertNotEqual(theme.style(.selectedRow), theme.style(.selectedRowUnfocused), "\(name): focused and unfocused selection")
            XCTAssertNotEqual(theme.style(.selectedRow), theme.style(.listRow), name)
            XCTAssertNotEqual(theme.style(.selectedRow), theme.style(.unreadRow), name)
            XCTAssertNotEqual(theme.style(.selectedRowUnfocused), theme.style(.listRow), name)
            XCTAssertNotEqual(theme.style(.selectedRowUnfocused), theme.style(.unreadRow), name)
        }
    }

    /// Text must stay readable: 4.5:1 for what is read (WCAG AA), 3:1 for the rest, except borders and stripped text.
    func testColouredThemesHaveReadableContrast() throws {
        for name in BundledThemes.sources.keys where name != "monochrome" {
            let theme = try catalog.theme(named: name)
            for element in ThemeElement.allCases {
                let style = theme.style(element)
                guard let fg = style.foreground.approximateRGB, let bg = style.background.approximateRGB else { continue }
                let ratio = ColorApproximation.contrastRatio(fg, bg)
                let minimum: Double =
                    switch element {
                    case .bodyText, .readerTitle, .selectedRow, .listRow, .unreadRow: 4.5
                    case .border, .strippedChrome: 1.8  // meant to recede
                    default: 3
                    }
                XCTAssertGreaterThanOrEqual(ratio, minimum, "\(name) \(element.rawValue): contrast \(ratio)")
            }
        }
    }

    func testHighContrastMeetsSevenToOne() throws {
        let theme = try catalog.theme(named: "high-contrast")
        for element in ThemeElement.allCases {
            let style = theme.style(element)
            let fg = try XCTUnwrap(style.foreground.approximateRGB), bg = try XCTUnwrap(style.background.approximateRGB)
            XCTAssertGreaterThanOrEqual(ColorApproximation.contrastRatio(fg, bg), 7, element.rawValue)
            XCTAssertFalse(style.modifiers.contains(.dim), "\(element.rawValue) is dimmed")
        }
    }

    func testMonochromeUsesNoColour() throws {
        let theme = try catalog.theme(named: "monochrome")
        for element in ThemeElement.allCases {
            XCTAssertEqual(theme.style(element).foreground, .default, element.rawValue)
            XCTAssertEqual(theme.style(element).background, .default, element.rawValue)
        }
        XCTAssertTrue(theme.style(.selectedRow).modifiers.contains(.reverse))
        XCTAssertTrue(theme.sourceColors.isEmpty)
        XCTAssertEqual(theme.sourceStyle("Reuters"), theme.style(.sourceTag))
    }

    func testSolarizedLightOnlySwapsThePalette() throws {
        let dark = try catalog.theme(named: "solarized-dark"), light = try catalog.theme(named: "solarized-light")
        XCTAssertEqual(light.style(.base).background, .rgb(0xfd, 0xf6, 0xe3))
        XCTAssertEqual(dark.style(.base).background, .rgb(0x00, 0x2b, 0x36))
        XCTAssertEqual(light.style(.focusMarker).foreground, dark.style(.focusMarker).foreground)
        XCTAssertEqual(light.style(.focusMarker).modifiers, dark.style(.focusMarker).modifiers)
        XCTAssertEqual(light.sourceColors, dark.sourceColors)
    }

    func testFallbackThemeIsTheBundledDefault() throws {
        XCTAssertEqual(BuiltinTheme.fallback, try catalog.theme(named: "default"))
    }

    /// The Swift file the bundled themes are compiled from must match themes/*.toml exactly.
    func testGeneratedBundleMatchesThemesFolder() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let folder = root.appendingPathComponent("themes")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".toml") }
        var onDisk: [String: String] = [:]
        for file in files {
            onDisk[String(file.dropLast(5))] = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
        }
        let stale = "Sources/BylineView/Theme/BundledThemes.swift is out of date: run scripts/embed-themes.sh"
        XCTAssertEqual(Set(onDisk.keys), Set(BundledThemes.sources.keys), stale)
        for (name, text) in onDisk { XCTAssertEqual(BundledThemes.sources[name], text, "\(name): \(stale)") }
    }
}
