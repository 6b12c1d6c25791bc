import ArgumentParser
import BylineCore
import Foundation

/// `byline show ID|FILE`: one cleaned article as plain text or JSON.
struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print one cleaned article: title, metadata line, blank line, paragraphs.")

    @Argument(help: "An article id (from `byline list`) or a .txt file.") var article: String
    @Argument(help: "Folders to look the id up in (default: the bundled samples).") var paths: [String] = []
    @Flag(help: "Print JSON with every field and the body.") var json = false
    @Flag(help: "Print every input block with its verdict and the rule that decided it.") var explain = false

    func run() throws {
        try reportingErrors {
            if explain { return try printExplanation() }
            let found = try find()
            var output = StandardOutput()
            output.write(json ? ArticleJSON(found, includeBody: true).line() + "\n" : PlainArticle.render(found))
            output.flush()
        }
    }

    /// Re-reads the file and prints each block as `VERDICT  reason` over its text, then the fields found.
    private func printExplanation() throws {
        let walk: FileWalker.Result
        do { walk = try FileWalker.walk([article]) } catch { throw CLIError.usage(error.description) }
        guard let file = walk.files.first else { throw CLIError.usage("--explain needs an article file: \(article)") }
        let extraction: Extraction
        switch try CollectionOptions.opening([]).loader().extraction(of: file) {
        case .success(let found): extraction = found
        case .failure(let skipped): throw CLIError.runtime("cannot read \(article): \(skipped.reason)")
        }
        var output = StandardOutput()
        for (number, block) in extraction.blocks.enumerated() {
            let label = block.verdict.rawValue.uppercased().padding(toLength: 7, withPad: " ", startingAt: 0)
            output.line("[\(number)] \(label) \(block.reason)")
            output.line("        \(block.text.count > 160 ? String(block.text.prefix(159)) + "…" : block.text)")
        }
        output.line("")
        let fields: [(String, String?)] = [
            ("title", extraction.title), ("byline", extraction.byline), ("section", extraction.section),
            ("dateline", extraction.dateline), ("published", extraction.published),
        ]
        for (name, value) in fields { output.line("\(name): \(value ?? "–")") }
        output.line("paragraphs: \(extraction.paragraphs.count), captions: \(extraction.captions.count)")
        output.flush()
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
        let collection = try CollectionOptions.opening(paths)
        let snapshot = try collection.loadAll()
        guard let id = ArticleID(article), let entry = snapshot.entry(withID: id) else {
            throw CLIError.runtime("no article with id \(article)")
        }
        return entry.article
    }
}
