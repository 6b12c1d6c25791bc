import Dispatch
import Synchronization

/// Runs the loader over every file with one pool of workers and no pause between batches: workers claim
/// files one at a time in walk order, and whichever worker completes the oldest unfinished batch
/// publishes it (and every complete batch after it) to the store, so batches reach the store in walk order
/// whatever the number of workers.
struct LoadPipeline: Sendable {
    let loader: ArticleLoader
    let groups: [[DiscoveredFile]]

    /// Files of the first batches: small, so the first screen fills at once; then up to `batchSize`.
    static func batchSizes(total: Int, largest: Int) -> [Int] {
        var sizes: [Int] = []
        var size = min(32, largest), done = 0
        while done < total {
            let taken = min(size, total - done)
            sizes.append(taken)
            done += taken
            size = min(largest, size * 2)
        }
        return sizes
    }

    /// Every file in walk order, with its group and batch, and where each batch starts (plus the end).
    private struct Plan {
        var files: [DiscoveredFile] = []
        var groupOfFile: [Int] = []
        var batchOfFile: [Int] = []
        var batchStarts: [Int] = []
        /// File index → the next group, whose boilerplate the worker claiming that file detects first, so
        /// that no worker waits for it when the next group begins.
        var prefetchAt: [Int: Int] = [:]
    }

    private func plan() -> Plan {
        var plan = Plan()
        for (groupIndex, group) in groups.enumerated() {
            // A batch never spans two groups: each group is announced as its own run of batches.
            var offset = 0
            for size in Self.batchSizes(total: group.count, largest: max(1, loader.options.batchSize)) {
                plan.batchStarts.append(plan.files.count + offset)
                plan.batchOfFile += repeatElement(plan.batchStarts.count - 1, count: size)
                offset += size
            }
            if groupIndex + 1 < groups.count { plan.prefetchAt[plan.files.count + group.count / 2] = groupIndex + 1 }
            plan.files += group
            plan.groupOfFile += repeatElement(groupIndex, count: group.count)
        }
        plan.batchStarts.append(plan.files.count)
        return plan
    }

    func run(into store: ArticleStore) {
        let plan = plan()
        let (files, groupOfFile, batchOfFile, batchStarts) = (plan.files, plan.groupOfFile, plan.batchOfFile, plan.batchStarts)
        let prefetchAt = plan.prefetchAt
        guard !files.isEmpty else { return }
        let boilerplates = groups.map { BoilerplateCell(group: $0) }
        let results = OutcomeBuffer(count: files.count)
        let publisher = Locked(Publication(completed: [Int](repeating: 0, count: batchStarts.count - 1)))
        let nextFile = Atomic<Int>(0)
        let workers = max(1, min(loader.options.workers, files.count))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            let folder = OpenFolder()
            let buffer = ReadBuffer(reused: true)
            while true {
                let index = nextFile.add(1, ordering: .relaxed).oldValue
                guard index < files.count else { return }
                if let nextGroup = prefetchAt[index] { _ = boilerplates[nextGroup].value(loader) }
                let boilerplate = boilerplates[groupOfFile[index]].value(loader)
                results.set(index, loader.loadOne(files[index], boilerplate: boilerplate, in: folder, buffer: buffer))
                publisher.withLock { publication in
                    publication.completed[batchOfFile[index]] += 1
                    while publication.next < publication.completed.count {
                        let batch = publication.next
                        let range = batchStarts[batch]..<batchStarts[batch + 1]
                        guard publication.completed[batch] == range.count else { break }
                        let outcomes = range.map { results.take($0) }
                        store.append(outcomes.compactMap(\.article), skipped: outcomes.compactMap(\.skipped))
                        publication.next += 1
                    }
                }
            }
        }
    }

    /// How many files of each batch are done, and the first batch not yet in the store.
    private struct Publication {
        var completed: [Int]
        var next = 0
    }
}

/// A source's boilerplate lines, detected once by the first worker that needs them.
private final class BoilerplateCell: Sendable {
    private let group: [DiscoveredFile]
    private let cached = Locked<Boilerplate?>(nil)

    init(group: [DiscoveredFile]) { self.group = group }

    func value(_ loader: ArticleLoader) -> Boilerplate {
        cached.withLock { cached in
            if let cached { return cached }
            let detected = group.count >= 3 ? loader.boilerplateSample(group) : .none
            cached = detected
            return detected
        }
    }
}

/// Per-file outcomes: each slot is written by one worker, then read once by the publisher after the
/// publication lock has made the write visible.
private final class OutcomeBuffer: @unchecked Sendable {
    private let slots: UnsafeMutableBufferPointer<ArticleLoader.Outcome?>

    init(count: Int) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil)
    }

    deinit {
        slots.deinitialize()
        slots.deallocate()
    }

    func set(_ index: Int, _ outcome: ArticleLoader.Outcome) { slots[index] = outcome }

    func take(_ index: Int) -> ArticleLoader.Outcome {
        defer { slots[index] = nil }
        return slots[index] ?? ArticleLoader.Outcome(article: nil, skipped: nil)
    }
}
