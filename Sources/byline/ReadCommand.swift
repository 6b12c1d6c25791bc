import ArgumentParser
import BylineCore
import Foundation

/// `byline [PATH...]`: the two-pane reader.
struct Read: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Open the articles in the two-pane terminal reader (the default).")

    @OptionGroup var collection: CollectionOptions
    @OptionGroup var filters: FilterOptions

    func run() throws {
        try reportingErrors {
            guard TerminalCheck.isInteractive else {
                throw CLIError.usage("not a terminal (stdout is not a tty or TERM is unset or dumb); use `byline list` to print articles")
            }
            let walk = try collection.walk()
            let query = try filters.query()
            try ReaderApp.run(walk: walk, query: query)
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

