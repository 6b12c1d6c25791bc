import BylineCore
import Foundation
import XCTest

/// The folder watcher on a real folder: added, edited and removed files are reported once each.
final class LiveFolderWatcherTests: XCTestCase {
    private func waitForChanges(_ watcher: FolderWatcher, until done: (LiveChanges) -> Bool) -> LiveChanges {
        var seen = LiveChanges()
        let deadline = Date().addingTimeInterval(5)
        while Date() < deadline {
            if let changes = watcher.takeChanges() { seen.append(changes) }
            if done(seen) { return seen }
            usleep(50_000)
        }
        return seen
    }

    /// A temporary collection with one site folder, `harbour.example`.
    private func makeSiteFolder() throws -> (folder: URL, site: URL) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("byline-watch-\(UUID().uuidString)")
        let site = folder.appendingPathComponent("harbour.example")
        try FileManager.default.createDirectory(at: site, withIntermediateDirectories: true)
        return (folder, site)
    }

    /// Writes a story so that no poll can see it half written, which on a busy machine one did (an empty new file
    /// reported as added, then as updated with the next change): a new file is written beside the collection and
    /// renamed in; an existing one is overwritten in place, without truncating it first, by longer text.
    private func writeStory(_ site: URL, _ name: String, _ words: String) throws {
        let data = Data("The ferry left at dawn, \(words), and the harbour was quiet for the first time in weeks.\n".utf8)
        let file = site.appendingPathComponent(name)
        if FileManager.default.fileExists(atPath: file.path) {
            let handle = try FileHandle(forWritingTo: file)
            defer { try? handle.close() }
            let oldSize = try handle.seekToEnd()
            XCTAssertGreaterThan(UInt64(data.count), oldSize, "an edit in place must not leave old bytes behind")
            try handle.seek(toOffset: 0)
            try handle.write(contentsOf: data)
        } else {
            let staging = site.deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent("byline-watch-staging-\(UUID().uuidString)")
            try data.write(to: staging)
            XCTAssertEqual(rename(staging.path, file.path), 0, "renaming the story into the collection")
        }
    }

    func testAddedEditedAndRemovedFilesAreReported() throws {
        let (folder, site) = try makeSiteFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        func write(_ name: String, _ words: String) throws { try writeStory(site, name, words) }
        try write("a.txt", "First Story")
        try write("b.txt", "Second Story")
        let walk = try FileWalker.walk([folder.path])
        let watcher = FolderWatcher(paths: [folder.path], walk: walk, intervalSeconds: 0.2)

        try write("c.txt", "Third Story")
        let added = waitForChanges(watcher) { !$0.added.isEmpty }
        XCTAssertEqual(added.added.map(\.article.path), [site.appendingPathComponent("c.txt").path])
        XCTAssertTrue(added.updated.isEmpty && added.removedPaths.isEmpty)

        // An edit in place changes no folder; the round-robin stat finds it.
        usleep(20_000)
        try write("a.txt", "First Story, Corrected At Length")
        let edited = waitForChanges(watcher) { !$0.updated.isEmpty }
        XCTAssertEqual(edited.updated.map(\.article.path), [site.appendingPathComponent("a.txt").path])
        XCTAssertTrue(edited.updated.first?.article.body.contains("Corrected At Length") == true)

        try FileManager.default.removeItem(at: site.appendingPathComponent("b.txt"))
        let removed = waitForChanges(watcher) { !$0.removedPaths.isEmpty }
        XCTAssertEqual(removed.removedPaths, [site.appendingPathComponent("b.txt").path])
        XCTAssertNil(watcher.takeChanges())
    }

    /// The reader starts the watcher once the load is done; a file edited or deleted while the load was still
    /// going must be reported all the same (the watcher starts from what the walk saw, not from the disk then).
    func testFilesChangedWhileLoadingAreReported() throws {
        let (folder, site) = try makeSiteFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        func write(_ name: String, _ words: String) throws { try writeStory(site, name, words) }
        try write("a.txt", "First Story")
        try write("b.txt", "Second Story")
        try write("c.txt", "Third Story")
        let loader = ArticleLoader()
        let walk = loader.load(walking: try FileWalker.checkedRoots([folder.path]), into: ArticleStore())

        // As if during the load: after the walk found the files, before the watcher starts.
        usleep(20_000)
        try write("a.txt", "First Story, Corrected At Length")
        try FileManager.default.removeItem(at: site.appendingPathComponent("b.txt"))
        let watcher = FolderWatcher(paths: [folder.path], walk: walk, loader: loader, intervalSeconds: 0.05)
        let changes = waitForChanges(watcher) { !$0.updated.isEmpty && !$0.removedPaths.isEmpty }
        XCTAssertEqual(changes.updated.map(\.article.path), [site.appendingPathComponent("a.txt").path])
        XCTAssertTrue(changes.updated.first?.article.body.contains("Corrected At Length") == true)
        XCTAssertEqual(changes.removedPaths, [site.appendingPathComponent("b.txt").path])
        XCTAssertTrue(changes.added.isEmpty)
    }
}
