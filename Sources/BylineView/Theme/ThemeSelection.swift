import Foundation

/// A theme ready to use, and a warning for the status line when the one asked for could not be used.
public struct ThemeChoice: Sendable {
    public let theme: Theme
    public let warning: String?

    public init(theme: Theme, warning: String? = nil) {
        self.theme = theme
        self.warning = warning
    }
}

/// Picks the theme to start with: `--theme`, then `theme` in config.toml, then `monochrome` when
/// `NO_COLOR` is set, then `default`. Like no-color.org asks, a theme the user names in either
/// place wins over `NO_COLOR`.
public struct ThemeSelection: Sendable {
    public let catalog: ThemeCatalog
    /// config.toml, whether or not it exists (`nil`: no config file).
    public let configFile: String?
    /// `NO_COLOR` is set to something non-empty.
    public let noColor: Bool

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        let paths = BylineConfigPaths(environment: environment)
        self.init(
            catalog: ThemeCatalog(userThemesDirectory: paths?.themesDirectory),
            configFile: paths?.configFile,
            noColor: !(environment["NO_COLOR"] ?? "").isEmpty)
    }

    public init(catalog: ThemeCatalog, configFile: String?, noColor: Bool) {
        self.catalog = catalog
        self.configFile = configFile
        self.noColor = noColor
    }

    /// The theme to start with. `requested` is the `--theme` value (a name or a path).
    ///
    /// Throws `ThemeNotFoundError` only when `requested` names a theme or file that does not exist
    /// (byline exits 2). A bad theme file, or a missing theme named in config.toml, gives the
    /// bundled `default` with a warning instead.
    public func startupTheme(requested: String?) throws -> ThemeChoice {
        if let requested {
            do {
                return ThemeChoice(theme: try catalog.theme(forRequest: requested))
            } catch let error as ThemeError {
                return fallback(because: error.description)
            }
        }
        let config: (theme: String?, warning: String?) = configFile.map(ThemeConfigSetting.read(configFile:)) ?? (nil, nil)
        if let configured = config.theme {
            return load(Self.expandingHome(configured), orWarn: "\(configFile ?? "config.toml"): ")
        }
        let choice = load(noColor ? "monochrome" : "default", orWarn: "")
        guard let warning = config.warning else { return choice }
        return ThemeChoice(theme: choice.theme, warning: [warning, choice.warning].compactMap { $0 }.joined(separator: "; "))
    }

    /// The name of the theme `startupTheme(requested:)` would choose, without loading it (for `byline themes`).
    public func activeName(requested: String?) -> String {
        if let requested { return ThemeCatalog.isPath(requested) ? Self.stem(of: requested) : requested }
        if let configured = configFile.flatMap({ ThemeConfigSetting.read(configFile: $0).theme }) {
            return ThemeCatalog.isPath(configured) ? Self.stem(of: configured) : configured
        }
        return noColor ? "monochrome" : "default"
    }

    /// Loads a theme by name or path, falling back to the bundled default with a warning on any failure
    /// (for the `t` key, which must never leave the reader without a theme).
    public func themeOrDefault(_ request: String) -> ThemeChoice { load(request, orWarn: "") }

    /// The bundled default theme, which tests guarantee resolves.
    public static var fallbackTheme: Theme { BuiltinTheme.fallback }

    private func load(_ request: String, orWarn prefix: String) -> ThemeChoice {
        do {
            return ThemeChoice(theme: try catalog.theme(forRequest: request))
        } catch let error as ThemeNotFoundError {
            return fallback(because: prefix + error.description)
        } catch {
            return fallback(because: "\(error)")
        }
    }

    private func fallback(because reason: String) -> ThemeChoice {
        ThemeChoice(theme: BuiltinTheme.fallback, warning: "\(reason); using the default theme")
    }

    private static func expandingHome(_ path: String) -> String {
        path.hasPrefix("~/") ? (path as NSString).expandingTildeInPath : path
    }

    private static func stem(of path: String) -> String {
        ((path as NSString).lastPathComponent as NSString).deletingPathExtension
    }
}
