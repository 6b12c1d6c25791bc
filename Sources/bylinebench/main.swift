import Foundation

/// bylinebench: generates a deterministic corpus and measures byline on it (see BENCHMARKS.md).
let usage = """
usage:
  bylinebench generate --articles N [--sources K] [--seed S] DIR
  bylinebench run [--sizes 1000,10000,100000] [--workdir DIR] [--seed S] [--sources K] [--keystrokes N]
                  [--budget-seconds S] [--repeats R] [--first-screen-runs R] [--headless] [--json FILE]
  bylinebench load DIR [--cache FILE]  walk + load in this process as the reader does (through the extraction
                                       cache in FILE); prints JSON (time, peak memory, cache hits)
  bylinebench extract DIR [--budget-mb M]   extraction throughput over texts in memory; prints JSON
  bylinebench keys DIR [--keystrokes N] [--budget-seconds S] [--tty] [--out FILE]   per-keystroke timings; prints JSON
"""

func printJSON(_ object: Any, to path: String? = nil) throws {
    let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
    if let path {
        try data.write(to: URL(fileURLWithPath: path))
    } else {
        FileHandle.standardOutput.write(data + Data("\n".utf8))
    }
}

func main() throws {
    let words = Array(CommandLine.arguments.dropFirst())
    guard let subcommand = words.first else { throw BenchError(usage) }
    let arguments = try Arguments(Array(words.dropFirst()), flags: ["tty", "headless", "help"])
    switch subcommand {
    case "generate":
        let generator = CorpusGenerator(
            articles: try arguments.integer("articles", default: 1000),
            sources: try arguments.integer("sources", default: 40),
            seed: UInt64(try arguments.integer("seed", default: 42)))
        let summary = try generator.write(to: try arguments.folder())
        print("wrote \(summary.files) files, \(summary.bytes) bytes in \(String(format: "%.2f", summary.seconds)) s")
    case "load":
        try printJSON(try LoadMeasurement.run(folder: try arguments.folder(), cachePath: arguments.options["cache"]))
    case "extract":
        let budget = try arguments.integer("budget-mb", default: 64) * 1_000_000
        try printJSON(try ExtractionMeasurement.run(folder: try arguments.folder(), budgetBytes: budget))
    case "keys":
        let store = try LoadMeasurement.loadStore(folder: try arguments.folder())
        let measurement = KeystrokeMeasurement(keystrokes: try arguments.integer("keystrokes", default: 1000),
                                               budgetSeconds: Double(try arguments.integer("budget-seconds", default: 120)))
        let series: [KeystrokeMeasurement.Series]
        let mode: String
        if arguments.flags.contains("tty") {
            let screen = try NcursesScreen()
            series = measurement.run(store: store, screen: screen)
            screen.shutdown()
            mode = "tty"
        } else {
            series = measurement.run(store: store, screen: MemoryScreen(width: 120, height: 40))
            mode = "headless"
        }
        let result: [String: Any] = ["mode": mode, "articles": store.snapshot().entries.count,
                                     "series": series.map { $0.summary() }]
        try printJSON(result, to: arguments.options["out"])
    case "run":
        try BenchmarkRun(arguments: arguments).run()
    case "help", "--help", "-h":
        print(usage)
    default:
        throw BenchError("unknown command \(subcommand)\n\(usage)")
    }
}

do {
    try main()
} catch {
    FileHandle.standardError.write(Data("bylinebench: \(error)\n".utf8))
    exit(1)
}
