import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Notices files added, changed or removed under the opened paths, by polling on a background thread
/// (portable, and cheap at a second's interval):
/// - every poll stats the folders that hold articles; a changed folder (a file added, removed or
///   renamed in it) triggers a full walk of the paths, which finds what came and went;
/// - every poll also stats up to `filesPerPoll` article files, round-robin, for edits in place, so a
///   collection of that size sees edits within a poll and a larger one within a few;
/// - every `fullWalkEvery` polls the paths are walked anyway (a file dropped into a folder that held
///   no article yet changes no folder watched).
public final class FolderWatcher: Sendable {
    private let paths: [String]
    private let loader: ArticleLoader
    private let intervalSeconds: Double
    private let pending = Mutex(LiveChanges())

    static let filesPerPoll = 20_000
    static let fullWalkEvery = 10

    /// Watches `paths`; `walk` is the walk the first load used. Its files carry the size and time the walk saw
    /// (before the loader read them), and the first poll walks the paths again, so anything that changed,
    /// came or went since the walk, even while the load was still going, is reported.
    public init(paths: [String], walk: FileWalker.Result, loader: ArticleLoader = ArticleLoader(), intervalSeconds: Double = 1) {
        self.paths = paths
        self.loader = loader
        self.intervalSeconds = intervalSeconds
        let files = walk.files
        Thread.detachNewThread { [self] in
            var state = WatchState(files: files, roots: paths)
            while true {
                let started = Date()
                if let changes = poll(&state), !changes.isEmpty { pending.withLock { $0.append(changes) } }
                // Never spend more than a third of the time polling, however large the collection.
                let spent = Date().timeIntervalSince(started)
                Thread.sleep(forTimeInterval: max(intervalSeconds - spent, 2 * spent))
            }
        }
    }

    /// The changes seen since the last call, or nil when nothing changed.
    public func takeChanges() -> LiveChanges? {
        pending.withLock { changes in
            guard !changes.isEmpty else { return nil }
            defer { changes = LiveChanges() }
            return changes
        }
    }

    private func poll(_ state: inout WatchState) -> LiveChanges? {
        state.polls += 1
        // The folders were stat'ed only now, maybe after a file went during the load: walk at once.
        let foldersChanged = state.polls == 1 || state.foldersChanged()
        if foldersChanged || state.polls % Self.fullWalkEvery == 0 {
            guard let walk = try? FileWalker.walk(paths) else { return nil }
            return state.compare(with: walk.files, loader: loader)
        }
        return state.checkSlice(count: Self.filesPerPoll, loader: loader)
    }
}

/// What the watcher knows of the files and folders, between polls.
private struct WatchState {
    typealias Stamp = FileStamp

    var files: [String: (file: DiscoveredFile, stamp: Stamp)] = [:]
    var order: [String] = []
    var cursor = 0
    var folders: [[UInt8]: Stamp] = [:]
    var polls = 0
    let roots: [String]

    init(files found: [DiscoveredFile], roots: [String]) {
        self.roots = roots
        replaceFiles(found)
    }

    mutating func replaceFiles(_ found: [DiscoveredFile]) {
        var stamped: [String: (file: DiscoveredFile, stamp: Stamp)] = [:]
        stamped.reserveCapacity(found.count)
        for file in found {
            // The walk's own stamp, taken before the file was read: a change after it is a change.
            if let stamp = file.stamp ?? Self.stamp(file.systemPath) { stamped[file.path] = (file, stamp) }
        }
        files = stamped
        order = Array(stamped.keys)
        cursor = 0
        var folderPaths = Set(roots.map { Array($0.utf8) })
        for file in found {
            if let slash = file.systemPath.lastIndex(of: UInt8(ascii: "/")) { folderPaths.insert(Array(file.systemPath[..<slash])) }
        }
        folders = [:]
        for folder in folderPaths { folders[folder] = Self.stamp(folder) }
    }

    /// Whether any watched folder's modification time changed (or it vanished).
    func foldersChanged() -> Bool {
        folders.contains { Self.stamp($0.key) != $0.value }
    }

    /// Compares a fresh walk with what was known: new, changed and vanished files.
    mutating func compare(with found: [DiscoveredFile], loader: ArticleLoader) -> LiveChanges {
        var changes = LiveChanges()
        let old = files
        replaceFiles(found)
        for (path, entry) in files {
            guard let known = old[path] else {
                if let article = loader.loadOne(entry.file).article { changes.added.append(article) }
                continue
            }
            if known.stamp != entry.stamp, let article = loader.loadOne(entry.file).article { changes.updated.append(article) }
        }
        changes.removedPaths = old.keys.filter { files[$0] == nil }.sorted()
        return changes
    }

    /// Stats the next `count` files for edits in place.
    mutating func checkSlice(count: Int, loader: ArticleLoader) -> LiveChanges? {
        guard !order.isEmpty else { return nil }
        var changes = LiveChanges()
        for _ in 0..<min(count, order.count) {
            let path = order[cursor]
            cursor = (cursor + 1) % order.count
            guard let entry = files[path] else { continue }
            // A vanished file also changed its folder; the next poll's walk reports it.
            guard let stamp = Self.stamp(entry.file.systemPath), stamp != entry.stamp else { continue }
            files[path] = (entry.file, stamp)
            if let article = loader.loadOne(entry.file).article { changes.updated.append(article) }
        }
        return changes
    }

    static func stamp(_ path: [UInt8]) -> Stamp? { FileStamp.of(path) }
}
