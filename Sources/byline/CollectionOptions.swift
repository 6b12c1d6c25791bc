import ArgumentParser
import BylineCore
import Foundation

/// The article paths shared by every subcommand, and loading them synchronously.
struct CollectionOptions: ParsableArguments {
    @Argument(help: "Folders and .txt files to open (default: the bundled sample articles).")
    var paths: [String] = []

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

    /// Loads everything before returning (for commands that print a whole collection).
    func loadAll() throws -> StoreSnapshot {
        let walk = try walk()
        let store = ArticleStore()
        ArticleLoader().load(walk, into: store)
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
