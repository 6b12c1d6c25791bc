import Dispatch
import Foundation
import XCTest
@testable import BylineCore

/// A save running in the background is waited for by whoever could see it half-made.
final class BackgroundSavesTests: XCTestCase {
    func testOpeningTheSameFileAndCountsWaitForTheSave() throws {
        let folder = try TemporaryFolder(self)
        try folder.writeStories(source: "alpha.example", count: 6, extra: "Harbour café {n}")
        let cachePath = folder.path + ".cache"
        defer { unlink(cachePath); unlink(folder.path + ".index") }
        var options = LoadOptions()
        options.cache = ExtractionCache(path: cachePath, identity: 7)
        let cache = try XCTUnwrap(options.cache)
        ArticleLoader(options: options).load(try FileWalker.walk([folder.path]), into: ArticleStore(indexingForSearch: false))
        // No wait in between: opening the file again must find every record the load extracted.
        XCTAssertEqual(ExtractionCache(path: cachePath, identity: 7).counts.entriesRead, 6)
        XCTAssertTrue(cache.counts.saved)
    }

    func testWaitForAPathReturnsOnlyOnceItsSaveHasRun() {
        let done = DispatchGroup(), finished = Locked(false)
        BackgroundSaves.start(path: "/nonexistent/slow.cache", done: done) {
            usleep(200_000)
            finished.withLock { $0 = true }
        }
        BackgroundSaves.wait(for: "/nonexistent/slow.cache")
        XCTAssertTrue(finished.withLock { $0 })
    }

    /// Saves of one path started together run one at a time (they would write the same temporary file), and
    /// every one of them runs.
    func testSavesOfOnePathStartedTogetherNeverOverlap() {
        let path = "/nonexistent/contended.cache"
        let running = Locked(0), mostAtOnce = Locked(0), runs = Locked(0)
        let starts = 8
        let groups = (0..<starts).map { _ in DispatchGroup() }
        DispatchQueue.concurrentPerform(iterations: starts) { start in
            BackgroundSaves.start(path: path, done: groups[start]) {
                let now = running.withLock { $0 += 1; return $0 }
                mostAtOnce.withLock { $0 = max($0, now) }
                usleep(20_000)
                running.withLock { $0 -= 1 }
                runs.withLock { $0 += 1 }
            }
        }
        for group in groups { group.wait() }
        XCTAssertEqual(runs.withLock { $0 }, starts)
        XCTAssertEqual(mostAtOnce.withLock { $0 }, 1)
    }
}
