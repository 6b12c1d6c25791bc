import BylineCore
import BylineTerminal
import BylineView
import Foundation
import Synchronization

/// Starts loading in the background, opens the terminal, and runs the reader until it ends.
enum ReaderApp {
    static func run(roots: [FileWalker.Root], paths: [String], loader: ArticleLoader, query: ArticleQuery, config: ReaderConfig,
                    themes: ThemeSelection, startTheme: ThemeChoice) throws {
        let store = ArticleStore()
        let watcher = WatcherSlot()
        // The walk and the loading stream into the store while the first screen is already up. The watcher
        // starts once the load is done, from what the walk saw of each file before it was read, so a file
        // edited or deleted while the load was going is still reported at its first poll.
        Thread.detachNewThread {
            let walk = loader.load(walking: roots, into: store)
            watcher.start(FolderWatcher(paths: paths, walk: walk, loader: loader))
        }
        let marksFile = DailySettings.marksFile
        var startMarks = MarkSet()
        var marksWarning: String?
        if let marksFile {
            do {
                let outcome = try marksFile.load()
                startMarks = outcome.marks
                marksWarning = outcome.warning
            } catch {
                marksWarning = "cannot read read marks: \(error)"
            }
        }

        let terminal: Terminal
        do {
            terminal = try Terminal()
        } catch {
            throw CLIError.usage("cannot open the terminal: \(error)")
        }
        let depth = terminal.colorDepth
        var state = AppState(width: terminal.size.width, height: terminal.size.height, query: query,
                             theme: startTheme.theme.degraded(to: depth), keymap: config.keymap)
        state.receiveMarks(startMarks)
        if let warning = startTheme.warning { state.message = AppState.Message(warning, isError: true) }
        if let marksWarning { state.message = AppState.Message(marksWarning, isError: true) }
        state.rawBlocks = { loader.originalBlocks(ofPath: $0.path) }
        let keeper = marksFile.map { MarkKeeper(file: $0) }
        keeper?.noteLoaded()
        let services = ReaderServices(
            marks: keeper,
            takeLiveChanges: { watcher.takeChanges() },
            page: { ExternalPrograms.page($0, terminal: terminal) },
            edit: { ExternalPrograms.edit($0, terminal: terminal) })
        let loop = ReaderLoop(store: store, state: state, terminal: terminal, services: services) { current in
            // Theme files are read again on each `t`, so edits to a user theme show up live.
            let choice = themes.themeOrDefault(themes.catalog.name(after: current.name))
            return (choice.theme.degraded(to: depth), choice.warning)
        }
        let ending = loop.run()
        if case .signal(let signal) = ending {
            terminal.exit(forSignal: signal)
        }
        terminal.shutdown()
        if let marksWarning { DailySettings.warn(marksWarning) }
    }
}

/// The folder watcher, once the background walk has finished and started it.
final class WatcherSlot: Sendable {
    private let watcher = Mutex<FolderWatcher?>(nil)

    func start(_ started: FolderWatcher) { watcher.withLock { $0 = started } }

    func takeChanges() -> LiveChanges? { watcher.withLock { $0 }?.takeChanges() }
}

/// The pager and the editor, run on the terminal with curses suspended.
enum ExternalPrograms {
    static func page(_ article: Article, terminal: Terminal) -> String? {
        let pager = environment("PAGER") ?? "less -R"
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("byline-\(getpid())-\(article.id).txt")
        defer { try? FileManager.default.removeItem(at: file) }
        do {
            try Data(PlainArticle.render(article).utf8).write(to: file)
        } catch {
            return "cannot write the article for the pager: \(error.localizedDescription)"
        }
        return run(pager, file.path, terminal: terminal)
    }

    static func edit(_ article: Article, terminal: Terminal) -> String? {
        run(environment("EDITOR") ?? "vi", article.path, terminal: terminal)
    }

    /// `$PAGER` and `$EDITOR` may carry options (`less -R`), so the shell splits them; the file is
    /// passed as "$1" so no file name is ever parsed by the shell.
    private static func run(_ command: String, _ path: String, terminal: Terminal) -> String? {
        guard let status = terminal.runProgram(["/bin/sh", "-c", "\(command) \"$1\"", "byline", path]) else {
            return "cannot start \(command)"
        }
        return status == 0 ? nil : "\(command) exited with status \(status)"
    }

    private static func environment(_ name: String) -> String? {
        guard let value = ProcessInfo.processInfo.environment[name], !value.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        return value
    }
}
