import Foundation

/// A throwaway config folder (`byline/themes/` and `byline/config.toml`) for theme lookup tests.
struct ThemeTestFolder {
    let root: URL

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("byline-theme-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: themes, withIntermediateDirectories: true)
    }

    var themes: URL { root.appendingPathComponent("byline/themes") }
    var configFile: URL { root.appendingPathComponent("byline/config.toml") }
    var environment: [String: String] { ["XDG_CONFIG_HOME": root.path, "HOME": "/nonexistent"] }

    @discardableResult
    func writeTheme(_ name: String, _ text: String) throws -> String {
        let file = themes.appendingPathComponent("\(name).toml")
        try text.write(to: file, atomically: true, encoding: .utf8)
        return file.path
    }

    func writeConfig(_ text: String) throws {
        try text.write(to: configFile, atomically: true, encoding: .utf8)
    }

    func remove() { try? FileManager.default.removeItem(at: root) }
}
