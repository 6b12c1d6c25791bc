import Foundation

/// `bylinebench run`: for each corpus size, generates (or reuses) the corpus, then measures load vs `cat`,
/// peak memory, first screen vs a 2-article folder, keystrokes and extraction; prints a table with the goals.
struct BenchmarkRun {
    let sizes: [Int]
    let workdir: String
    let seed: Int
    let sources: Int
    let keystrokes: Int
    let budgetSeconds: Int
    /// Timed repeats of `cat` and of loading; nil: 3 below 50,000 articles, 1 from there on.
    let repeats: Int?
    let firstScreenRuns: Int
    let headless: Bool
    let jsonPath: String?

    init(arguments: Arguments) throws {
        sizes = try (arguments.options["sizes"] ?? "1000,10000,100000").split(separator: ",").map { word in
            guard let size = Int(word.replacingOccurrences(of: "_", with: "")), size > 0 else { throw BenchError("bad size \(word)") }
            return size
        }
        workdir = arguments.options["workdir"] ?? NSTemporaryDirectory() + "bylinebench"
        seed = try arguments.integer("seed", default: 42)
        sources = try arguments.integer("sources", default: 40)
        keystrokes = try arguments.integer("keystrokes", default: 1000)
        budgetSeconds = try arguments.integer("budget-seconds", default: 120)
        repeats = try arguments.options["repeats"].map { _ in max(1, try arguments.integer("repeats", default: 3)) }
        firstScreenRuns = max(1, try arguments.integer("first-screen-runs", default: 5))
        headless = arguments.flags.contains("headless") || !TmuxServer.isAvailable
        jsonPath = arguments.options["json"]
    }

    /// Where this executable is; `byline` is built beside it.
    static var executable: String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }

    func run() throws {
        let benchmark = Self.executable
        let byline = (benchmark as NSString).deletingLastPathComponent + "/byline"
        guard FileManager.default.isExecutableFile(atPath: byline) else {
            throw BenchError("byline is not built beside \(benchmark); run swift build -c release first")
        }
        try FileManager.default.createDirectory(atPath: workdir, withIntermediateDirectories: true)
        let machine = Machine.describe()
        say(machine.text)
        if benchmark.contains("/debug/") { say("warning: this is a debug build; figures are only meaningful with -c release") }
        let twoArticles = try prepareCorpus(articles: 2, sources: 1, name: "two-articles")
        var results: [[String: Any]] = []
        for size in sizes {
            let folder = try prepareCorpus(articles: size, sources: min(sources, size), name: "corpus-\(size)")
            let result = try measure(size: size, folder: folder, twoArticles: twoArticles, benchmark: benchmark, byline: byline)
            results.append(result.json)
            say(result.table)
        }
        var everything = machine.json
        everything["sizes"] = results
        let path = jsonPath ?? workdir + "/results-\(machine.stamp).json"
        try printJSON(everything, to: path)
        say("results written to \(path)")
    }

    /// The corpus folder for these parameters, generated unless an identical one is already there.
    private func prepareCorpus(articles: Int, sources: Int, name: String) throws -> String {
        let folder = "\(workdir)/\(name)-k\(sources)-seed\(seed)"
        let marker = folder + "/.bylinebench-corpus"
        let expected = "articles=\(articles) sources=\(sources) seed=\(seed) generator=1\n"
        if (try? String(contentsOfFile: marker, encoding: .utf8)) == expected { return folder }
        try? FileManager.default.removeItem(atPath: folder)
        let summary = try CorpusGenerator(articles: articles, sources: sources, seed: UInt64(seed)).write(to: folder)
        try expected.write(toFile: marker, atomically: true, encoding: .utf8)
        if articles > 2 {
            say("generated \(name): \(summary.files) files, \(Format.megabytes(summary.bytes)) in \(Format.seconds(summary.seconds))")
        }
        return folder
    }

    private func measure(size: Int, folder: String, twoArticles: String, benchmark: String, byline: String) throws -> SizeResult {
        var result = SizeResult(size: size, loadAverageBefore: Machine.loadAverage())
        // Both warm: the first `cat` pulls the files into the page cache; every timed read after it is warm.
        let catCommand = "find \(TmuxServer.quote(folder)) -name '*.txt' -print0 | xargs -0 cat > /dev/null"
        _ = ChildProcess.shell(catCommand)
        var catTimes: [Double] = [], loadTimes: [Double] = [], cachedTimes: [Double] = [], changedTimes: [Double] = []
        var savedTimes: [Double] = []
        var peaks: [Int] = []
        let cacheFile = "\(workdir)/extraction-\(getpid()).cache", indexFile = "\(workdir)/extraction-\(getpid()).index"
        defer { unlink(cacheFile); unlink(indexFile) }
        for _ in 0..<(repeats ?? (size < 50_000 ? 3 : 1)) {
            catTimes.append(ChildProcess.shell(catCommand).seconds)
            // First open: nothing cached, so every file is read and extracted (and the cache written); then the
            // same folder again, every article and the index read back; then again after one file was touched
            // (its modification time changed), as after a day's new articles: that file extracted, the index built.
            unlink(cacheFile)
            unlink(indexFile)
            for kind in ["first", "again", "changed"] {
                if kind == "changed", let someFile = Self.firstArticle(in: folder) { utimensat(AT_FDCWD, someFile, nil, 0) }
                let load = ChildProcess.run([benchmark, "load", folder, "--cache", cacheFile])
                guard load.status == 0, let json = Self.parse(load.output) else { throw BenchError("bylinebench load failed") }
                let seconds = json["load_seconds"] as? Double ?? 0
                switch kind {
                case "first":
                    loadTimes.append(seconds)
                    savedTimes.append(json["cache_saved_seconds"] as? Double ?? 0)
                case "again":
                    cachedTimes.append(seconds)
                    result.cacheHits = json["cache_hits"] as? Int ?? 0
                    result.indexFromCache = json["index_from_cache"] as? Bool ?? false
                default:
                    changedTimes.append(seconds)
                    result.changedMisses = json["cache_misses"] as? Int ?? 0
                }
                peaks.append(max(json["peak_rss_kib"] as? Int ?? 0, load.maxResidentKiB))
                result.articles = json["articles"] as? Int ?? 0
                result.corpusBytes = json["bytes"] as? Int ?? 0
            }
        }
        result.catSeconds = Statistics.median(catTimes)
        result.loadSeconds = Statistics.median(loadTimes)
        result.firstCacheSavedSeconds = Statistics.median(savedTimes)
        result.cachedLoadSeconds = Statistics.median(cachedTimes)
        result.changedLoadSeconds = Statistics.median(changedTimes)
        result.loadPeakKiB = peaks.max() ?? 0
        // A private cache folder: the list below and the reader in tmux never touch the person's own cache.
        setenv("XDG_CACHE_HOME", "\(workdir)/xdg-cache", 1)
        let list = ChildProcess.run([byline, "list", "--no-cache", folder], stdoutPath: "/dev/null")
        result.listPeakKiB = list.maxResidentKiB
        result.listSeconds = list.seconds

        if TmuxServer.isAvailable {
            let server = TmuxServer()
            var large: [Double] = [], small: [Double] = []
            for run in 0..<firstScreenRuns {
                small.append(try FirstScreenMeasurement.measure(server: server, byline: byline, folder: twoArticles, run: 2 * run))
                large.append(try FirstScreenMeasurement.measure(server: server, byline: byline, folder: folder, run: 2 * run + 1))
            }
            result.firstScreen = Statistics.median(large)
            result.firstScreenTwo = Statistics.median(small)
        }

        result.keys = try measureKeys(folder: folder, benchmark: benchmark)
        let extraction = ChildProcess.run([benchmark, "extract", folder])
        result.extraction = Self.parse(extraction.output) ?? [:]
        result.loadAverageAfter = Machine.loadAverage()
        return result
    }

    /// Some article file of the corpus (the first site folder's first file, in name order).
    private static func firstArticle(in folder: String) -> String? {
        guard let site = (try? FileManager.default.contentsOfDirectory(atPath: folder))?.filter({ !$0.hasPrefix(".") }).sorted().first,
              let file = (try? FileManager.default.contentsOfDirectory(atPath: folder + "/" + site))?.filter({ $0.hasSuffix(".txt") }).sorted().first
        else { return nil }
        return folder + "/" + site + "/" + file
    }

    /// Keystrokes in a tmux pane through the real ncurses backend (true bytes written), or headless.
    private func measureKeys(folder: String, benchmark: String) throws -> [String: Any] {
        let out = "\(workdir)/keys-\(getpid()).json"
        unlink(out)
        defer { unlink(out) }
        if headless {
            _ = ChildProcess.run([benchmark, "keys", folder, "--keystrokes", "\(keystrokes)", "--budget-seconds", "\(budgetSeconds)", "--out", out])
        } else {
            let server = TmuxServer()
            let session = "keys"
            server.start(session: session, width: 120, height: 40, shellCommand:
                "exec \(TmuxServer.quote(benchmark)) keys \(TmuxServer.quote(folder)) --tty --keystrokes \(keystrokes) --budget-seconds \(budgetSeconds) --out \(TmuxServer.quote(out))")
            let start = Clock.now()
            while !server.isDead(session) && Clock.now() - start < 3600 { usleep(200_000) }
            server.kill(session)
        }
        guard let data = FileManager.default.contents(atPath: out), let json = Self.parse(String(decoding: data, as: UTF8.self)) else {
            throw BenchError("the keystroke run wrote no results")
        }
        return json
    }

    static func parse(_ text: String) -> [String: Any]? {
        guard let line = text.split(separator: "\n").last,
              let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) else { return nil }
        return object as? [String: Any]
    }
}

/// Prints at once (stdout may be a pipe, where `print` would hold lines back until the end of a long run).
func say(_ text: String) {
    FileHandle.standardOutput.write(Data((text + "\n").utf8))
}
