import ArgumentParser
import BylineView
import Foundation

/// `byline themes`: every colour theme, where it comes from, and which one is active.
struct Themes: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the colour themes, or print one to copy and change.",
        discussion: """
            Bundled themes are compiled into byline. Your own go in $XDG_CONFIG_HOME/byline/themes/NAME.toml \
            (~/.config/byline/themes/ when XDG_CONFIG_HOME is unset) and replace a bundled theme of the same name. \
            Choose one with `byline --theme NAME|PATH` or `theme = "NAME"` in config.toml; `t` cycles them in the \
            reader. NO_COLOR selects monochrome unless you name a theme. To start your own:
              byline themes --print default > ~/.config/byline/themes/mine.toml
            """)

    @Option(help: "Mark this theme (a name or a path) as active, as `byline --theme` would use it.")
    var theme: String?

    @Option(name: .customLong("print"), help: ArgumentHelp("Print a theme's TOML, to copy and change.", valueName: "name"))
    var printName: String?

    @Flag(help: "Show a sample screen in the active theme (or the one --theme names).")
    var preview = false

    @Option(help: ArgumentHelp("Colours for --preview: 8, 16, 256 or rgb (default: rgb when COLORTERM says so, else 256).", valueName: "n"))
    var colors: String?

    @Flag(help: "With --print, print the bundled theme rather than your override.")
    var bundled = false

    @Flag(help: "List the elements a theme file can style.")
    var elements = false

    @Flag(help: "Exit 1 when any theme has an error.")
    var check = false

    func run() throws {
        try reportingErrors {
            let selection = ThemeSelection()
            var output = StandardOutput()
            if preview {
                let choice = try selection.startupThemeOrUsageError(requested: theme)
                if let warning = choice.warning { FileHandle.standardError.write(Data("byline: \(warning)\n".utf8)) }
                output.write(ThemePreview.render(choice.theme, depth: try previewDepth()))
            } else if let printName {
                output.write(try themeText(printName, catalog: selection.catalog))
            } else if elements {
                for element in ThemeElement.allCases { output.line("\(element.rawValue)\t\(element.summary)") }
            } else {
                let rows = selection.catalog.listing(active: selection.activeName(requested: theme))
                output.write(ThemeListingTable.render(rows, userFolder: selection.catalog.userThemesDirectory))
                output.flush()
                let broken = rows.filter { $0.error != nil }.count
                if check, broken > 0 { throw CLIError.runtime("\(broken) theme\(broken == 1 ? " has an error" : "s have errors")") }
            }
            output.flush()
        }
    }

    private func previewDepth() throws -> ColorDepth {
        switch colors {
        case nil:
            let colorTerm = ProcessInfo.processInfo.environment["COLORTERM"] ?? ""
            return colorTerm == "truecolor" || colorTerm == "24bit" ? .direct : .indexed256
        case "8": return .eight
        case "16": return .sixteen
        case "256": return .indexed256
        case "rgb", "truecolor", "24bit": return .direct
        case let other?: throw CLIError.usage("--colors takes 8, 16, 256 or rgb, not \(other)")
        }
    }

    private func themeText(_ name: String, catalog: ThemeCatalog) throws -> String {
        let source = bundled ? catalog.bundledSource(named: name) : catalog.sources(named: name).first
        guard let source else { throw CLIError.usage(ThemeNotFoundError(name: name, knownThemes: catalog.names).description) }
        return source.text
    }
}

/// The human-readable table `byline themes` prints.
enum ThemeListingTable {
    static func render(_ rows: [ThemeListing], userFolder: String?) -> String {
        let nameWidth = max(rows.map(\.name.count).max() ?? 0, 4)
        var text = ""
        for row in rows {
            let marker = row.isActive ? "*" : " "
            let name = row.name.padding(toLength: nameWidth, withPad: " ", startingAt: 0)
            text += "\(marker) \(name)  \(origin(of: row))\n"
            if let error = row.error {
                text += "    error: \(error)\n"
            } else if let description = row.description {
                text += "    \(description)\n"
            }
        }
        text += "\n* active theme. Your themes: \(userFolder ?? "(no HOME or XDG_CONFIG_HOME set)")\n"
        return text
    }

    private static func origin(of row: ThemeListing) -> String {
        switch row.origin {
        case .bundled: return "bundled"
        case .user(let path): return row.overridesBundled ? "\(path) (overrides bundled)" : path
        case .file(let path): return path
        }
    }
}

extension ThemeSelection {
    /// `startupTheme(requested:)` with a missing theme turned into byline's usage error (exit 2).
    func startupThemeOrUsageError(requested: String?) throws -> ThemeChoice {
        do {
            return try startupTheme(requested: requested)
        } catch let error as ThemeNotFoundError {
            throw CLIError.usage(error.description)
        }
    }
}
