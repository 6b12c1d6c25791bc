import Foundation

/// Everything measured for one corpus size, with the goals of issues 4 and 6 to judge it by.
struct SizeResult {
    let size: Int
    var loadAverageBefore = ""
    var loadAverageAfter = ""
    var articles = 0
    var corpusBytes = 0
    var catSeconds = 0.0
    var loadSeconds = 0.0
    /// When the first load's background cache write was done, from the load's start.
    var firstCacheSavedSeconds = 0.0
    var cachedLoadSeconds = 0.0
    var changedLoadSeconds = 0.0
    var changedMisses = 0
    var cacheHits = 0
    var indexFromCache = false
    var loadPeakKiB = 0
    var listPeakKiB = 0
    var listSeconds = 0.0
    var firstScreen: Double?
    var firstScreenTwo: Double?
    var keys: [String: Any] = [:]
    var extraction: [String: Any] = [:]

    var loadRatio: Double { loadSeconds / max(catSeconds, 1e-9) }
    var cachedLoadRatio: Double { cachedLoadSeconds / max(catSeconds, 1e-9) }
    var changedLoadRatio: Double { changedLoadSeconds / max(catSeconds, 1e-9) }
    var memoryRatio: Double { Double(loadPeakKiB * 1024) / Double(max(1, corpusBytes)) }

    func series(_ name: String) -> [String: Any]? {
        (keys["series"] as? [[String: Any]])?.first { $0["name"] as? String == name }
    }

    var table: String {
        var rows: [[String]] = [["measure", "figure", "goal", "verdict"]]
        func row(_ label: String, _ figure: String, _ goal: String = "", _ pass: Bool? = nil) {
            rows.append([label, figure, goal, pass.map { $0 ? "PASS" : "FAIL" } ?? ""])
        }
        row("articles / corpus", "\(articles.formatted()) / \(Format.megabytes(corpusBytes))")
        row("cat (warm)", Format.seconds(catSeconds))
        row("first load: walk+read+extract+index", Format.seconds(loadSeconds))
        row("first load / cat", String(format: "%.1f×", loadRatio), "≤ 2×", loadRatio <= 2)
        row("  first load's cache written (background, after the load)", Format.seconds(firstCacheSavedSeconds))
        row("load again (\(cacheHits.formatted()) articles\(indexFromCache ? " and the index" : "") from cache)", Format.seconds(cachedLoadSeconds))
        row("load again / cat", String(format: "%.2f×", cachedLoadRatio), "≤ 2×", cachedLoadRatio <= 2)
        row("load after one file changed (\(changedMisses.formatted()) extracted, index built)", Format.seconds(changedLoadSeconds))
        row("load after a change / cat", String(format: "%.2f×", changedLoadRatio), "≤ 2×", changedLoadRatio <= 2)
        row("peak RSS, bylinebench load (all three)", Format.megabytes(loadPeakKiB * 1024))
        row("peak RSS / corpus bytes", String(format: "%.2f×", memoryRatio), "≤ 1.5×", memoryRatio <= 1.5)
        row("peak RSS, byline list", "\(Format.megabytes(listPeakKiB * 1024)) (\(String(format: "%.2f×", Double(listPeakKiB * 1024) / Double(max(1, corpusBytes)))))")
        if let large = firstScreen, let small = firstScreenTwo {
            row("first list, 2 articles (median)", Format.milliseconds(small))
            row("first list, \(size.formatted()) (median)", Format.milliseconds(large), "≤ 2 × 2-article", large <= 2 * small)
        } else {
            row("first list", "not measured (no tmux)")
        }
        let mode = keys["mode"] as? String ?? "?"
        let goals: [String: (Double, String)] = ["navigation": (2, "p99 ≤ 2 ms"), "search": (16, "p99 ≤ 16 ms"),
                                                 "search backspace": (16, "p99 ≤ 16 ms"), "source toggle": (5, "p99 ≤ 5 ms")]
        for name in ["navigation", "page", "search", "search backspace", "search full list", "source toggle", "open picker"] {
            guard let series = series(name) else { continue }
            if name == "search full list" && (series["count"] as? Int ?? 0) == 0 {
                row("key: \(name)", "none: no search is long at this size")
                continue
            }
            let median = series["median_ms"] as? Double ?? 0, p99 = series["p99_ms"] as? Double ?? 0
            let count = series["count"] as? Int ?? 0
            let cut = series["stopped_by_budget"] as? Bool ?? false
            let goal = goals[name]
            row("key: \(name) (\(count)\(cut ? " in budget" : ""), \(mode))", String(format: "median %.2f ms, p99 %.2f ms", median, p99),
                goal?.1 ?? "", goal.map { p99 <= $0.0 })
            let apply = series["median_apply_ms"] as? Double ?? 0, render = series["median_render_ms"] as? Double ?? 0
            let draw = series["median_draw_ms"] as? Double ?? 0
            if name != "search full list" {
                row("  phases: \(name) (median)", String(format: "state %.2f ms, render %.2f ms, draw %.2f ms", apply, render, draw))
            }
            if let firstRows = series["first_rows_only"] as? Int, firstRows > 0 {
                row("  first rows only: \(name)", "\(firstRows) of \(count) keys (long searches: full list follows)")
            }
            let bytes = series["mean_bytes"] as? Double ?? 0, cells = series["mean_cells"] as? Double ?? 0
            row("  frame: \(name)", String(format: "%.0f cells, %.0f bytes%@ (mean)", cells, bytes, mode == "tty" ? "" : " est."),
                "changed cells only", cells < 120 * 40)
        }
        if let rate = extraction["one_core_mb_per_s"] as? Double, let all = extraction["all_cores_mb_per_s"] as? Double {
            let sample = extraction["bytes"] as? Int ?? 0
            row("extraction (\(Format.megabytes(sample)) in memory)", String(format: "%.1f MB/s one core, %.1f MB/s all cores", rate, all))
        }
        row("load average before / after", "\(loadAverageBefore) / \(loadAverageAfter)")
        return "\n== \(size.formatted()) articles ==\n" + Format.table(rows)
    }

    var json: [String: Any] {
        var object: [String: Any] = [
            "size": size, "articles": articles, "corpus_bytes": corpusBytes, "cat_seconds": catSeconds,
            "load_seconds": loadSeconds, "load_over_cat": loadRatio, "load_peak_kib": loadPeakKiB,
            "first_cache_saved_seconds": firstCacheSavedSeconds,
            "cached_load_seconds": cachedLoadSeconds, "cached_load_over_cat": cachedLoadRatio, "cache_hits": cacheHits, "index_from_cache": indexFromCache,
            "changed_load_seconds": changedLoadSeconds, "changed_load_over_cat": changedLoadRatio, "changed_misses": changedMisses,
            "peak_over_corpus": memoryRatio, "list_peak_kib": listPeakKiB, "list_seconds": listSeconds,
            "keys": keys, "extraction": extraction,
            "load_average_before": loadAverageBefore, "load_average_after": loadAverageAfter,
        ]
        if let firstScreen { object["first_screen_seconds"] = firstScreen }
        if let firstScreenTwo { object["first_screen_two_articles_seconds"] = firstScreenTwo }
        return object
    }
}

/// Human-readable figures.
enum Format {
    static func seconds(_ value: Double) -> String { value >= 1 ? String(format: "%.2f s", value) : milliseconds(value) }
    static func milliseconds(_ value: Double) -> String { String(format: "%.1f ms", value * 1000) }
    static func megabytes(_ bytes: Int) -> String { String(format: "%.1f MB", Double(bytes) / 1_000_000) }

    /// Columns padded to their widest cell (by characters, which is right for this table's text).
    static func table(_ rows: [[String]]) -> String {
        let columns = rows.map(\.count).max() ?? 0
        let widths = (0..<columns).map { column in rows.map { column < $0.count ? $0[column].count : 0 }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { $0.element.padding(toLength: widths[$0.offset], withPad: " ", startingAt: 0) }
                .joined(separator: "  ").replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
        }.joined(separator: "\n")
    }
}

/// The machine and moment of a run.
struct Machine {
    let text: String
    let json: [String: Any]
    let stamp: String

    static func describe() -> Machine {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let memory = ProcessInfo.processInfo.physicalMemory
        let formatter = ISO8601DateFormatter()
        let date = formatter.string(from: Date())
        let commit = ChildProcess.shell("git rev-parse --short HEAD 2>/dev/null", quiet: true).output
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let cpu = ((try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? "").split(separator: "\n")
            .first { $0.hasPrefix("model name") }.map { String($0.split(separator: ":").last ?? "").trimmingCharacters(in: .whitespaces) } ?? "?"
        let text = "machine: \(cores) cores (\(cpu)), \(memory / 1_000_000_000) GB; date \(date); commit \(commit.isEmpty ? "?" : commit); load average \(loadAverage())"
        let stamp = date.replacingOccurrences(of: ":", with: "")
        return Machine(text: text, json: ["cores": cores, "memory_bytes": memory, "cpu": cpu, "date": date, "commit": commit],
                       stamp: stamp)
    }

    /// The 1, 5 and 15 minute load averages.
    static func loadAverage() -> String {
        let text = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? ""
        return text.split(separator: " ").prefix(3).joined(separator: " ")
    }
}
