import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Notices files added, changed or removed under the opened paths by walking them again every
/// interval on a background thread and comparing sizes and modification times. Polling is portable
/// and, at a second's interval, cheap next to reading the articles in the first place.
public final class FolderWatcher: Sendable {
    private struct Stamp: Equatable {
        let size: Int64
        let modified: Int64
    }

    private let paths: [String]
    private let loader: ArticleLoader
    private let intervalSeconds: Double
    private let pending = Mutex(LiveChanges())

    /// Watches `paths`; `walk` is the walk the first load used, so only later changes are reported.
    public init(paths: [String], walk: FileWalker.Result, loader: ArticleLoader = ArticleLoader(), intervalSeconds: Double = 1) {
        self.paths = paths
        self.loader = loader
        self.intervalSeconds = intervalSeconds
        let baseline = Self.stamps(of: walk.files)
        Thread.detachNewThread { [self] in self.poll(from: baseline) }
    }

    /// The changes seen since the last call, or nil when nothing changed.
    public func takeChanges() -> LiveChanges? {
        pending.withLock { changes in
            guard !changes.isEmpty else { return nil }
            defer { changes = LiveChanges() }
            return changes
        }
    }

    private func poll(from baseline: [String: (DiscoveredFile, Stamp)]) {
        var known = baseline
        while true {
            let started = Date()
            guard let walk = try? FileWalker.walk(paths) else {
                Thread.sleep(forTimeInterval: intervalSeconds)
                continue
            }
            let current = Self.stamps(of: walk.files)
            var changes = LiveChanges()
            for (path, (file, stamp)) in current {
                guard let old = known[path] else {
                    if let article = loader.loadOne(file).article { changes.added.append(article) }
                    continue
                }
                if old.1 != stamp, let article = loader.loadOne(file).article { changes.updated.append(article) }
            }
            changes.removedPaths = known.keys.filter { current[$0] == nil }.sorted()
            known = current
            if !changes.isEmpty { pending.withLock { $0.append(changes) } }
            // A huge collection takes a while to walk; never spend more than half the time walking.
            let spent = Date().timeIntervalSince(started)
            Thread.sleep(forTimeInterval: max(intervalSeconds - spent, spent))
        }
    }

    private static func stamps(of files: [DiscoveredFile]) -> [String: (DiscoveredFile, Stamp)] {
        var stamps: [String: (DiscoveredFile, Stamp)] = [:]
        stamps.reserveCapacity(files.count)
        for file in files {
            var info = stat()
            let found = file.systemPath.withUnsafeBufferPointer { bytes -> Bool in
                var path = Array(bytes)
                path.append(0)
                return path.withUnsafeBufferPointer { pointer in
                    pointer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: pointer.count) { stat($0, &info) == 0 }
                }
            }
            guard found else { continue }
            let modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
            stamps[file.path] = (file, Stamp(size: Int64(info.st_size), modified: modified))
        }
        return stamps
    }
}
