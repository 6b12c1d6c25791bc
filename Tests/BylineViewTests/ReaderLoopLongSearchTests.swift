import BylineCore
import XCTest
@testable import BylineView

/// The run loop shows a long search's first rows, looks for the full answer often, and draws it when the
/// background has it, with no key pressed.
final class ReaderLoopLongSearchTests: XCTestCase {
    /// Plays scripted keys, then waits (up to 20 s of ticks) until the title bar shows `wanted`, then quits.
    private final class ScriptedTerminal: TerminalScreen {
        var keys: [Key]
        let wanted: String
        var frames: [String] = []
        var timeoutsWhilePending: [Int] = []
        var sawFirstRows = false
        private let deadline = Date().addingTimeInterval(20)

        init(keys: [Key], wanted: String) {
            self.keys = keys
            self.wanted = wanted
        }

        let size = (width: 100, height: 30)
        func draw(_ buffer: CellBuffer) {
            let title = buffer.rowText(0)
            frames.append(title)
            if title.contains("+ articles") && title.contains("searching…") { sawFirstRows = true }
        }
        func forceRedraw() {}
        func nextEvent(timeoutMilliseconds: Int) -> InputEvent {
            if !keys.isEmpty { return .key(keys.removeFirst()) }
            // The keys are in and their first rows drawn: the background may read now.
            QueryCache.shared.holdBackgroundCompletion(false)
            if frames.last?.contains(wanted) == true || Date() > deadline { return .key(.character("q")) }
            timeoutsWhilePending.append(timeoutMilliseconds)
            usleep(useconds_t(min(timeoutMilliseconds, 20) * 1000))
            return .tick
        }
        var pendingSignal: Int32? { nil }
    }

    func testTheFullListIsDrawnWhenTheBackgroundHasIt() {
        QueryCache.shared.setLongRead(20)
        QueryCache.shared.holdBackgroundCompletion(true)
        defer {
            QueryCache.shared.setLongRead(QueryCache.defaultLongRead)
            QueryCache.shared.holdBackgroundCompletion(false)
        }
        let store = ArticleStore()
        store.begin(expected: 1_200)
        store.append((1...1_200).map { Fixtures.article($0, paragraphs: ["The harbour board met on Monday."]) })
        store.finish()
        let terminal = ScriptedTerminal(keys: [.character("/")] + "\"harbour board m".map { Key.character($0) } + [.enter],
                                        wanted: "1,200 articles")
        let loop = ReaderLoop(store: store, state: AppState(width: 100, height: 30), terminal: terminal)
        XCTAssertEqual(loop.run(), .quit)
        XCTAssertTrue(terminal.sawFirstRows, "the first rows were drawn first")
        XCTAssertTrue(terminal.frames.last?.contains("1,200 articles") == true, terminal.frames.last ?? "")
        XCTAssertFalse(terminal.frames.last?.contains("searching") == true)
        XCTAssertTrue(terminal.timeoutsWhilePending.allSatisfy { $0 <= 15 }, "\(terminal.timeoutsWhilePending)")
    }
}
