import Foundation
import XCTest

@testable import BylineView

/// The themes shown in docs/THEMES.md must load as written, and its element list must be complete.
final class ThemeDocsTests: XCTestCase {
    private func documentation() throws -> String {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return try String(contentsOf: root.appendingPathComponent("docs/THEMES.md"), encoding: .utf8)
    }

    func testExampleThemesLoad() throws {
        let blocks = try documentation().components(separatedBy: "```toml\n").dropFirst().map { $0.components(separatedBy: "```")[0] }
        XCTAssertEqual(blocks.count, 2)
        let catalog = ThemeCatalog(userThemesDirectory: nil)
        for (index, block) in blocks.enumerated() {
            let theme = try catalog.theme(from: ThemeSource(name: "example\(index)", origin: .file(path: "THEMES.md"), text: block))
            XCTAssertNotEqual(theme.style(.selectedRow), theme.style(.listRow))
        }
    }

    func testEveryElementIsDocumented() throws {
        let text = try documentation()
        for element in ThemeElement.allCases {
            XCTAssertTrue(text.contains("| `\(element.rawValue)` | \(element.summary) |"), element.rawValue)
        }
    }
}
