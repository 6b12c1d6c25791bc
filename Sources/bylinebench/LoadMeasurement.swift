import BylineCore
import Foundation

/// `bylinebench load DIR`: walk + read + extract + index through the public API, as the reader does, in a
/// process of its own so its peak memory is the loader's alone. Prints one JSON object.
enum LoadMeasurement {
    /// With `cachePath`, through the extraction cache in that file, as the reader loads (it reads what the
    /// file holds and replaces it when anything changed).
    ///
    /// The walk streams into the loader as it does in the reader, so `load_seconds` covers walk + read + extract
    /// + index. The cache is written in the background after that, as in the reader; `cache_saved_seconds` says
    /// when it was done (the process waits for it before it exits).
    static func run(folder: String, cachePath: String?) throws -> [String: Any] {
        let start = Clock.now()
        let roots: [FileWalker.Root]
        do { roots = try FileWalker.checkedRoots([folder]) } catch { throw BenchError("\(error)") }
        let store = ArticleStore()
        var options = LoadOptions()
        if let cachePath {
            options.cache = ExtractionCache(path: cachePath, identity: CacheLocation.identity(maxArticleBytes: options.maxArticleBytes))
        }
        let walk = ArticleLoader(options: options).load(walking: roots, into: store)
        let loaded = Clock.now()
        options.cache?.waitUntilSaved()
        let saved = Clock.now()
        let snapshot = store.snapshot()
        let bytes = snapshot.entries.reduce(0) { $0 + $1.article.byteCount }
        var result: [String: Any] = [
            "files": walk.files.count, "articles": snapshot.entries.count, "bytes": bytes,
            "load_seconds": loaded - start,
            "peak_rss_kib": ProcessMemory.peakResidentKiB() ?? -1,
            "workers": options.workers,
        ]
        if let counts = options.cache?.counts {
            result["cache_saved_seconds"] = saved - start
            result["cache_hits"] = counts.hits
            result["cache_misses"] = counts.misses
            result["cache_saved"] = counts.saved
            result["index_from_cache"] = options.cache?.indexFile.readBack ?? false
        }
        return result
    }

    /// Loads into a store and returns it, for measurements that need the articles in this process.
    static func loadStore(folder: String) throws -> ArticleStore {
        let walk: FileWalker.Result
        do { walk = try FileWalker.walk([folder]) } catch { throw BenchError("\(error)") }
        let store = ArticleStore()
        ArticleLoader().load(walk, into: store)
        return store
    }
}

/// This process's memory as the kernel reports it.
enum ProcessMemory {
    /// VmHWM from /proc/self/status: the peak resident set size, in KiB.
    static func peakResidentKiB() -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            return Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "")
        }
        return nil
    }
}

/// `bylinebench extract DIR`: extraction on its own, over texts already in memory, on one core and on all.
enum ExtractionMeasurement {
    static func run(folder: String, budgetBytes: Int) throws -> [String: Any] {
        let walk: FileWalker.Result
        do { walk = try FileWalker.walk([folder]) } catch { throw BenchError("\(error)") }
        var loadedTexts: [String] = []
        var bytes = 0
        // Every n-th file, so a budget smaller than the corpus still samples all sources and sizes.
        let corpusBytes = walk.files.reduce(0) { total, file in
            var info = stat()
            return total + (stat(file.path, &info) == 0 ? Int(info.st_size) : 0)
        }
        let step = max(1, (corpusBytes + budgetBytes - 1) / max(1, budgetBytes))
        for index in Swift.stride(from: 0, to: walk.files.count, by: step) {
            guard bytes < budgetBytes, let data = FileManager.default.contents(atPath: walk.files[index].path) else { continue }
            loadedTexts.append(String(decoding: data, as: UTF8.self))
            bytes += data.count
        }
        // A corpus smaller than the budget (the 2 MB dev corpus) is repeated until it fills the budget, so the
        // timing covers enough work to be steady.
        let single = loadedTexts, singleBytes = bytes
        var rounds = 1
        while singleBytes > 0 && bytes < budgetBytes {
            loadedTexts += single
            bytes += singleBytes
            rounds += 1
        }
        let extractor = Extractor()
        let texts = loadedTexts
        var sink = 0
        let (_, oneCore) = Clock.measure {
            for text in texts { sink &+= extractor.extract(text).paragraphs.count }
        }
        let workers = ProcessInfo.processInfo.activeProcessorCount
        let (_, allCores) = Clock.measure {
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                var index = worker
                while index < texts.count {
                    _ = extractor.extract(texts[index])
                    index += workers
                }
            }
        }
        let megabytes = Double(bytes) / 1_000_000
        return [
            "files": texts.count / rounds, "rounds": rounds, "bytes": bytes, "paragraphs": sink,
            "one_core_seconds": oneCore, "one_core_mb_per_s": megabytes / oneCore,
            "all_cores_seconds": allCores, "all_cores_mb_per_s": megabytes / allCores, "workers": workers,
        ]
    }
}
