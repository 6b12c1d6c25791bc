import ArgumentParser
import BylineCore
import Foundation

/// The article paths shared by every subcommand, and loading them synchronously.
struct CollectionOptions: ParsableArguments {
    @Argument(help: "Folders and .txt files to open (default: the bundled sample articles).")
    var paths: [String] = []
    @Option(help: ArgumentHelp(
        "Text kept per article, e.g. 16M or 512K, at most 512M (default 16M, or $BYLINE_MAX_ARTICLE_SIZE); longer files are cut with a notice.",
        valueName: "size"))
    var maxArticleSize: String?
    @Flag(help: "Extract every file again: neither read nor write the extraction cache ($XDG_CACHE_HOME/byline).")
    var noCache = false

    /// A loader with the size cap from the flag or the environment (a cap that is not a size is a usage error)
    /// and, unless `caching` is false or `--no-cache` was given, the extraction cache of these paths.
    func loader(caching: Bool = true) throws -> ArticleLoader {
        var options = LoadOptions()
        if let maxArticleSize {
            guard let bytes = ArticleSizeLimit.parse(maxArticleSize) else {
                throw CLIError.usage("--max-article-size: not a size from 1 byte to 512M: \(maxArticleSize) (try 16M or 512K)")
            }
            options.maxArticleBytes = bytes
        } else {
            guard let bytes = ArticleSizeLimit.configured() else {
                throw CLIError.usage("\(ArticleSizeLimit.environmentVariable): not a size from 1 byte to 512M (try 16M or 512K)")
            }
            options.maxArticleBytes = bytes
        }
        if caching && !noCache, let folder = CacheLocation.defaultFolder() {
            let file = CacheLocation.file(forRoots: try resolvedPaths(), in: folder)
            options.cache = ExtractionCache(path: file, identity: CacheLocation.identity(maxArticleBytes: options.maxArticleBytes))
        }
        return ArticleLoader(options: options)
    }

    /// Options for `paths` as if given on the command line (a hand-made value would have unparsed options).
    static func opening(_ paths: [String]) throws -> CollectionOptions {
        try CollectionOptions.parse(["--"] + paths)
    }

    /// The paths to open: those given, or the bundled samples.
    func resolvedPaths() throws -> [String] {
        if !paths.isEmpty { return paths }
        guard let samples = SampleArticles.folder else {
            throw CLIError.runtime("the bundled sample articles are missing from this installation")
        }
        return [samples]
    }

    /// Walks the paths, turning a bad path into byline's usage error.
    func walk() throws -> FileWalker.Result {
        do {
            return try FileWalker.walk(resolvedPaths())
        } catch let error as PathError {
            throw CLIError.usage(error.description)
        }
    }

    /// Checks the paths without walking them (one `stat` each), turning a bad path into byline's usage error.
    func checkedRoots() throws -> [FileWalker.Root] {
        do {
            return try FileWalker.checkedRoots(resolvedPaths())
        } catch let error as PathError {
            throw CLIError.usage(error.description)
        }
    }

    /// Loads everything before returning (for commands that print a whole collection); the search index is
    /// built only for a command that will search.
    func loadAll(searching: Bool = false, caching: Bool = true) throws -> StoreSnapshot {
        try loadAll(with: try loader(caching: caching), searching: searching)
    }

    /// The same through a loader the caller keeps, to report what its extraction cache did.
    func loadAll(with loader: ArticleLoader, searching: Bool) throws -> StoreSnapshot {
        let walk = try walk()
        let store = ArticleStore(indexingForSearch: searching)
        loader.load(walk, into: store)
        return store.snapshot()
    }
}

/// Errors that end a command with a message and byline's exit codes.
enum CLIError: Error, CustomStringConvertible {
    case usage(String)
    case runtime(String)

    var description: String {
        switch self {
        case .usage(let message), .runtime(let message): message
        }
    }
}

extension CLIError {
    /// Prints `byline: message` to standard error and returns the exit code to end with.
    func report() -> ExitCode {
        FileHandle.standardError.write(Data("byline: \(description)\n".utf8))
        switch self {
        case .usage: return ExitCode(2)
        case .runtime: return ExitCode(1)
        }
    }
}

/// Runs a command body, turning `CLIError`s into messages and exit codes.
func reportingErrors(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let error as CLIError {
        throw error.report()
    }
}

/// Where the bundled sample collection lives.
enum SampleArticles {
    static var folder: String? {
        guard let url = Bundle.module.url(forResource: "Samples", withExtension: nil) else { return nil }
        return url.path
    }
}
