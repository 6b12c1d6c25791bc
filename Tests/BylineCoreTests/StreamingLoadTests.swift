import Foundation
import XCTest
@testable import BylineCore

/// Loading while walking (`load(walking:into:)`, the reader's way): the same articles as loading a finished
/// walk, in walk order, identical for any number of workers, with consistent snapshots on the way.
final class StreamingLoadTests: XCTestCase {
    /// Sources big and small (boilerplate sampled from 40 files, from fewer, or not at all), loose files lying
    /// between the folders in walk order, a binary file and a broken link.
    private func makeCorpus() throws -> TemporaryFolder {
        let folder = try TemporaryFolder(self)
        for (source, count) in [("alpha.example", 60), ("beta.example", 12), ("gamma.example", 2), ("delta.example", 45)] {
            try folder.writeStories(source: source, count: count)
        }
        for loose in ["a-loose.txt", "c-loose.txt", "z-loose.txt"] {
            try folder.write(loose, "Loose headline \(loose)\n\nA loose paragraph with enough words to be a body of text.")
        }
        try folder.write("beta.example/binary.txt", bytes: [0x47, 0x49, 0x46, 0x00, 0x01])
        XCTAssertEqual(symlink(folder.path + "/nowhere.txt", folder.path + "/gamma.example/broken.txt"), 0)
        return folder
    }

    private func streamed(_ path: String, workers: Int, batchSize: Int) throws -> (StoreSnapshot, FileWalker.Result) {
        var options = LoadOptions()
        options.workers = workers
        options.batchSize = batchSize
        let store = ArticleStore()
        let walk = ArticleLoader(options: options).load(walking: try FileWalker.checkedRoots([path]), into: store)
        return (store.snapshot(), walk)
    }

    func testOneAndManyWorkersGiveIdenticalStoresInWalkOrder() throws {
        let folder = try makeCorpus()
        let (single, walk) = try streamed(folder.path, workers: 1, batchSize: 7)
        XCTAssertEqual(walk.files.map(\.path), try FileWalker.walk([folder.path]).files.map(\.path))
        let loadedPaths = walk.files.map(\.path).filter { !$0.hasSuffix("binary.txt") }
        XCTAssertEqual(single.articles.map(\.path), loadedPaths, "walk order")
        XCTAssertEqual(single.skipped.map(\.path).sorted(), [folder.path + "/beta.example/binary.txt", folder.path + "/gamma.example/broken.txt"])
        XCTAssertTrue(single.isComplete)
        XCTAssertEqual(single.expected, walk.files.count + walk.skipped.count)
        for (workers, batchSize) in [(2, 7), (4, 3), (8, 256)] {
            let (parallel, _) = try streamed(folder.path, workers: workers, batchSize: batchSize)
            XCTAssertEqual(parallel.entries, single.entries, "\(workers) workers")
            XCTAssertEqual(parallel.skipped, single.skipped, "\(workers) workers")
        }
    }

    func testTheSameArticlesAsLoadingAFinishedWalk() throws {
        let folder = try makeCorpus()
        let (streamedStore, _) = try streamed(folder.path, workers: 3, batchSize: 16)
        let store = ArticleStore()
        ArticleLoader().load(try FileWalker.walk([folder.path]), into: store)
        let loaded = store.snapshot()
        // The same articles, boilerplate removed alike; only the loose files between folders come in walk order.
        let byPath = Dictionary(uniqueKeysWithValues: loaded.entries.map { ($0.article.path, $0) })
        XCTAssertEqual(streamedStore.entries.count, loaded.entries.count)
        for entry in streamedStore.entries { XCTAssertEqual(entry, byPath[entry.article.path], entry.article.path) }
        XCTAssertEqual(Set(streamedStore.skipped), Set(loaded.skipped))
        let alpha = try XCTUnwrap(streamedStore.entries.first { $0.article.path.hasSuffix("alpha.example/story00.txt") })
        XCTAssertFalse(alpha.article.body.contains("All rights reserved"), alpha.article.body)
    }

    func testSnapshotsWhileLoadingAreConsistent() throws {
        let folder = try makeCorpus()
        let store = ArticleStore()
        var options = LoadOptions()
        options.workers = 4
        options.batchSize = 5
        let loader = ArticleLoader(options: options)
        let roots = try FileWalker.checkedRoots([folder.path])
        let finished = expectation(description: "loaded")
        DispatchQueue.global().async {
            _ = loader.load(walking: roots, into: store)
            finished.fulfill()
        }
        var previous = StoreSnapshot(entries: [], isComplete: false)
        while true {
            let snapshot = store.snapshot()
            XCTAssertGreaterThanOrEqual(snapshot.version, previous.version)
            XCTAssertEqual(snapshot.entries.prefix(previous.entries.count).map(\.article.id), previous.entries.map(\.article.id))
            if snapshot.expected > 0 {
                XCTAssertLessThanOrEqual(snapshot.entries.count + snapshot.skipped.count, snapshot.expected)
            } else {
                XCTAssertFalse(snapshot.isComplete, "a finished load knows its total")
            }
            previous = snapshot
            if snapshot.isComplete { break }
        }
        wait(for: [finished], timeout: 60)
        XCTAssertEqual(previous.entries.count + previous.skipped.count, previous.expected)
        XCTAssertEqual(previous.entries.count, 60 + 12 + 2 + 45 + 3)
    }

    /// A source of a few files ahead of a large one: its boilerplate sample is complete as soon as the walk is
    /// past it, so the first batches reach the store while the walk is still going (here: held before `ccc`).
    func testASmallSourceDoesNotHoldBackTheStoreUntilTheWalkEnds() throws {
        let folder = try TemporaryFolder(self)
        try folder.write("a-loose.txt", "Loose headline\n\nA loose paragraph with enough words to be a body of text.")
        try folder.writeStories(source: "aaa.example", count: 2)
        try folder.writeStories(source: "bbb.example", count: 50)
        try folder.writeStories(source: "ccc.example", count: 5)
        let roots = try FileWalker.checkedRoots([folder.path])
        for workers in [1, 4] {
            var options = LoadOptions()
            options.workers = workers
            let store = ArticleStore()
            var publishedWhileHeld: Int?
            let walk = ArticleLoader(options: options).load(walking: roots, into: store) { found in
                FileWalker.walk(roots) { finding in
                    if publishedWhileHeld == nil, case .file(let file) = finding, file.folders.first == "ccc.example" {
                        let deadline = Date().addingTimeInterval(20)
                        while store.snapshot().entries.isEmpty && Date() < deadline { usleep(2_000) }
                        publishedWhileHeld = store.snapshot().entries.count
                    }
                    found(finding)
                }
            }
            XCTAssertGreaterThanOrEqual(publishedWhileHeld ?? 0, 8, "\(workers) workers: nothing published before the walk ended")
            let snapshot = store.snapshot()
            XCTAssertEqual(snapshot.articles.map(\.path), walk.files.map(\.path), "walk order")
            let finished = ArticleStore()
            ArticleLoader().load(try FileWalker.walk([folder.path]), into: finished)
            let byPath = Dictionary(uniqueKeysWithValues: finished.snapshot().entries.map { ($0.article.path, $0) })
            XCTAssertEqual(snapshot.entries.count, byPath.count)
            for entry in snapshot.entries {
                XCTAssertTrue(entry == byPath[entry.article.path], "\(workers) workers: \(entry.article.path)")
            }
        }
    }

    /// Loose files and a folder whose names make the same source (`paper/a.txt` and `paper/paper/b.txt` are both
    /// "paper"), with loose files on both sides of the folder: the walk is not past the source when it leaves
    /// the folder, so its sample holds all four files (too few would detect no boilerplate), as when loading a
    /// finished walk. The walk pauses after the folder, so a worker would sample too early if it could.
    func testASourceSpreadOverSeveralEntriesIsSampledWhole() throws {
        let folder = try TemporaryFolder(self)
        for name in ["a.txt", "paper/b.txt", "y.txt", "z.txt"] {
            try folder.write("paper/\(name)", """
                Home
                World
                Subscribe

                Story \(name) about the harbour

                The council met on Tuesday about \(name), and officials said the vote would come next week.

                © 2024 Paper. All rights reserved.
                """)
        }
        try folder.writeStories(source: "paper/other.example", count: 45)
        let path = folder.path + "/paper"
        let finished = ArticleStore()
        ArticleLoader().load(try FileWalker.walk([path]), into: finished)
        let expected = finished.snapshot()
        let byPath = Dictionary(uniqueKeysWithValues: expected.entries.map { ($0.article.path, $0) })
        for name in ["a.txt", "paper/b.txt", "y.txt", "z.txt"] {
            XCTAssertEqual(byPath[path + "/" + name]?.article.body.contains("All rights reserved"), false, name)
        }
        let roots = try FileWalker.checkedRoots([path])
        for workers in [1, 2, 8] {
            var options = LoadOptions()
            options.workers = workers
            let store = ArticleStore()
            _ = ArticleLoader(options: options).load(walking: roots, into: store) { found in
                FileWalker.walk(roots) { finding in
                    found(finding)
                    if case .leftEntry(_, "paper") = finding { usleep(100_000) }
                }
            }
            // `load(_:into:)` stores source by source; only the order may differ.
            let streamed = store.snapshot().entries
            XCTAssertEqual(streamed.count, expected.entries.count)
            for entry in streamed {
                XCTAssertTrue(entry == byPath[entry.article.path], "\(workers) workers: \(entry.article.path)")
            }
        }
    }

    /// The walk's files are grouped by folder run, not by a key made per file: each file must still get the
    /// boilerplate of the group its own key names. Folders that clean up to one source, the same folder name
    /// under two roots walked one after the other (one too small to sample), loose files before folders.
    func testEveryFileGetsTheBoilerplateOfItsOwnKeysGroup() throws {
        let first = try TemporaryFolder(self)
        try first.writeStories(source: "paper", count: 30)
        try first.writeStories(source: "paper\u{200B}", count: 12)
        for loose in ["a-loose.txt", "m-loose.txt"] {
            try first.write(loose, "Loose headline \(loose)\n\nA loose paragraph with enough words to be a body of text.")
        }
        let second = try TemporaryFolder(self)
        // Walked right after the first root's last folder, which has the same name.
        try second.writeStories(source: "paper\u{200B}", count: 2)
        try second.writeStories(source: "zz-other", count: 5)
        let roots = try FileWalker.checkedRoots([first.path, second.path])
        let loader = ArticleLoader()
        let files = try FileWalker.walk([first.path, second.path]).files
        // The plain way: every file's key made on its own, each group's first 40 files sampled.
        var groups: [String: [DiscoveredFile]] = [:]
        for file in files { groups[ArticleLoader.groupKey(of: file), default: []].append(file) }
        XCTAssertEqual(groups.count, 4, "two roots' papers, the first's loose files, other")
        var boilerplates: [String: Boilerplate] = [:]
        for (key, group) in groups {
            boilerplates[key] = group.count >= 3 ? loader.boilerplateSample(Array(group.prefix(40))) : Boilerplate.none
        }
        for workers in [1, 3] {
            var options = LoadOptions()
            options.workers = workers
            let store = ArticleStore()
            _ = ArticleLoader(options: options).load(walking: roots, into: store)
            let byPath = Dictionary(uniqueKeysWithValues: store.snapshot().entries.map { ($0.article.path, $0) })
            XCTAssertEqual(byPath.count, files.count)
            for file in files {
                let expected = loader.loadOne(file, boilerplate: boilerplates[ArticleLoader.groupKey(of: file)]!).article
                XCTAssertEqual(byPath[file.path], expected, "\(workers) workers: \(file.path)")
            }
        }
        // A file put in the wrong group would show it: the first root's paper chrome is cut, the second's is not.
        let small = try XCTUnwrap(files.first { $0.path.hasPrefix(second.path + "/paper\u{200B}/") })
        let big = try XCTUnwrap(files.first { $0.path.hasPrefix(first.path + "/paper/") })
        let mixedUp = loader.loadOne(small, boilerplate: boilerplates[ArticleLoader.groupKey(of: big)]!).article
        XCTAssertNotEqual(mixedUp, loader.loadOne(small, boilerplate: .none).article)
    }

    func testAnEmptyFolderFinishesWithNothing() throws {
        let folder = try TemporaryFolder(self)
        let (snapshot, walk) = try streamed(folder.path, workers: 2, batchSize: 4)
        XCTAssertTrue(snapshot.isComplete)
        XCTAssertTrue(snapshot.entries.isEmpty)
        XCTAssertTrue(walk.files.isEmpty)
    }

    func testCheckingRootsReportsAMissingPathWithoutWalking() throws {
        let folder = try makeCorpus()
        XCTAssertThrowsError(try FileWalker.checkedRoots([folder.path, folder.path + "/missing"])) { error in
            XCTAssertEqual(error as? PathError, .noSuchPath(folder.path + "/missing"))
        }
        XCTAssertEqual(try FileWalker.checkedRoots([folder.path, folder.path + "/a-loose.txt"]).map(\.isFolder), [true, false])
    }
}
