import BylineCore
import Dispatch

/// Input → state update → render, in one direction, until the person quits or a signal arrives.
public final class ReaderLoop {
    /// Why the loop ended.
    public enum Ending: Equatable {
        case quit
        case signal(Int32)
    }

    public private(set) var state: AppState
    private let store: ArticleStore
    private let terminal: any TerminalScreen
    /// Chooses the theme after the given one, for the `t` key (nil: keep it, with the message given).
    private let nextTheme: (Theme) -> (Theme?, String?)
    private var seenVersion = -1
    private var lastRefresh = DispatchTime(uptimeNanoseconds: 0)

    /// While loading, the list is re-filtered at most this often, so typing stays responsive.
    static let refreshIntervalNanoseconds: UInt64 = 150_000_000

    public init(store: ArticleStore, state: AppState, terminal: any TerminalScreen,
                nextTheme: @escaping (Theme) -> (Theme?, String?) = { _ in (nil, nil) }) {
        self.store = store
        self.state = state
        self.terminal = terminal
        self.nextTheme = nextTheme
    }

    public func run() -> Ending {
        let size = terminal.size
        state.resize(width: size.width, height: size.height)
        while true {
            pickUpLoadedArticles()
            terminal.draw(Screen.render(state))
            let loading = !store.snapshot().isComplete
            let event = terminal.nextEvent(timeoutMilliseconds: loading ? 50 : 500)
            if let signal = terminal.pendingSignal { return .signal(signal) }
            if let ending = apply(event) { return ending }
        }
    }

    /// Applies one event; returns an ending when the event ends the loop. (Public for headless drivers.)
    public func apply(_ event: InputEvent) -> Ending? {
        for effect in state.handle(event) {
            switch effect {
            case .quit:
                return .quit
            case .redraw:
                terminal.forceRedraw()
            case .cycleTheme:
                let (theme, message) = nextTheme(state.theme)
                if let theme {
                    state.theme = theme
                    terminal.forceRedraw()
                }
                state.message = message.map { AppState.Message($0) } ?? theme.map { AppState.Message("theme: \($0.name)") }
            }
        }
        return nil
    }

    /// Takes new articles from the store, at most every refresh interval while loading.
    public func pickUpLoadedArticles(force: Bool = false) {
        let version = store.version
        guard version != seenVersion else { return }
        let now = DispatchTime.now()
        let snapshot = store.snapshot()
        let due = now.uptimeNanoseconds &- lastRefresh.uptimeNanoseconds >= Self.refreshIntervalNanoseconds
        guard force || snapshot.isComplete || due || seenVersion < 0 || state.snapshot.entries.isEmpty else { return }
        state.receive(snapshot)
        seenVersion = snapshot.version
        lastRefresh = now
    }
}
