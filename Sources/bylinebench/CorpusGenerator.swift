import Dispatch
import Foundation

/// Writes a deterministic corpus: `articles` files over `sources` site folders, sizes log-normal around 4 KB
/// with a long tail to 200 KB. Each file depends only on (seed, its index), so files are written in parallel
/// and the same seed gives the same bytes.
struct CorpusGenerator {
    let articles: Int
    let sources: Int
    let seed: UInt64

    /// What was written.
    struct Summary {
        let files: Int
        let bytes: Int
        let seconds: Double
    }

    /// The site folder names, e.g. `aldermoor-ledger.example`.
    var siteNames: [String] {
        let papers = ["ledger", "gazette", "courier", "herald", "dispatch", "observer", "tribune", "post", "record",
                      "chronicle", "sentinel", "beacon", "examiner"]
        return (0..<sources).map { index in
            let place = WordLists.places[index % WordLists.places.count].folded.lowercased()
            let paper = papers[(index / WordLists.places.count + index) % papers.count]
            let round = index / (WordLists.places.count * papers.count)
            return "\(place)-\(paper)\(round > 0 ? "\(round)" : "").example"
        }
    }

    /// Which source each article belongs to: a few big sites and a long tail of small ones (weights 1/(k+1)^0.8).
    func sourceOfEachArticle() -> [Int] {
        let weights = (0..<sources).map { 1 / pow(Double($0 + 1), 0.8) }
        var cumulative: [Double] = []
        var sum = 0.0
        for weight in weights { sum += weight; cumulative.append(sum) }
        var random = SeededRandom(seed: seed, stream: 0xA55A)
        return (0..<articles).map { _ in
            let target = random.unit() * sum
            var low = 0, high = cumulative.count - 1
            while low < high {
                let middle = (low + high) / 2
                if cumulative[middle] <= target { low = middle + 1 } else { high = middle }
            }
            return low
        }
    }

    /// Body size in bytes: median about 3.2 KB (4 KB with the chrome); one article in 500 is a long read of 30–200 KB.
    static func bodyBytes(_ random: inout SeededRandom) -> Int {
        if random.chance(1.0 / 500) {
            return Int(30_000 * pow(200.0 / 30.0, random.unit()))
        }
        let size = 3_200 * exp(0.35 * random.normal())
        return Int(min(max(size, 300), 60_000))
    }

    func write(to folder: String) throws -> Summary {
        let start = DispatchTime.now()
        let names = siteNames
        for name in names {
            try FileManager.default.createDirectory(atPath: folder + "/" + name, withIntermediateDirectories: true)
        }
        let owners = sourceOfEachArticle()
        var counters = [Int](repeating: 0, count: sources)
        let numberWithinSource = owners.map { owner in
            counters[owner] += 1
            return counters[owner]
        }
        let workers = ProcessInfo.processInfo.activeProcessorCount
        let totals = ByteTotals(workers: workers)
        let failure = FailureBox()
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var bytes = 0
            var index = worker
            while index < articles {
                let owner = owners[index]
                let text = article(index, site: names[owner], template: ArticleTemplate.allCases[owner % ArticleTemplate.allCases.count])
                let path = "\(folder)/\(names[owner])/\(String(numberWithinSource[index]).leftPadded(6)).txt"
                if !FileWriting.write(text, to: path) { failure.record(path) }
                bytes += text.utf8.count
                index += workers
            }
            totals.set(worker, bytes)
        }
        if let path = failure.firstPath { throw BenchError("cannot write \(path)") }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        return Summary(files: articles, bytes: totals.sum, seconds: seconds)
    }

    /// The text of article `index`.
    func article(_ index: Int, site: String, template: ArticleTemplate) -> String {
        var writer = ProseWriter(random: SeededRandom(seed: seed, stream: UInt64(index) + 1))
        let bodyBytes = Self.bodyBytes(&writer.random)
        return template.render(&writer, site: site, bodyBytes: bodyBytes)
    }
}

/// Writing whole files with plain POSIX calls (fast, and no Foundation bridging per file).
enum FileWriting {
    static func write(_ text: String, to path: String) -> Bool {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var text = text
        return text.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = Foundation.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if written <= 0 { return false }
                offset += written
            }
            return true
        }
    }
}

/// Per-worker byte counts, each slot written by one worker.
private final class ByteTotals: @unchecked Sendable {
    private var values: [Int]
    private let lock = NSLock()
    init(workers: Int) { values = Array(repeating: 0, count: workers) }
    func set(_ worker: Int, _ value: Int) { lock.withLock { values[worker] = value } }
    var sum: Int { lock.withLock { values.reduce(0, +) } }
}

/// The first path that could not be written, if any.
private final class FailureBox: @unchecked Sendable {
    private var path: String?
    private let lock = NSLock()
    func record(_ path: String) { lock.withLock { if path.isEmpty == false && self.path == nil { self.path = path } } }
    var firstPath: String? { lock.withLock { path } }
}

/// A benchmark failure with a message for the person running it.
struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

extension String {
    func leftPadded(_ width: Int) -> String { count >= width ? self : String(repeating: "0", count: width - count) + self }

    /// Accents removed, for folder names (`Vélanne` → `Velanne`).
    var folded: String { folding(options: [.diacriticInsensitive], locale: nil).replacingOccurrences(of: "ø", with: "o").replacingOccurrences(of: "Å", with: "A") }
}
