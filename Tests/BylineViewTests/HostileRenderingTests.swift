import XCTest
import BylineCore
@testable import BylineView

/// Issue 7, terminal: every size from 1×1 to 400×120, with hostile articles, renders a safe screen.
final class HostileRenderingTests: XCTestCase {
    /// Nine hostile articles per seed, made once: extraction is the slow part, not rendering.
    private static let entrySets: [[StoredArticle]] = (0..<16).map { seed in
        var random = SeededRandom(seed: UInt64(seed))
        return (1...6).map { HostileText.loadedArticle($0, &random) } + (7...9).map { HostileText.rawArticle($0, &random) }
    }

    private func hostileState(width: Int, height: Int, seed: UInt64) -> AppState {
        var state = AppState(width: width, height: height, query: ArticleQuery(sort: .path))
        state.receive(StoreSnapshot(entries: Self.entrySets[Int(seed % 16)], isComplete: true))
        return state
    }

    private func check(_ state: AppState, _ label: String, file: StaticString = #filePath, line: UInt = #line) -> Bool {
        let buffer = Screen.render(state)
        guard buffer.width == state.layout.width, buffer.height == state.layout.height else {
            XCTFail("\(label): buffer is \(buffer.width)×\(buffer.height)", file: file, line: line)
            return false
        }
        if let problem = buffer.hostileProblem {
            XCTFail("\(label): \(problem)", file: file, line: line)
            return false
        }
        return true
    }

    /// Every size up to 32×20 (where layouts switch and notices must fit), then a grid to 400×120 and its corners.
    func testEverySizeRendersASafeScreen() {
        var sizes: [(Int, Int)] = []
        for width in 1...32 { for height in 1...20 { sizes.append((width, height)) } }
        for width in stride(from: 33, through: 400, by: 17) { for height in stride(from: 1, through: 120, by: 11) { sizes.append((width, height)) } }
        sizes += [(400, 120), (1, 120), (400, 1), (399, 119), (81, 25), (80, 24)]
        var failures = 0
        for (index, (width, height)) in sizes.enumerated() where failures < 5 {
            var state = hostileState(width: width, height: height, seed: UInt64(index))
            if !check(state, "list at \(width)×\(height)") { failures += 1 }
            state.press(.down, .enter)
            if !check(state, "reader at \(width)×\(height)") { failures += 1 }
            state.press(.pageDown, .end)
            if !check(state, "reader end at \(width)×\(height)") { failures += 1 }
        }
        XCTAssertGreaterThan(sizes.count, 850)
    }

    /// The overlays (picker, search, help) over hostile text, at the small sizes where they must squeeze.
    func testOverlaysStaySafeAtSmallSizes() throws {
        var failures = 0
        for width in stride(from: 1, through: 60, by: 3) {
            for height in stride(from: 1, through: 30, by: 2) where failures < 5 {
                var picker = hostileState(width: width, height: height, seed: UInt64(width * 1000 + height))
                picker.press(.character("s"))
                // An overlay's edge may fall on half of a wide grapheme behind it; the row must still fit.
                if !check(picker, "picker at \(width)×\(height)") { failures += 1 }
                var search = hostileState(width: width, height: height, seed: 7)
                search.press(.character("/"))
                search.type("\u{1B}[31mferry\u{202E}")
                if !check(search, "search at \(width)×\(height)") { failures += 1 }
                var help = hostileState(width: width, height: height, seed: 8)
                help.press(.character("?"))
                if !check(help, "help at \(width)×\(height)") { failures += 1 }
            }
        }
    }

    /// Resizing through many sizes in a row (as 50 quick `resize-window`s would) ends in the last size's layout.
    func testManyResizesEndInTheLastSizesLayout() {
        var state = hostileState(width: 120, height: 40, seed: 42)
        state.press(.down, .enter)
        var random = SeededRandom(seed: 9)
        for _ in 0..<50 {
            _ = state.handle(.resize(width: Int.random(in: 1...400, using: &random), height: Int.random(in: 1...120, using: &random)))
            _ = check(state, "mid-resize")
        }
        _ = state.handle(.resize(width: 100, height: 30))
        var fresh = hostileState(width: 100, height: 30, seed: 42)
        fresh.press(.down, .enter)
        XCTAssertEqual(Screen.render(state).screenText, Screen.render(fresh).screenText)
    }
}
