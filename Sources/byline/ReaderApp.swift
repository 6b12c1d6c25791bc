import BylineCore
import BylineTerminal
import BylineView
import Foundation

/// Starts loading in the background, opens the terminal, and runs the reader until it ends.
enum ReaderApp {
    static func run(walk: FileWalker.Result, query: ArticleQuery, themes: ThemeSelection, startTheme: ThemeChoice) throws {
        let store = ArticleStore()
        let loader = ArticleLoader()
        // Loading streams into the store while the first screen is already up.
        Thread.detachNewThread { loader.load(walk, into: store) }

        let terminal: Terminal
        do {
            terminal = try Terminal()
        } catch {
            throw CLIError.usage("cannot open the terminal: \(error)")
        }
        let depth = terminal.colorDepth
        var state = AppState(width: terminal.size.width, height: terminal.size.height, query: query,
                             theme: startTheme.theme.degraded(to: depth))
        if let warning = startTheme.warning { state.message = AppState.Message(warning, isError: true) }
        state.rawBlocks = { loader.originalBlocks(ofPath: $0.path) }
        let loop = ReaderLoop(store: store, state: state, terminal: terminal) { current in
            // Theme files are read again on each `t`, so edits to a user theme show up live.
            let choice = themes.themeOrDefault(themes.catalog.name(after: current.name))
            return (choice.theme.degraded(to: depth), choice.warning)
        }
        let ending = loop.run()
        if case .signal(let signal) = ending { terminal.exit(forSignal: signal) }
        terminal.shutdown()
    }
}

extension Terminal: TerminalScreen {}
