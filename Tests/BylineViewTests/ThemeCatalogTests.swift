import XCTest

@testable import BylineView

/// Finding themes: user themes, overrides, paths, config.toml, NO_COLOR and missing names.
final class ThemeCatalogTests: XCTestCase {
    private var folder: ThemeTestFolder!

    override func setUpWithError() throws { folder = try ThemeTestFolder() }
    override func tearDown() { folder.remove() }

    private func selection(noColor: Bool = false) -> ThemeSelection {
        var environment = folder.environment
        if noColor { environment["NO_COLOR"] = "1" }
        return ThemeSelection(environment: environment)
    }

    func testUserThemeOverridesBundledOneOfTheSameName() throws {
        let path = try folder.writeTheme("gruvbox", "base = { fg = 1, bg = 0 }\n")
        let catalog = ThemeCatalog(environment: folder.environment)
        XCTAssertEqual(try catalog.theme(named: "gruvbox").style(.bodyText).foreground, .ansi(1))
        XCTAssertEqual(catalog.sources(named: "gruvbox").map(\.origin), [.user(path: path), .bundled])
        XCTAssertEqual(catalog.names.filter { $0 == "gruvbox" }.count, 1)
    }

    func testUserOnlyThemesAreListedAndCycled() throws {
        try folder.writeTheme("zebra", "base = 7\n")
        try "not a theme".write(to: folder.themes.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        let catalog = ThemeCatalog(environment: folder.environment)
        XCTAssertEqual(catalog.names, ["default", "gruvbox", "high-contrast", "light", "monochrome", "solarized-dark", "solarized-light", "zebra"])
        XCTAssertEqual(catalog.name(after: "default"), "gruvbox")
        XCTAssertEqual(catalog.name(after: "zebra"), "default")
        XCTAssertEqual(catalog.name(after: "/tmp/elsewhere.toml"), "default")
    }

    func testXDGFallsBackToHomeConfig() {
        XCTAssertEqual(BylineConfigPaths(environment: ["HOME": "/home/ada"])?.themesDirectory, "/home/ada/.config/byline/themes")
        XCTAssertEqual(BylineConfigPaths(environment: ["HOME": "/home/ada", "XDG_CONFIG_HOME": "/cfg"])?.configFile, "/cfg/byline/config.toml")
        XCTAssertEqual(BylineConfigPaths(environment: ["HOME": "/home/ada", "XDG_CONFIG_HOME": "relative"])?.directory, "/home/ada/.config/byline")
        XCTAssertNil(BylineConfigPaths(environment: [:]))
    }

    func testRequestByPath() throws {
        let path = folder.root.appendingPathComponent("elsewhere.toml").path
        try "inherits = \"light\"\nborder = 5\n".write(toFile: path, atomically: true, encoding: .utf8)
        let theme = try selection().startupTheme(requested: path).theme
        XCTAssertEqual(theme.name, "elsewhere")
        XCTAssertEqual(theme.style(.border).foreground, .ansi(5))
        XCTAssertTrue(ThemeCatalog.isPath("mine.toml"))
        XCTAssertTrue(ThemeCatalog.isPath("./mine"))
        XCTAssertFalse(ThemeCatalog.isPath("solarized-dark"))
    }

    func testMissingRequestedThemeThrowsWithTheKnownThemes() {
        XCTAssertThrowsError(try selection().startupTheme(requested: "nope")) { error in
            guard let error = error as? ThemeNotFoundError else { return XCTFail("\(error)") }
            XCTAssertEqual(error.name, "nope")
            XCTAssertTrue(error.knownThemes.contains("monochrome"))
            XCTAssertTrue(error.description.hasPrefix("no theme named \"nope\"; known themes: default, gruvbox,"), error.description)
        }
        XCTAssertThrowsError(try selection().startupTheme(requested: "/no/such/theme.toml")) { error in
            XCTAssertEqual((error as? ThemeNotFoundError)?.isPath, true)
        }
    }

    func testBadRequestedThemeFallsBackToDefaultWithTheMessage() throws {
        let path = try folder.writeTheme("broken", "base = 7\nborder = \"#ggg\"\n")
        let choice = try selection().startupTheme(requested: "broken")
        XCTAssertEqual(choice.theme, BuiltinTheme.fallback)
        XCTAssertEqual(choice.warning, "\(path):2: bad colour \"#ggg\": expected \"#rrggbb\" with six hex digits; using the default theme")
    }

    func testConfigNamesTheTheme() throws {
        try folder.writeConfig("# byline settings\nwrap = 72\ntheme = \"gruvbox\"\n\n[keys]\nquit = \"q\"\n")
        let choice = try selection().startupTheme(requested: nil)
        XCTAssertEqual(choice.theme.name, "gruvbox")
        XCTAssertNil(choice.warning)
        XCTAssertEqual(selection().activeName(requested: nil), "gruvbox")
        XCTAssertEqual(selection().activeName(requested: "light"), "light")
    }

    func testConfigWithMissingThemeWarnsAndUsesDefault() throws {
        try folder.writeConfig("theme = \"nope\"\n")
        let choice = try selection().startupTheme(requested: nil)
        XCTAssertEqual(choice.theme.name, "default")
        XCTAssertTrue(choice.warning?.contains("no theme named \"nope\"") ?? false, choice.warning ?? "")
    }

    func testBrokenConfigWarnsWithLine() throws {
        try folder.writeConfig("wrap = 72\ntheme = \n")
        let choice = try selection().startupTheme(requested: nil)
        XCTAssertEqual(choice.theme.name, "default")
        XCTAssertTrue(choice.warning?.hasPrefix(folder.configFile.path + ":2: TOML syntax error") ?? false, choice.warning ?? "")
        XCTAssertEqual(ThemeConfigSetting.parse("\n\ntheme = 3\n", file: "c.toml").warning, "c.toml:3: theme must be a theme name or path, like theme = \"gruvbox\"")
    }

    func testNoColorChoosesMonochromeUnlessAThemeIsNamed() throws {
        XCTAssertEqual(try selection(noColor: true).startupTheme(requested: nil).theme.name, "monochrome")
        XCTAssertEqual(selection(noColor: true).activeName(requested: nil), "monochrome")
        XCTAssertEqual(try selection(noColor: true).startupTheme(requested: "light").theme.name, "light")
        try folder.writeConfig("theme = \"gruvbox\"\n")
        XCTAssertEqual(try selection(noColor: true).startupTheme(requested: nil).theme.name, "gruvbox")
    }

    func testEmptyNoColorIsIgnored() throws {
        var environment = folder.environment
        environment["NO_COLOR"] = ""
        XCTAssertEqual(try ThemeSelection(environment: environment).startupTheme(requested: nil).theme.name, "default")
    }

    func testThemeOrDefaultNeverFails() throws {
        try folder.writeTheme("broken", "base = [\n")
        let choice = selection().themeOrDefault("broken")
        XCTAssertEqual(choice.theme.name, "default")
        XCTAssertNotNil(choice.warning)
        XCTAssertNil(selection().themeOrDefault("high-contrast").warning)
    }

    func testUnreadableUserThemeIsAnErrorNotAMissingTheme() throws {
        let path = folder.themes.appendingPathComponent("latin1.toml")
        try Data([0x62, 0x61, 0x73, 0x65, 0x20, 0x3D, 0x20, 0x22, 0xE9, 0x22, 0x0A]).write(to: path)
        XCTAssertThrowsError(try ThemeCatalog(environment: folder.environment).theme(named: "latin1")) { error in
            XCTAssertEqual("\(error)", "\(path.path):1: cannot read the file as UTF-8 text")
        }
    }

    func testEditedUserThemeIsReadAgain() throws {
        try folder.writeTheme("live", "border = 1\n")
        let catalog = ThemeCatalog(environment: folder.environment)
        XCTAssertEqual(try catalog.theme(named: "live").style(.border).foreground, .ansi(1))
        try folder.writeTheme("live", "border = 2\n")
        XCTAssertEqual(try catalog.theme(named: "live").style(.border).foreground, .ansi(2))
    }
}
