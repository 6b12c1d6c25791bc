import ArgumentParser
import BylineCore

/// `byline show ID|FILE`: one cleaned article as plain text or JSON.
struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print one cleaned article: title, metadata line, blank line, paragraphs.")

    @Argument(help: "An article id (from `byline list`) or a .txt file.") var article: String
    @Argument(help: "Folders to look the id up in (default: the bundled samples).") var paths: [String] = []
    @Flag(help: "Print JSON with every field and the body.") var json = false

    func run() throws {
        try reportingErrors {
            let found = try find()
            var output = StandardOutput()
            output.write(json ? ArticleJSON(found, includeBody: true).line() + "\n" : PlainArticle.render(found))
            output.flush()
        }
    }

    private func find() throws -> Article {
        if article.hasSuffix(".txt") || ArticleID(article) == nil {
            let walk: FileWalker.Result
            do { walk = try FileWalker.walk([article]) } catch { throw CLIError.usage(error.description) }
            guard let file = walk.files.first else { throw CLIError.usage("not an article file: \(article)") }
            let outcome = ArticleLoader().loadOne(file)
            guard let loaded = outcome.article else {
                throw CLIError.runtime("cannot read \(article): \(outcome.skipped?.reason ?? "unknown error")")
            }
            return loaded.article
        }
        var collection = CollectionOptions()
        collection.paths = paths
        let snapshot = try collection.loadAll()
        guard let id = ArticleID(article), let entry = snapshot.entry(withID: id) else {
            throw CLIError.runtime("no article with id \(article)")
        }
        return entry.article
    }
}
