import BylineCore
import BylineView
import Foundation

/// `bylinebench keys DIR`: loads the corpus, then drives the reader's own loop step — `ReaderLoop.apply`
/// (input → state) then `draw(Screen.render(state))` (state → frame) — for each key, timing that whole step.
/// Keys are injected in-process, so terminal input latency (tmux → pty → ncurses) is not included.
struct KeystrokeMeasurement {
    let keystrokes: Int

    /// The timings and frame costs of one kind of keystroke.
    struct Series {
        let name: String
        let description: String
        var seconds: [Double] = []
        var costs: [FrameCost] = []

        func summary() -> [String: Any] {
            let sorted = seconds.sorted()
            let bytes = costs.map(\.bytes).sorted(), cells = costs.map(\.cellsChanged).sorted()
            return [
                "name": name, "description": description, "count": seconds.count,
                "median_ms": Statistics.percentile(sorted, 0.5) * 1000, "p99_ms": Statistics.percentile(sorted, 0.99) * 1000,
                "max_ms": (sorted.last ?? 0) * 1000,
                "median_cells": Statistics.percentile(cells.map(Double.init), 0.5),
                "mean_cells": Double(cells.reduce(0, +)) / Double(max(1, cells.count)),
                "median_bytes": Statistics.percentile(bytes.map(Double.init), 0.5),
                "mean_bytes": Double(bytes.reduce(0, +)) / Double(max(1, bytes.count)),
            ]
        }
    }

    func run(store: ArticleStore, screen: some MeasuredScreen) -> [Series] {
        let state = AppState(width: screen.size.width, height: screen.size.height)
        let loop = ReaderLoop(store: store, state: state, terminal: screen)
        loop.pickUpLoadedArticles(force: true)
        screen.draw(Screen.render(loop.state))

        func step(_ key: Key) -> (Double, FrameCost) {
            let start = Clock.now()
            _ = loop.apply(.key(key))
            screen.draw(Screen.render(loop.state))
            return (Clock.now() - start, screen.lastCost)
        }
        func record(_ key: Key, into series: inout Series) {
            let (seconds, cost) = step(key)
            series.seconds.append(seconds)
            series.costs.append(cost)
        }
        let count = loop.state.visible.count

        var navigation = Series(name: "navigation", description: "Down in the list (Home, untimed, at the end)")
        _ = step(.home)
        while navigation.seconds.count < keystrokes {
            if loop.state.selectedRow >= count - 1 { _ = step(.home) }
            record(.down, into: &navigation)
        }

        var page = Series(name: "page", description: "PgDn in the list (Home, untimed, at the end)")
        _ = step(.home)
        while page.seconds.count < keystrokes {
            if loop.state.selectedRow >= count - 1 { _ = step(.home) }
            record(.pageDown, into: &page)
        }

        var search = Series(name: "search", description: "each character typed after / and each Backspace, over several queries")
        _ = step(.home)
        _ = step(.character("/"))
        let queries = ["harbour council", "velanne", "ferry strike", "\"night ferry\"", "zzqx", "city"]
        var queryIndex = 0
        while search.seconds.count < keystrokes {
            let query = queries[queryIndex % queries.count]
            queryIndex += 1
            for character in query { record(.character(character), into: &search) }
            for _ in query { record(.backspace, into: &search) }
        }
        _ = step(.escape)

        var toggle = Series(name: "source toggle", description: "Space then Enter in the source picker (marks a different source, applies the set)")
        var openPicker = Series(name: "open picker", description: "s (counts every source over the current search)")
        var moves = 0
        while toggle.seconds.count < keystrokes {
            record(.character("s"), into: &openPicker)
            moves = (moves + 7) % 13
            for _ in 0..<moves { _ = step(.down) }
            let (spaceSeconds, _) = step(.character(" "))
            let (enterSeconds, cost) = step(.enter)
            toggle.seconds.append(spaceSeconds + enterSeconds)
            toggle.costs.append(cost)
        }
        return [navigation, page, search, toggle, openPicker]
    }
}

/// Order statistics.
enum Statistics {
    /// The value at fraction `p` of the sorted values (nearest rank).
    static func percentile(_ sorted: [Double], _ p: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        let rank = Int((p * Double(sorted.count)).rounded(.up)) - 1
        return sorted[min(max(0, rank), sorted.count - 1)]
    }

    static func median(_ values: [Double]) -> Double { percentile(values.sorted(), 0.5) }
}
