import ArgumentParser
import BylineCore
import BylineView
import Foundation

/// `byline [PATH...]`: the two-pane reader.
struct Read: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Open the articles in the two-pane terminal reader (the default).")

    @OptionGroup var collection: CollectionOptions
    @OptionGroup var filters: FilterOptions
    @Option(help: "Colour theme: a name (see `byline themes`) or a .toml file.") var theme: String?

    func run() throws {
        try reportingErrors {
            guard TerminalCheck.isInteractive else {
                throw CLIError.usage("not a terminal (stdout is not a tty or TERM is unset or dumb); use `byline list` to print articles")
            }
            let config = try DailySettings.config()
            // Only checked here: the walk runs in the background once the terminal is open.
            let roots = try collection.checkedRoots()
            let query = try filters.query(defaultSort: config.sort)
            let themes = ThemeSelection()
            let choice = try themes.startupThemeOrUsageError(requested: theme)
            try ReaderApp.run(roots: roots, paths: try collection.resolvedPaths(), loader: try collection.loader(), query: query, config: config,
                              themes: themes, startTheme: choice)
        }
    }
}

/// Whether the reader can draw: standard input and output are terminals and TERM names a real one.
enum TerminalCheck {
    static var isInteractive: Bool {
        let term = ProcessInfo.processInfo.environment["TERM"] ?? ""
        return isatty(0) != 0 && isatty(1) != 0 && !term.isEmpty && term != "dumb"
    }
}

