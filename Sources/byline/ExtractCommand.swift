import ArgumentParser
import BylineCore

/// `byline extract PATH...`: every article file's extraction, for measuring and for scripts.
struct Extract: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Extract every article file given (or found under folders given), one result per file.")

    @OptionGroup var collection: CollectionOptions
    @Flag(help: "Print JSON Lines with every field and the body.") var json = false

    func run() throws {
        try reportingErrors {
            let snapshot = try collection.loadAll(caching: false)
            var output = StandardOutput()
            let entries = snapshot.entries.sorted { $0.article.path < $1.article.path }
            for entry in entries {
                output.write(json ? ArticleJSON(entry.article, includeBody: true).line() + "\n"
                                  : PlainArticle.render(entry.article) + "\n")
            }
            output.flush()
            if !snapshot.skipped.isEmpty { LoadReport.print(snapshot) }
        }
    }
}
