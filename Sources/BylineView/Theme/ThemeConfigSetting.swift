import Foundation
import TOMLKit

/// The `theme = "NAME"` setting in byline's config.toml (other keys there belong to other settings).
public enum ThemeConfigSetting {
    /// The theme the config file names, and a warning when the file cannot be used.
    /// A missing file is not a problem: both are `nil`.
    public static func read(configFile path: String) -> (theme: String?, warning: String?) {
        guard FileManager.default.fileExists(atPath: path) else { return (nil, nil) }
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            return (nil, "cannot read \(path)")
        }
        return parse(text, file: path)
    }

    /// The `theme` key of config text; `file` names it in warnings.
    public static func parse(_ text: String, file: String) -> (theme: String?, warning: String?) {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            return (nil, "\(file):\(error.source.begin.line): TOML syntax error: \(error.description)")
        } catch {
            return (nil, "\(file): \(error)")
        }
        guard let value = table["theme"] else { return (nil, nil) }
        guard let name = value.string, !name.isEmpty else {
            let line = TOMLLineLocator(text).line(of: ["theme"]) ?? 1
            return (nil, "\(file):\(line): theme must be a theme name or path, like theme = \"gruvbox\"")
        }
        return (name, nil)
    }
}
