import Foundation

/// Where a theme's file comes from.
public enum ThemeOrigin: Sendable, Equatable {
    /// Compiled into byline from the top-level themes/ folder.
    case bundled
    /// A file in the user's themes folder (`$XDG_CONFIG_HOME/byline/themes/NAME.toml`).
    case user(path: String)
    /// A file named by path with `--theme`.
    case file(path: String)
}

/// One theme file's text and where it came from.
public struct ThemeSource: Sendable, Equatable {
    public let name: String
    public let origin: ThemeOrigin
    public let text: String

    /// The file as error messages name it.
    public var file: String {
        switch origin {
        case .bundled: "bundled:themes/\(name).toml"
        case .user(let path), .file(let path): path
        }
    }
}

/// Every theme byline can find, bundled and the user's own, and loading one by name or path.
///
/// User themes are read from disk on every call, so a theme being edited is picked up the next
/// time it is loaded (for example by cycling to it with `t`).
public struct ThemeCatalog: Sendable {
    /// The user's themes folder, whether or not it exists.
    public let userThemesDirectory: String?
    private let bundled: [String: String]

    /// The catalog for the user described by `environment` (`XDG_CONFIG_HOME`, falling back to `HOME/.config`).
    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.init(userThemesDirectory: BylineConfigPaths(environment: environment)?.themesDirectory)
    }

    /// A catalog with an explicit user folder (`nil`: bundled themes only) and bundled texts (for tests).
    public init(userThemesDirectory: String?, bundled: [String: String]? = nil) {
        self.userThemesDirectory = userThemesDirectory
        self.bundled = bundled ?? BundledThemes.sources
    }

    /// Every theme name in the order `t` cycles through them: `default` first, then the rest alphabetically.
    public var names: [String] {
        let all = Set(bundled.keys).union(userThemeFiles().keys)
        return all.sorted { lhs, rhs in
            if (lhs == "default") != (rhs == "default") { return lhs == "default" }
            return lhs < rhs
        }
    }

    /// The name after `name` in `names`, wrapping around (the first when `name` is not listed).
    public func name(after name: String) -> String {
        let all = names
        guard let index = all.firstIndex(of: name) else { return all.first ?? "default" }
        return all[(index + 1) % all.count]
    }

    /// The files defining `name`, the one in use first: the user's, then the bundled one it overrides.
    public func sources(named name: String) -> [ThemeSource] {
        var found: [ThemeSource] = []
        if let path = userThemeFiles()[name], let text = try? String(contentsOfFile: path, encoding: .utf8) {
            found.append(ThemeSource(name: name, origin: .user(path: path), text: text))
        }
        if let text = bundled[name] { found.append(ThemeSource(name: name, origin: .bundled, text: text)) }
        return found
    }

    /// The bundled theme `name`, ignoring any user override (`nil` when there is none).
    public func bundledSource(named name: String) -> ThemeSource? {
        bundled[name].map { ThemeSource(name: name, origin: .bundled, text: $0) }
    }

    /// Loads a theme by name. Throws `ThemeNotFoundError` for an unknown name and `ThemeError` for a bad file.
    public func theme(named name: String) throws -> Theme {
        if let path = userThemeFiles()[name], (try? String(contentsOfFile: path, encoding: .utf8)) == nil {
            throw ThemeError(file: path, line: 1, message: "cannot read the file as UTF-8 text")
        }
        guard let source = sources(named: name).first else { throw ThemeNotFoundError(name: name, knownThemes: names) }
        return try theme(from: source)
    }

    /// Loads a theme file by path; its name is the file name without `.toml`.
    /// Throws `ThemeNotFoundError` when the file cannot be read and `ThemeError` for a bad file.
    public func theme(atPath path: String) throws -> Theme {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw ThemeNotFoundError(name: path, knownThemes: names, isPath: true)
        }
        let name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        return try theme(from: ThemeSource(name: name, origin: .file(path: path), text: text))
    }

    /// Loads what `--theme` names: a path when it contains `/` or ends in `.toml`, otherwise a theme name.
    public func theme(forRequest request: String) throws -> Theme {
        Self.isPath(request) ? try theme(atPath: request) : try theme(named: request)
    }

    /// Parses and resolves one theme file with its `inherits` chain. Throws `ThemeError`.
    public func theme(from source: ThemeSource) throws -> Theme {
        let definition = try ThemeParser.parse(source.text, name: source.name, file: source.file)
        return try resolver.resolve(definition)
    }

    /// Whether a `--theme` value is a path rather than a name.
    public static func isPath(_ request: String) -> Bool { request.contains("/") || request.hasSuffix(".toml") }

    private var resolver: ThemeResolver {
        ThemeResolver(
            loadParent: { name, filesInChain in
                // The first file for that name not already in the chain: a user theme inheriting the
                // bundled theme of the same name gets the bundled one.
                guard let source = sources(named: name).first(where: { !filesInChain.contains($0.file) }) else { return nil }
                return try ThemeParser.parse(source.text, name: source.name, file: source.file)
            },
            knownThemes: { names })
    }

    /// Name → path of every `*.toml` in the user's themes folder.
    private func userThemeFiles() -> [String: String] {
        guard let directory = userThemesDirectory,
            let entries = try? FileManager.default.contentsOfDirectory(atPath: directory)
        else { return [:] }
        var files: [String: String] = [:]
        for entry in entries where entry.hasSuffix(".toml") && !entry.hasPrefix(".") {
            files[String(entry.dropLast(".toml".count))] = (directory as NSString).appendingPathComponent(entry)
        }
        return files
    }
}

/// Where byline's configuration lives: `$XDG_CONFIG_HOME/byline`, or `~/.config/byline`.
public struct BylineConfigPaths: Sendable, Equatable {
    public let directory: String

    /// `nil` when neither `XDG_CONFIG_HOME` (absolute) nor `HOME` is set.
    public init?(environment: [String: String]) {
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") {
            directory = (xdg as NSString).appendingPathComponent("byline")
        } else if let home = environment["HOME"], !home.isEmpty {
            directory = (home as NSString).appendingPathComponent(".config/byline")
        } else {
            return nil
        }
    }

    public var configFile: String { (directory as NSString).appendingPathComponent("config.toml") }
    public var themesDirectory: String { (directory as NSString).appendingPathComponent("themes") }
}
