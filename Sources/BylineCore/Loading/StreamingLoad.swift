import Dispatch
import Foundation

extension ArticleLoader {
    /// Walks `roots` and loads every file as the walk finds it, so the first articles reach the store while
    /// the walk of a large collection is still going (the reader opens at once). Batches reach the store in
    /// walk order whatever the number of workers. The store's `expected` stays 0 while the walk goes on (progress
    /// without a total), then counts every file and skipped path found. Blocks until done; call from a background
    /// thread. Returns the whole walk, for the folder watcher.
    public func load(walking roots: [FileWalker.Root], into store: ArticleStore) -> FileWalker.Result {
        StreamingLoad(loader: self, store: store).run(roots)
    }
}

/// The shared state of one streaming load: the walker thread appends files, workers claim them in walk
/// order, and whichever worker completes the oldest unpublished batch publishes it (and every complete batch
/// after it). A source's boilerplate is detected from its first 40 files, as `load(_:into:)` does, once those
/// are known (or the walk has ended): no worker waits for the whole walk unless a source is that small.
private final class StreamingLoad: @unchecked Sendable {
    private let loader: ArticleLoader
    private let store: ArticleStore
    /// Guards every property below, and wakes workers waiting for files or for a boilerplate.
    private let condition = NSCondition()

    private var files: [DiscoveredFile] = []
    private var groupOfFile: [Int] = []
    private var groups: [SourceGroup] = []
    private var groupByKey: [String: Int] = [:]
    /// Paths the walk skipped, with the number of files found before each (where it goes in the store).
    private var walkSkipped: [(position: Int, path: SkippedPath)] = []
    private var walkEnded = false
    private var nextFile = 0
    /// Each file's outcome, from loaded until published.
    private var outcomes: [ArticleLoader.Outcome?] = []
    /// Every file before this one is loaded.
    private var loadedPrefix = 0
    /// The next batch to publish: where it starts and how many came before it.
    private var batchStart = 0
    private var batchNumber = 0
    private var skippedPublished = 0

    /// The files of one layout source (as `ArticleLoader.groupsBySource` keys them) and its boilerplate.
    private final class SourceGroup {
        var files: [DiscoveredFile] = []
        var boilerplate: Boilerplate?
        var detecting = false
    }

    /// The sample size of `ArticleLoader.boilerplateSample`, and the fewest files worth sampling.
    private static let sampleSize = 40
    private static let smallestSample = 3
    private static let firstBatchSize = 8

    init(loader: ArticleLoader, store: ArticleStore) {
        self.loader = loader
        self.store = store
    }

    func run(_ roots: [FileWalker.Root]) -> FileWalker.Result {
        store.begin(expected: 0)
        let workers = DispatchGroup()
        for _ in 0..<max(1, loader.options.workers) {
            DispatchQueue.global(qos: .userInitiated).async(group: workers) { self.work() }
        }
        var result = FileWalker.Result()
        FileWalker.walk(roots) { finding in
            switch finding {
            case .file(let file): result.files.append(file)
            case .skipped(let skipped): result.skipped.append(skipped)
            }
            found(finding)
        }
        condition.withLock {
            walkEnded = true
            store.begin(expected: files.count + walkSkipped.count)
            condition.broadcast()
        }
        workers.wait()
        condition.withLock { publishCompleteBatches() }
        store.finish()
        return result
    }

    private func found(_ finding: FileWalker.Finding) {
        condition.withLock {
            switch finding {
            case .file(let file):
                let key = file.root + "\u{0}" + SourceResolver.fromLayout(file).0
                let group: Int
                if let known = groupByKey[key] {
                    group = known
                } else {
                    group = groups.count
                    groups.append(SourceGroup())
                    groupByKey[key] = group
                }
                files.append(file)
                outcomes.append(nil)
                groupOfFile.append(group)
                groups[group].files.append(file)
                // Wake workers only when they may be waiting: for a file, or for a sample to complete.
                if nextFile == files.count - 1 || groups[group].files.count == Self.sampleSize { condition.broadcast() }
            case .skipped(let skipped):
                walkSkipped.append((files.count, skipped))
            }
        }
    }

    private func work() {
        condition.lock()
        defer { condition.unlock() }
        while true {
            while nextFile >= files.count && !walkEnded { condition.wait() }
            guard nextFile < files.count else { return }
            let index = nextFile
            nextFile += 1
            let file = files[index]
            let group = groupOfFile[index]
            // Detect the next source's boilerplate ahead, so no worker waits for it when that source begins.
            if group + 1 < groups.count { prepareBoilerplate(group + 1, wait: false) }
            let boilerplate = prepareBoilerplate(group, wait: true)!
            condition.unlock()
            let outcome = loader.loadOne(file, boilerplate: boilerplate)
            condition.lock()
            outcomes[index] = outcome
            while loadedPrefix < outcomes.count && outcomes[loadedPrefix] != nil { loadedPrefix += 1 }
            publishCompleteBatches()
        }
    }

    /// The group's boilerplate, detecting it (with the lock released) when its sample is known and nobody
    /// is detecting it yet; with `wait`, waits for the sample and for another worker's detection.
    /// Called and returns with the lock held.
    @discardableResult
    private func prepareBoilerplate(_ index: Int, wait: Bool) -> Boilerplate? {
        let group = groups[index]
        while true {
            if let known = group.boilerplate { return known }
            let sampleKnown = group.files.count >= Self.sampleSize || walkEnded
            if sampleKnown && !group.detecting {
                group.detecting = true
                let sample = Array(group.files.prefix(Self.sampleSize))
                condition.unlock()
                let detected = sample.count >= Self.smallestSample ? loader.boilerplateSample(sample) : .none
                condition.lock()
                group.boilerplate = detected
                condition.broadcast()
                return detected
            }
            guard wait else { return nil }
            condition.wait()
        }
    }

    /// Publishes, in walk order, every batch whose files are all loaded; a batch is closed when it is full
    /// or the walk has ended. Called with the lock held.
    private func publishCompleteBatches() {
        let largest = max(1, loader.options.batchSize)
        while true {
            // Small first batches, so the first screen shows as soon as a few files are read.
            let size = min(largest, Self.firstBatchSize << min(batchNumber, 16))
            var end = batchStart + size
            if walkEnded { end = min(end, files.count) }
            let isLast = walkEnded && end == files.count
            guard end <= files.count, end > batchStart || (isLast && skippedPublished < walkSkipped.count) else { return }
            guard loadedPrefix >= end else { return }
            let batch = (batchStart..<end).map { index in
                defer { outcomes[index] = nil }
                return outcomes[index]!
            }
            var skipped: [SkippedPath] = []
            // The walk's skipped paths go with the batch of the files found after them.
            while skippedPublished < walkSkipped.count && (isLast || walkSkipped[skippedPublished].position < end) {
                skipped.append(walkSkipped[skippedPublished].path)
                skippedPublished += 1
            }
            for outcome in batch { if let path = outcome.skipped { skipped.append(path) } }
            store.append(batch.compactMap(\.article), skipped: skipped)
            batchStart = end
            batchNumber += 1
            if isLast { return }
        }
    }
}

