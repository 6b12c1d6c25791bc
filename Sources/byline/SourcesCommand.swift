import ArgumentParser
import BylineCore
import Foundation

/// `byline sources`: each source with its article count.
struct Sources: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print each source with its article count.")

    @OptionGroup var collection: CollectionOptions
    @Flag(help: "Print JSON Lines: {\"source\", \"count\"}.") var json = false
    @Flag(help: "Also say how each source was decided.") var verbose = false

    func run() throws {
        try reportingErrors {
            let snapshot = try collection.loadAll()
            var output = StandardOutput()
            for summary in SourceSummary.summarize(snapshot.entries) {
                if json {
                    output.line(SourceJSON(source: summary.name, count: summary.count).line())
                } else if verbose {
                    let rules = summary.rules.map { "\($0.value) by \($0.key)" }.sorted().joined(separator: ", ")
                    output.line("\(summary.count)\t\(summary.name)\t(\(rules))")
                } else {
                    output.line("\(summary.count)\t\(summary.name)")
                }
            }
            output.flush()
        }
    }
}

/// The JSON form of one source for `byline sources --json`.
struct SourceJSON: Encodable {
    let source: String
    let count: Int

    func line() -> String {
        String(decoding: (try? ArticleJSON.encoder.encode(self)) ?? Data("{}".utf8), as: UTF8.self)
    }
}
