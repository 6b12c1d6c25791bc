import ArgumentParser
import BylineCore
import Foundation

/// `byline list`: one line per article, filtered and ordered as the reader would show them.
struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print one line per article: id, source and title (tab-separated).")

    @OptionGroup var collection: CollectionOptions
    @OptionGroup var filters: FilterOptions
    @Flag(help: "Print JSON Lines with every metadata field.") var json = false
    @Flag(help: "Also report skipped files and loading notices on standard error.") var verbose = false
    @Flag(help: "Only articles not yet read.") var unread = false
    @Flag(help: "Only starred articles.") var starred = false

    func run() throws {
        try reportingErrors {
            let config = try DailySettings.config()
            let query = try filters.query(defaultSort: config.sort)
            let loader = try collection.loader()
            let snapshot = try collection.loadAll(with: loader, searching: !query.search.isEmpty)
            let marks = DailySettings.loadMarks()
            var output = StandardOutput()
            for index in query.apply(to: snapshot.entries) {
                let article = snapshot.entries[index].article
                let mark = marks[MarkKey(article)]
                if unread && mark.read || starred && !mark.starred { continue }
                if json {
                    output.line(ArticleJSON(article, includeBody: false, mark: mark).line())
                } else {
                    output.line("\(article.id)\t\(article.source)\t\(TextSanitizer.sanitizeLine(article.displayTitle))")
                }
            }
            output.flush()
            if verbose { LoadReport.print(snapshot, cache: loader.options.cache) }
            if snapshot.entries.isEmpty { throw CLIError.runtime("no articles found") }
        }
    }
}

/// Filter and order flags shared by the reader and `byline list`.
struct FilterOptions: ParsableArguments {
    @Option(name: .customLong("source"), help: "Show only this source (repeatable).")
    var sources: [String] = []
    @Option(help: "Show only articles where every word begins a word of the title or body (\"quoted phrases\" as phrases).")
    var search: String = ""
    @Option(help: "Order: date, source, title or path (default: sort in config.toml, else date).")
    var sort: String?

    /// The query the flags ask for; `defaultSort` (from config.toml) applies when --sort is not given.
    func query(defaultSort: BylineCore.SortOrder? = nil) throws -> ArticleQuery {
        guard let sort else { return ArticleQuery(sources: Set(sources), search: search, sort: defaultSort ?? .date) }
        guard let order = BylineCore.SortOrder(rawValue: sort) else {
            throw CLIError.usage("unknown sort '\(sort)' (expected date, source, title or path)")
        }
        return ArticleQuery(sources: Set(sources), search: search, sort: order)
    }
}

/// What loading skipped or noticed, written to standard error.
enum LoadReport {
    static func print(_ snapshot: StoreSnapshot, cache: ExtractionCache? = nil) {
        var lines: [String] = []
        for skipped in snapshot.skipped {
            lines.append("skipped \(PathDisplay.escaped(skipped.path)): \(skipped.reason)")
        }
        for entry in snapshot.entries where !entry.article.notices.isEmpty {
            lines.append("\(PathDisplay.escaped(entry.article.path)): \(entry.article.notices.joined(separator: "; "))")
        }
        let total = snapshot.entries.count
        lines.append("\(total) article\(total == 1 ? "" : "s") loaded, \(snapshot.skipped.count) skipped")
        if let cache {
            let counts = cache.hitsAndMisses
            lines.append("extraction cache \(PathDisplay.escaped(cache.path)): \(counts.hits) read back, \(counts.misses) read and extracted"
                + (cache.indexFile.readBack ? ", search index read back" : ""))
        }
        var errorOutput = StandardError()
        errorOutput.write(lines.joined(separator: "\n") + "\n")
    }
}

/// Writes to standard error.
struct StandardError {
    mutating func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}

/// Paths shown to a person: control characters escaped so a file name cannot drive the terminal.
enum PathDisplay {
    static func escaped(_ path: String) -> String {
        var result = ""
        for scalar in path.unicodeScalars {
            if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || TextSanitizer.isInvisible(scalar) {
                result += scalar.escaped(asASCII: true)
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
