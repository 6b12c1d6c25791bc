/// A theme file that cannot be used: where (file and line) and what is wrong.
public struct ThemeError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file as the user knows it: a path, or `bundled:NAME.toml` for a theme compiled into byline.
    public let file: String
    /// 1-based line of the offending key, value or syntax error.
    public let line: Int
    public let message: String

    public init(file: String, line: Int, message: String) {
        self.file = file
        self.line = max(line, 1)
        self.message = message
    }

    public var description: String { "\(file):\(line): \(message)" }
}

/// A theme the user named (with `--theme` or in config.toml) that does not exist: `byline` exits 2.
public struct ThemeNotFoundError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The name or path as given.
    public let name: String
    public let knownThemes: [String]
    /// Whether `name` was a path (a file that cannot be read) rather than a theme name.
    public let isPath: Bool

    public init(name: String, knownThemes: [String], isPath: Bool = false) {
        self.name = name
        self.knownThemes = knownThemes
        self.isPath = isPath
    }

    public var description: String {
        let known = "known themes: \(knownThemes.joined(separator: ", "))"
        return isPath ? "cannot read theme file \(name); \(known)" : "no theme named \"\(name)\"; \(known)"
    }
}
