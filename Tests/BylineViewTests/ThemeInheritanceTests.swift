import XCTest

@testable import BylineView

/// `inherits`: palette and elements merge by name, the child wins, and cycles are reported.
final class ThemeInheritanceTests: XCTestCase {
    private var folder: ThemeTestFolder!

    override func setUpWithError() throws { folder = try ThemeTestFolder() }
    override func tearDown() { folder.remove() }

    private var catalog: ThemeCatalog { ThemeCatalog(environment: folder.environment) }

    func testChildChangesOneElementAndKeepsTheRest() throws {
        try folder.writeTheme("mine", "inherits = \"default\"\nreader-title = { fg = \"#ff8700\", modifiers = [\"bold\", \"underline\"] }\n")
        let mine = try catalog.theme(named: "mine"), parent = try catalog.theme(named: "default")
        XCTAssertEqual(mine.name, "mine")
        XCTAssertEqual(mine.style(.readerTitle).foreground, .rgb(0xff, 0x87, 0x00))
        XCTAssertEqual(mine.style(.readerTitle).background, parent.style(.base).background, "colours left out come from base")
        XCTAssertEqual(mine.style(.bodyText), parent.style(.bodyText))
        XCTAssertEqual(mine.sourceColors, parent.sourceColors)
    }

    func testChildPaletteRecoloursParentElements() throws {
        try folder.writeTheme("bluer", "inherits = \"default\"\n\n[palette]\nselection = 19\n")
        XCTAssertEqual(try catalog.theme(named: "bluer").style(.selectedRow).background, .indexed(19))
    }

    func testInheritingAUserTheme() throws {
        try folder.writeTheme("a", "inherits = \"b\"\nborder = 1\n")
        try folder.writeTheme("b", "inherits = \"light\"\nnotice = 2\n")
        let theme = try catalog.theme(named: "a")
        XCTAssertEqual(theme.style(.border).foreground, .ansi(1))
        XCTAssertEqual(theme.style(.notice).foreground, .ansi(2))
        XCTAssertEqual(theme.style(.bodyText), try catalog.theme(named: "light").style(.bodyText))
    }

    func testCycleIsAnErrorWithFileAndLine() throws {
        try folder.writeTheme("a", "# a\ninherits = \"b\"\n")
        try folder.writeTheme("b", "inherits = \"c\"\n")
        let c = try folder.writeTheme("c", "\n\ninherits = \"a\"\n")
        XCTAssertThrowsError(try catalog.theme(named: "a")) { error in
            XCTAssertEqual("\(error)", "\(c):3: cycle in inherits: a → b → c → a")
        }
    }

    func testSelfInheritanceIsACycle() throws {
        let path = try folder.writeTheme("loop", "inherits = \"loop\"\n")
        XCTAssertThrowsError(try catalog.theme(named: "loop")) { error in
            XCTAssertEqual("\(error)", "\(path):1: cycle in inherits: loop → loop")
        }
    }

    func testUserThemeMayInheritTheBundledThemeItOverrides() throws {
        try folder.writeTheme("default", "inherits = \"default\"\nborder = \"red\"\n")
        let theme = try catalog.theme(named: "default")
        XCTAssertEqual(theme.style(.border).foreground, .ansi(1))
        XCTAssertEqual(theme.style(.bodyText), try ThemeCatalog(userThemesDirectory: nil).theme(named: "default").style(.bodyText))
    }

    func testMissingParent() throws {
        let path = try folder.writeTheme("orphan", "inherits = \"nope\"\n")
        XCTAssertThrowsError(try catalog.theme(named: "orphan")) { error in
            XCTAssertTrue("\(error)".hasPrefix("\(path):1: inherits \"nope\", but there is no such theme; known themes: default, "), "\(error)")
        }
    }

    func testErrorInParentNamesTheParentFile() throws {
        try folder.writeTheme("child", "inherits = \"parent\"\n")
        let parent = try folder.writeTheme("parent", "\nborder = \"nocolour\"\n")
        XCTAssertThrowsError(try catalog.theme(named: "child")) { error in
            XCTAssertTrue("\(error)".hasPrefix("\(parent):2: unknown colour \"nocolour\""), "\(error)")
        }
    }

    func testLeftOutElementsFallBack() throws {
        try folder.writeTheme("tiny", "base = { fg = 252, bg = 234 }\nselected-row = { fg = 231, bg = 24 }\nlist-row = 250\n")
        let theme = try catalog.theme(named: "tiny")
        XCTAssertEqual(theme.style(.pickerSelected), theme.style(.selectedRow))
        XCTAssertEqual(theme.style(.unreadRow), theme.style(.listRow))
        XCTAssertEqual(theme.style(.quote), Style(foreground: .indexed(252), background: .indexed(234)))
    }
}
