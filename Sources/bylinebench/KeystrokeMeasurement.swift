import BylineCore
import BylineView
import Foundation

/// `bylinebench keys DIR`: loads the corpus, then drives the reader's own loop step — `ReaderLoop.apply`
/// (input → state) then `draw(Screen.render(state))` (state → frame) — for each key, timing that whole step.
/// Keys are injected in-process, so terminal input latency (tmux → pty → ncurses) is not included.
struct KeystrokeMeasurement {
    let keystrokes: Int
    /// A series stops early after this long (and says so), so a slow build cannot stall the whole run.
    let budgetSeconds: Double

    /// The timings and frame costs of one kind of keystroke.
    struct Series {
        let name: String
        let description: String
        var seconds: [Double] = []
        /// The same keystrokes split into input → state (`apply`), state → frame (`render`), frame → terminal (`draw`).
        var phases: [(apply: Double, render: Double, draw: Double)] = []
        var costs: [FrameCost] = []
        /// What had been typed after each keystroke, when the series is about typed text (empty otherwise).
        var typed: [String] = []
        /// Keystrokes whose frame showed only the first rows of a long search (the full list came later).
        var firstRowsOnly = 0
        var started = Clock.now()
        var stoppedByBudget = false

        /// Whether to go on: fewer than `wanted` keystrokes timed and the time budget not spent.
        mutating func wantsMore(_ wanted: Int, budget: Double) -> Bool {
            if seconds.count >= wanted { return false }
            if Clock.now() - started > budget {
                stoppedByBudget = true
                return false
            }
            return true
        }

        func summary() -> [String: Any] {
            let sorted = seconds.sorted()
            let bytes = costs.map(\.bytes).sorted(), cells = costs.map(\.cellsChanged).sorted()
            var result: [String: Any] = [
                "name": name, "description": description, "count": seconds.count, "stopped_by_budget": stoppedByBudget,
                "median_ms": Statistics.percentile(sorted, 0.5) * 1000, "p99_ms": Statistics.percentile(sorted, 0.99) * 1000,
                "max_ms": (sorted.last ?? 0) * 1000,
                "median_cells": Statistics.percentile(cells.map(Double.init), 0.5),
                "mean_cells": Double(cells.reduce(0, +)) / Double(max(1, cells.count)),
                "median_bytes": Statistics.percentile(bytes.map(Double.init), 0.5),
                "median_apply_ms": Statistics.median(phases.map(\.apply)) * 1000,
                "median_render_ms": Statistics.median(phases.map(\.render)) * 1000,
                "median_draw_ms": Statistics.median(phases.map(\.draw)) * 1000,
                "p99_apply_ms": Statistics.percentile(phases.map(\.apply).sorted(), 0.99) * 1000,
                "mean_bytes": Double(bytes.reduce(0, +)) / Double(max(1, bytes.count)),
                "first_rows_only": firstRowsOnly,
            ]
            if typed.count == phases.count, !typed.isEmpty {
                // The slow keys by name, so a p99 can be traced to the kind of query that makes it.
                let slowest = phases.indices.sorted { phases[$0].apply > phases[$1].apply }.prefix(12)
                result["slowest"] = slowest.map { ["typed": typed[$0], "apply_ms": phases[$0].apply * 1000] }
            }
            return result
        }
    }

    func run(store: ArticleStore, screen: some MeasuredScreen) -> [Series] {
        let state = AppState(width: screen.size.width, height: screen.size.height)
        let loop = ReaderLoop(store: store, state: state, terminal: screen)
        loop.pickUpLoadedArticles(force: true)
        screen.draw(Screen.render(loop.state))

        /// One keystroke through the loop; returns its time, its phases and what the frame cost.
        func timedStep(_ key: Key) -> (Double, (apply: Double, render: Double, draw: Double), FrameCost) {
            let start = Clock.now()
            _ = loop.apply(.key(key))
            let applied = Clock.now()
            let frame = Screen.render(loop.state)
            let rendered = Clock.now()
            screen.draw(frame)
            let drawn = Clock.now()
            return (drawn - start, (applied - start, rendered - applied, drawn - rendered), screen.lastCost)
        }
        func step(_ key: Key) -> (Double, FrameCost) {
            let (seconds, _, cost) = timedStep(key)
            return (seconds, cost)
        }
        func record(_ key: Key, into series: inout Series) {
            let (seconds, phases, cost) = timedStep(key)
            series.seconds.append(seconds)
            series.phases.append(phases)
            series.costs.append(cost)
        }
        let count = loop.state.visible.count

        /// `key` pressed in the list over and over, back to the top (untimed) at the end.
        func browsing(_ key: Key, name: String, description: String) -> Series {
            var series = Series(name: name, description: description)
            _ = step(.home)
            series.started = Clock.now()
            while series.wantsMore(keystrokes, budget: budgetSeconds) {
                if loop.state.selectedRow >= count - 1 { _ = step(.home) }
                record(key, into: &series)
            }
            return series
        }
        let navigation = browsing(.down, name: "navigation", description: "Down in the list (Home, untimed, at the end)")
        let page = browsing(.pageDown, name: "page", description: "PgDn in the list (Home, untimed, at the end)")

        var search = Series(name: "search", description: "each character typed after /, fresh queries each time")
        var erase = Series(name: "search backspace", description: "each Backspace that erases those queries")
        _ = step(.home)
        _ = step(.character("/"))
        search.started = Clock.now()
        erase.started = search.started
        // Fresh queries, so the reader's memory of recent searches helps only as it would for a person typing.
        var queries = SearchQueries(seed: 99)
        while search.wantsMore(keystrokes, budget: budgetSeconds) {
            let query = queries.next()
            var typed = ""
            for character in query {
                record(.character(character), into: &search)
                if loop.state.searchPending { search.firstRowsOnly += 1 }
                typed.append(character)
                search.typed.append(typed)
            }
            for _ in query {
                record(.backspace, into: &erase)
                if loop.state.searchPending { erase.firstRowsOnly += 1 }
                typed.removeLast()
                erase.typed.append(typed)
            }
        }
        _ = step(.escape)

        // A long search (a phrase whose first word is in most articles) shows its first rows at once; this is
        // how long the full list then takes, from the last key typed to the frame that shows it.
        var full = Series(name: "search full list", description: "last key of a long phrase search → frame with the full list")
        var phrases = SearchQueries(seed: 7)
        full.started = Clock.now()
        var phrasesTyped = 0
        // Below about 8,000 articles no search is long: a few phrases tell, then the series stays empty.
        while full.wantsMore(keystrokes / 20, budget: budgetSeconds) && (phrasesTyped < 10 || !full.seconds.isEmpty) {
            let query = phrases.next()
            guard query.hasPrefix("\"") else { continue }
            phrasesTyped += 1
            _ = step(.character("/"))
            for character in query.dropLast() { _ = step(.character(character)) }
            if loop.state.searchPending {
                let start = Clock.now()
                while loop.state.searchPending {
                    usleep(200)
                    loop.pickUpSearchAnswer()
                }
                screen.draw(Screen.render(loop.state))
                full.seconds.append(Clock.now() - start)
                full.phases.append((0, 0, 0))
                full.costs.append(screen.lastCost)
            }
            _ = step(.escape)
        }

        var toggle = Series(name: "source toggle", description: "Space then Enter in the source picker (marks a different source, applies the set)")
        var openPicker = Series(name: "open picker", description: "s (counts every source over the current search)")
        var moves = 0
        toggle.started = Clock.now()
        while toggle.wantsMore(keystrokes, budget: budgetSeconds) {
            record(.character("s"), into: &openPicker)
            moves = (moves + 7) % 13
            for _ in 0..<moves { _ = step(.down) }
            let (spaceSeconds, spacePhases, _) = timedStep(.character(" "))
            let (enterSeconds, enterPhases, cost) = timedStep(.enter)
            toggle.seconds.append(spaceSeconds + enterSeconds)
            toggle.phases.append((spacePhases.apply + enterPhases.apply, spacePhases.render + enterPhases.render,
                                  spacePhases.draw + enterPhases.draw))
            toggle.costs.append(cost)
        }
        return [navigation, page, search, erase, full, toggle, openPicker]
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

/// Search queries as people type them: one or two words from the corpus vocabulary, accents sometimes left
/// out (`velanne` for `Vélanne`), now and then a quoted phrase; seeded, so every run types the same keys.
struct SearchQueries {
    private var random: SeededRandom

    init(seed: UInt64) { random = SeededRandom(seed: seed) }

    mutating func next() -> String {
        func word() -> String {
            switch random.below(10) {
            case 0..<5: return random.pick(WordLists.nouns)
            case 5..<7: return random.pick(WordLists.verbs)
            case 7..<9: return random.pick(WordLists.places).folded.lowercased()
            default: return random.pick(WordLists.surnames).lowercased()
            }
        }
        switch random.below(10) {
        case 0..<5: return word()
        case 5..<9: return word() + " " + word()
        default: return "\"" + random.pick(WordLists.adjectives) + " " + random.pick(WordLists.nouns) + "\""
        }
    }
}
