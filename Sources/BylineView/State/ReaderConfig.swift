import BylineCore
import Foundation
import TOMLKit

/// The reader's settings from config.toml: `[keys]` (key name = action name) and `sort`.
/// (`theme` is read by `ThemeConfigSetting`; other keys are ignored so the file can grow.)
public struct ReaderConfig: Sendable, Equatable {
    public var keymap: Keymap = .standard
    /// The order the list starts in, when the file sets one.
    public var sort: BylineCore.SortOrder?

    public init(keymap: Keymap = .standard, sort: BylineCore.SortOrder? = nil) {
        self.keymap = keymap
        self.sort = sort
    }

    /// Reads `path`; a missing file gives the defaults.
    public static func load(configFile path: String?) throws(ReaderConfigError) -> ReaderConfig {
        guard let path, FileManager.default.fileExists(atPath: path) else { return ReaderConfig() }
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw ReaderConfigError(file: path, line: nil, message: "cannot read the file")
        }
        return try parse(text, file: path)
    }

    /// Reads config text; `file` names it in errors.
    public static func parse(_ text: String, file: String) throws(ReaderConfigError) -> ReaderConfig {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ReaderConfigError(file: file, line: error.source.begin.line, message: "TOML syntax error: \(error.description)")
        } catch {
            throw ReaderConfigError(file: file, line: nil, message: "\(error)")
        }
        let lines = TOMLLineLocator(text)
        var config = ReaderConfig()
        if let value = table["sort"] {
            guard let name = value.string, let order = BylineCore.SortOrder(rawValue: name) else {
                let known = BylineCore.SortOrder.allCases.map(\.rawValue).joined(separator: ", ")
                throw ReaderConfigError(file: file, line: lines.line(of: ["sort"]), message: "sort must be one of \(known)")
            }
            config.sort = order
        }
        guard let keysValue = table["keys"] else { return config }
        guard let keys = keysValue.table else {
            throw ReaderConfigError(file: file, line: lines.line(of: ["keys"]), message: "keys must be a table: [keys] then lines like j = \"move-down\"")
        }
        // TOML tables do not keep their order; bind in text order so a later line wins, as a person reads it.
        let names = keys.keys.sorted { (lines.line(of: ["keys", $0]) ?? 0) < (lines.line(of: ["keys", $1]) ?? 0) }
        for name in names {
            let line = lines.line(of: ["keys", name])
            guard let key = Key(name: name) else {
                throw ReaderConfigError(file: file, line: line, message: "unknown key name '\(name)' (write keys like j, G, Down, PgUp, Space, Ctrl-A, F1)")
            }
            guard let actionName = keys[name]?.string else {
                throw ReaderConfigError(file: file, line: line, message: "the action for '\(name)' must be a string, like \"move-down\"")
            }
            if actionName == "none" {
                config.keymap.unbind(key)
                continue
            }
            guard let action = Action(rawValue: actionName) else {
                throw ReaderConfigError(file: file, line: line, message: "unknown action '\(actionName)' for key '\(name)' (see `byline help keys --actions`)")
            }
            config.keymap.bind(key, to: action)
        }
        return config
    }
}

/// A config.toml problem, reported as `file:line: message` (byline exits 2 at start-up).
public struct ReaderConfigError: Error, Equatable, CustomStringConvertible {
    public let file: String
    public let line: Int?
    public let message: String

    public var description: String {
        line.map { "\(file):\($0): \(message)" } ?? "\(file): \(message)"
    }
}
