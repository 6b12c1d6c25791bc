import Dispatch
import Foundation

extension ArticleLoader {
    /// Walks `roots` and loads every file as the walk finds it, so the first articles reach the store while
    /// the walk of a large collection is still going (the reader opens at once). Batches reach the store in
    /// walk order whatever the number of workers. The store's `expected` stays 0 while the walk goes on (progress
    /// without a total), then counts every file and skipped path found. Blocks until done; call from a background
    /// thread. Returns the whole walk, for the folder watcher.
    public func load(walking roots: [FileWalker.Root], into store: ArticleStore) -> FileWalker.Result {
        load(walking: roots, into: store) { FileWalker.walk(roots, found: $0) }
    }

    /// The same with the walk given, so tests can hold it at a chosen point.
    func load(walking roots: [FileWalker.Root], into store: ArticleStore,
              walk: (_ found: (FileWalker.Finding) -> Void) -> Void) -> FileWalker.Result {
        StreamingLoad(loader: self, store: store).run(roots, walk: walk)
    }
}

/// The shared state of one streaming load: the walker thread appends files, workers claim them in walk
/// order, and whichever worker completes the oldest unpublished batch publishes it (and every complete batch
/// after it). A source's boilerplate is detected from its first 40 files, as `load(_:into:)` does, once those
/// are known or the walk has passed every entry that could still add a file to the source: a small source
/// holds back the files after it only until the walk has moved on, not until the walk ends.
private final class StreamingLoad: @unchecked Sendable {
    private let loader: ArticleLoader
    private let store: ArticleStore
    /// Guards every property below, and wakes workers waiting for files or for a boilerplate.
    private let condition = NSCondition()

    private var files: [DiscoveredFile] = []
    private var groupOfFile: [Int] = []
    private var groups: [SourceGroup] = []
    private var groupByKey: [String: Int] = [:]
    /// The group of the last file found in a folder: a file's group key depends on its root and first folder
    /// only, the same for the whole run of files the walk finds in one folder, so it is made once per run.
    private var lastFolderRun: (root: String, folder: String, group: Int)?
    /// Paths the walk skipped, with the number of files found before each (where it goes in the store).
    private var walkSkipped: [(position: Int, path: SkippedPath)] = []
    private var walkEnded = false
    /// For each group key, how many entries not yet walked past could still add files to it (see `keys`).
    private var entriesAhead: [String: Int] = [:]
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
        let key: String
        var files: [DiscoveredFile] = []
        var boilerplate: Boilerplate?
        var detecting = false

        init(key: String) { self.key = key }
    }

    /// The sample size of `ArticleLoader.boilerplateSample`, and the fewest files worth sampling.
    private static let sampleSize = 40
    private static let smallestSample = 3
    private static let firstBatchSize = 8

    init(loader: ArticleLoader, store: ArticleStore) {
        self.loader = loader
        self.store = store
    }

    func run(_ roots: [FileWalker.Root], walk: (_ found: (FileWalker.Finding) -> Void) -> Void) -> FileWalker.Result {
        store.begin(expected: 0)
        // A file given by name may be given twice; its group stays open until the walk reaches the last one.
        for root in roots where !root.isFolder {
            let key = ArticleLoader.groupKey(of: DiscoveredFile(path: root.path, root: root.path, folders: [], givenByName: true))
            entriesAhead[key, default: 0] += 1
        }
        let workers = DispatchGroup()
        for _ in 0..<max(1, loader.options.workers) {
            DispatchQueue.global(qos: .userInitiated).async(group: workers) { self.work() }
        }
        var result = FileWalker.Result()
        walk { finding in
            switch finding {
            case .file(let file): result.files.append(file)
            case .skipped(let skipped): result.skipped.append(skipped)
            case .enteredRoot, .leftEntry: break
            }
            found(finding)
        }
        condition.withLock {
            walkEnded = true
            store.begin(expected: files.count + walkSkipped.count)
            condition.broadcast()
        }
        workers.wait()
        condition.withLock {
            publishCompleteBatches()
            // Every article is in the store: the per-file bookkeeping (a slot and two copies of each file's
            // walk entry) goes before the search index is built, which is when a load's memory peaks.
            files = []
            groupOfFile = []
            groups = []
            outcomes = []
        }
        store.finish(indexFile: loader.options.cache?.indexFile)
        loader.options.cache?.saveInBackground()
        return result
    }

    private func found(_ finding: FileWalker.Finding) {
        condition.withLock {
            switch finding {
            case .file(let file):
                let group: Int
                if let run = lastFolderRun, let folder = file.folders.first, folder == run.folder, file.root == run.root {
                    group = run.group
                } else {
                    let key = ArticleLoader.groupKey(of: file)
                    if file.givenByName { passed([key]) }
                    if let known = groupByKey[key] {
                        group = known
                    } else {
                        group = groups.count
                        groups.append(SourceGroup(key: key))
                        groupByKey[key] = group
                    }
                    lastFolderRun = file.folders.first.map { (file.root, $0, group) }
                }
                files.append(file)
                outcomes.append(nil)
                groupOfFile.append(group)
                groups[group].files.append(file)
                // Wake workers only when they may be waiting: for a file, or for a sample to complete.
                if nextFile == files.count - 1 || groups[group].files.count == Self.sampleSize { condition.broadcast() }
            case .skipped(let skipped):
                walkSkipped.append((files.count, skipped))
            case .enteredRoot(let root, let names):
                for name in names {
                    for key in Self.keys(ofEntry: name, in: root) { entriesAhead[key, default: 0] += 1 }
                }
            case .leftEntry(let root, let name):
                passed(Self.keys(ofEntry: name, in: root))
            }
        }
    }

    /// The groups that an entry of a folder given may add files to: the source its name makes as a folder,
    /// and, for a `.txt` name, the source of the files lying loose in the folder. Names that clean up the
    /// same, and loose files among folders, make groups that span several entries.
    private static func keys(ofEntry name: String, in root: String) -> [String] {
        let asFolder = ArticleLoader.groupKey(of: DiscoveredFile(path: root, root: root, folders: [name], givenByName: false))
        guard name.hasSuffix(".txt") else { return [asFolder] }
        let looseFile = (root.hasSuffix("/") ? root : root + "/") + name
        let asLoose = ArticleLoader.groupKey(of: DiscoveredFile(path: looseFile, root: root, folders: [], givenByName: false))
        return asLoose == asFolder ? [asFolder] : [asFolder, asLoose]
    }

    /// The walk is past one entry that could add files to these groups; wakes workers waiting for a sample
    /// that is now complete. Called with the lock held.
    private func passed(_ keys: [String]) {
        for key in keys {
            guard let ahead = entriesAhead[key] else { continue }
            if ahead > 1 {
                entriesAhead[key] = ahead - 1
            } else {
                entriesAhead[key] = nil
                if groupByKey[key] != nil { condition.broadcast() }
            }
        }
    }

    private func work() {
        let folder = OpenFolder()
        let buffer = ReadBuffer(reused: true)
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
            if group + 1 < groups.count { prepareBoilerplate(group + 1, wait: false, buffer: buffer) }
            let boilerplate = prepareBoilerplate(group, wait: true, buffer: buffer)!
            condition.unlock()
            let outcome = loader.loadOne(file, boilerplate: boilerplate, in: folder, buffer: buffer)
            condition.lock()
            outcomes[index] = outcome
            while loadedPrefix < outcomes.count && outcomes[loadedPrefix] != nil { loadedPrefix += 1 }
            publishCompleteBatches()
        }
    }

    /// The group's boilerplate, detecting it (with the lock released, reading into the worker's `buffer`) when
    /// its sample is known and nobody is detecting it yet; with `wait`, waits for the sample and for another
    /// worker's detection.
    /// Called and returns with the lock held.
    @discardableResult
    private func prepareBoilerplate(_ index: Int, wait: Bool, buffer: ReadBuffer) -> Boilerplate? {
        let group = groups[index]
        while true {
            if let known = group.boilerplate { return known }
            let sampleKnown = group.files.count >= Self.sampleSize || walkEnded || entriesAhead[group.key] == nil
            if sampleKnown && !group.detecting {
                group.detecting = true
                let sample = Array(group.files.prefix(Self.sampleSize))
                condition.unlock()
                let detected = sample.count >= Self.smallestSample ? loader.boilerplateSample(sample, buffer: buffer) : .none
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

