import ArgumentParser
import BylineCore
import Foundation

/// `byline mark read|unread|star|unstar ID... [--in PATH...]`: changes marks from scripts.
struct Mark: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Mark articles read, unread, starred or not starred (as the reader's u and * keys do).")

    /// What to do to each article.
    enum Change: String, ExpressibleByArgument, CaseIterable {
        case read, unread, star, unstar

        var markChange: MarkChange {
            switch self {
            case .read: MarkChange(read: true)
            case .unread: MarkChange(read: false)
            case .star: MarkChange(starred: true)
            case .unstar: MarkChange(starred: false)
            }
        }
    }

    @Argument(help: "read, unread, star or unstar.") var change: Change
    @Argument(help: "Article ids, as `byline list` prints them.") var ids: [String]
    @Option(name: .customLong("in"), parsing: .upToNextOption, help: ArgumentHelp("Folders the articles are in (default: the bundled samples).", valueName: "path"))
    var paths: [String] = []

    func run() throws {
        try reportingErrors {
            guard !ids.isEmpty else { throw CLIError.usage("name at least one article id") }
            var wanted: [ArticleID] = []
            for text in ids {
                guard let id = ArticleID(text) else { throw CLIError.usage("not an article id: \(text) (12 hex digits, from `byline list`)") }
                wanted.append(id)
            }
            let collection = try CollectionOptions.opening(paths)
            let snapshot = try collection.loadAll()
            var changes: [MarkKey: MarkChange] = [:]
            var missing: [String] = []
            for id in wanted {
                guard let entry = snapshot.entry(withID: id) else {
                    missing.append(id.description)
                    continue
                }
                changes[MarkKey(entry.article)] = change.markChange
            }
            if !changes.isEmpty {
                guard let file = DailySettings.marksFile else { throw CLIError.runtime("neither XDG_STATE_HOME nor HOME is set") }
                do {
                    let outcome = try file.apply(changes)
                    if let warning = outcome.warning { DailySettings.warn(warning) }
                } catch {
                    throw CLIError.runtime("cannot save read marks: \(error)")
                }
            }
            if !missing.isEmpty { throw CLIError.runtime("no article with id \(missing.joined(separator: ", "))") }
        }
    }
}
