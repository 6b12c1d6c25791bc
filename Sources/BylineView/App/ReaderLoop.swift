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
    private let services: ReaderServices
    private var seenVersion = -1
    private var lastRefresh = DispatchTime(uptimeNanoseconds: 0)

    /// While loading, the list is re-filtered at most this often, so typing stays responsive.
    static let refreshIntervalNanoseconds: UInt64 = 150_000_000

    public init(store: ArticleStore, state: AppState, terminal: any TerminalScreen,
                services: ReaderServices = ReaderServices(),
                nextTheme: @escaping (Theme) -> (Theme?, String?) = { _ in (nil, nil) }) {
        self.store = store
        self.services = services
        self.state = state
        self.state.clock = services.now
        self.terminal = terminal
        self.nextTheme = nextTheme
    }

    public func run() -> Ending {
        let size = terminal.size
        state.resize(width: size.width, height: size.height)
        while true {
            pickUpLoadedArticles()
            pickUpLiveChanges()
            pickUpSearchAnswer()
            saveMarks()
            terminal.draw(Screen.render(state))
            // Poll quickly until the screen has shown the finished load, not merely until the loader is done:
            // a load that ends between the draw above and this line must still reach the screen at once.
            let loading = !state.snapshot.isComplete
            // Until the first articles are shown, look for them often: they are the first screen.
            var timeout = loading ? (state.snapshot.entries.isEmpty ? 5 : 50) : 500
            // A long search is finished in the background: look for its full answer often.
            if state.searchPending { timeout = min(timeout, 15) }
            for due in [services.marks?.secondsUntilDue(now: services.now()), state.secondsUntilRead].compactMap({ $0 }) {
                timeout = min(timeout, Int(due * 1000) + 1)
            }
            let event = terminal.nextEvent(timeoutMilliseconds: timeout)
            if let signal = terminal.pendingSignal {
                saveMarks(force: true)
                return .signal(signal)
            }
            if let ending = apply(event) {
                saveMarks(force: true)
                return ending
            }
        }
    }

    /// Writes changed marks when due (or now with `force`, before quitting) and takes in what other
    /// instances wrote meanwhile.
    public func saveMarks(force: Bool = false) {
        guard let keeper = services.marks else { return }
        if !force, let outcome = keeper.marksChangedElsewhere(now: services.now()) {
            state.receiveMarks(outcome.marks)
            if let warning = outcome.warning { state.message = AppState.Message(warning, isError: true) }
        }
        switch keeper.flush(now: services.now(), force: force) {
        case .success(let outcome)?:
            state.receiveMarks(outcome.marks)
            if let warning = outcome.warning { state.message = AppState.Message(warning, isError: true) }
        case .failure(let failure)?:
            state.message = AppState.Message("cannot save read marks: \(failure)", isError: true)
        case nil:
            break
        }
    }

    /// Applies files added, changed or removed under the opened folders.
    public func pickUpLiveChanges() {
        guard store.snapshot().isComplete, let changes = services.takeLiveChanges() else { return }
        state.applyLiveChanges(changes)
    }

    /// Applies one event; returns an ending when the event ends the loop. (Public for headless drivers.)
    public func apply(_ event: InputEvent) -> Ending? {
        for effect in state.handle(event) {
            switch effect {
            case .quit:
                return .quit
            case .redraw:
                terminal.forceRedraw()
            case .saveMarks(let changes):
                services.marks?.record(changes, now: services.now())
            case .page(let article):
                state.message = services.page(article).map { AppState.Message($0) }
                afterExternalProgram()
            case .edit(let article):
                state.message = services.edit(article).map { AppState.Message($0) }
                afterExternalProgram()
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

    /// A pager or editor had the terminal: its size may have changed, and everything is drawn again.
    private func afterExternalProgram() {
        let size = terminal.size
        state.resize(width: size.width, height: size.height)
        terminal.forceRedraw()
    }

    /// Shows the full answer of a long search once the background has it (the first rows were shown at once).
    public func pickUpSearchAnswer() {
        state.completeSearchIfReady()
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
