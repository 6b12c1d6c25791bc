import Foundation
import XCTest
@testable import BylineCore

/// The extraction cache gives back exactly what extraction gives, misses whatever changed, and survives
/// damaged files.
final class ExtractionCacheTests: XCTestCase {
    private let identity: UInt64 = 0x1234_5678

    /// Three sources with shared chrome (boilerplate detection runs), Cyrillic and curly quotes, a loose file
    /// whose source comes from a URL in its text, an empty file and a binary one (skipped).
    private func makeCorpus() throws -> TemporaryFolder {
        let folder = try TemporaryFolder(self)
        for source in ["alpha.example", "beta.example", "gamma.example"] {
            try folder.writeStories(source: source, count: 12, extra: """
                Critics said the café owners in Zürich had not been asked {n} times. Президент заявил что \
                правительство примет новые меры.
                """)
        }
        try folder.write("loose.txt", """
            Loose headline about the harbour

            Read it at https://www.harbour-news.example/story and https://harbour-news.example/other today.

            A loose paragraph with enough words in it to be the body of a short article about the harbour.
            """)
        try folder.write("gamma.example/empty.txt", "")
        try folder.write("beta.example/binary.txt", bytes: [0x47, 0x49, 0x46, 0x00, 0x01])
        return folder
    }

    private func load(_ path: String, cache: ExtractionCache?, workers: Int = 2) throws -> StoreSnapshot {
        var options = LoadOptions()
        options.workers = workers
        options.batchSize = 5
        options.cache = cache
        let store = ArticleStore(indexingForSearch: false)
        ArticleLoader(options: options).load(try FileWalker.walk([path]), into: store)
        return store.snapshot()
    }

    private func assertSame(_ cached: StoreSnapshot, _ extracted: StoreSnapshot, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(cached.articles, extracted.articles, file: file, line: line)
        XCTAssertEqual(cached.articles.map(\.markHash), extracted.articles.map(\.markHash), file: file, line: line)
        XCTAssertEqual(cached.articles.map(\.paragraphs), extracted.articles.map(\.paragraphs), file: file, line: line)
        XCTAssertEqual(cached.entries.map(\.titleKey), extracted.entries.map(\.titleKey), file: file, line: line)
        XCTAssertEqual(cached.skipped, extracted.skipped, file: file, line: line)
    }

    func testSecondLoadReadsEveryArticleBackExactlyAsExtracted() throws {
        let folder = try makeCorpus()
        let cachePath = folder.path + "-cache/c.cache"
        defer { try? FileManager.default.removeItem(atPath: folder.path + "-cache") }
        let extracted = try load(folder.path, cache: nil)
        let first = ExtractionCache(path: cachePath, identity: identity)
        assertSame(try load(folder.path, cache: first), extracted)
        XCTAssertEqual(first.counts.hits, 0)
        XCTAssertEqual(first.counts.misses, 39, "38 articles and the binary file, which is skipped and never kept")
        XCTAssertTrue(first.counts.saved)

        for workers in [1, 2, 4] {
            let again = ExtractionCache(path: cachePath, identity: identity)
            assertSame(try load(folder.path, cache: again, workers: workers), extracted)
            XCTAssertEqual(again.counts, ExtractionCache.Counts(hits: 38, misses: 1, entriesRead: 38, saved: false))
        }
        XCTAssertEqual(extracted.articles.first { $0.path.hasSuffix("loose.txt") }?.source, "harbour-news.example")
    }

    func testAChangedFileIsExtractedAgainAndTheOthersComeFromTheCache() throws {
        let folder = try makeCorpus()
        let cachePath = folder.path + ".cache"
        defer { unlink(cachePath) }
        _ = try load(folder.path, cache: ExtractionCache(path: cachePath, identity: identity))
        let changed = folder.path + "/alpha.example/story03.txt"
        try folder.write("alpha.example/story03.txt", "A new headline for story three\n\nIts body was rewritten entirely by the editors today.")
        var times = [timespec(tv_sec: 1_000_000, tv_nsec: 0), timespec(tv_sec: 1_000_000, tv_nsec: 0)]
        XCTAssertEqual(utimensat(AT_FDCWD, changed, &times, 0), 0)
        let cache = ExtractionCache(path: cachePath, identity: identity)
        let loaded = try load(folder.path, cache: cache)
        assertSame(loaded, try load(folder.path, cache: nil))
        XCTAssertEqual(cache.counts.hits, 37)
        XCTAssertEqual(cache.counts.misses, 2, "the changed file and the binary one")
        XCTAssertTrue(cache.counts.saved)
        XCTAssertEqual(loaded.articles.first { $0.path == changed }?.title, "A new headline for story three")

        let after = ExtractionCache(path: cachePath, identity: identity)
        _ = try load(folder.path, cache: after)
        XCTAssertEqual(after.counts.hits, 38, "the saved file holds the new record and every kept one")
    }

    func testARemovedFileLeavesTheCacheAndANewBuildStartsAgain() throws {
        let folder = try makeCorpus()
        let cachePath = folder.path + ".cache"
        defer { unlink(cachePath) }
        _ = try load(folder.path, cache: ExtractionCache(path: cachePath, identity: identity))
        XCTAssertEqual(unlink(folder.path + "/beta.example/story00.txt"), 0)
        let pruned = ExtractionCache(path: cachePath, identity: identity)
        _ = try load(folder.path, cache: pruned)
        XCTAssertEqual(pruned.counts.hits, 37)
        XCTAssertTrue(pruned.counts.saved)
        XCTAssertEqual(ExtractionCache(path: cachePath, identity: identity).counts.entriesRead, 37)

        let otherBuild = ExtractionCache(path: cachePath, identity: identity + 1)
        XCTAssertEqual(otherBuild.counts.entriesRead, 0, "another build's file is read as empty")
        _ = try load(folder.path, cache: otherBuild)
        XCTAssertEqual(otherBuild.counts.misses, 38)
    }

    func testAnotherBoilerplateOrASidecarIsNotTakenFromTheCache() throws {
        let folder = try makeCorpus()
        let cachePath = folder.path + ".cache"
        defer { unlink(cachePath) }
        let file = try FileWalker.walk([folder.path]).files.first { $0.path.hasSuffix("alpha.example/story01.txt") }!
        var options = LoadOptions()
        options.cache = ExtractionCache(path: cachePath, identity: identity)
        _ = ArticleLoader(options: options).loadOne(file, boilerplate: .none)
        options.cache?.save()

        let chrome = Boilerplate(lineHashes: [Boilerplate.hash("Home"), Boilerplate.hash("World")])
        options.cache = ExtractionCache(path: cachePath, identity: identity)
        let withChrome = ArticleLoader(options: options).loadOne(file, boilerplate: chrome)
        XCTAssertEqual(options.cache?.counts.misses, 1)
        XCTAssertEqual(withChrome.article, ArticleLoader().loadOne(file, boilerplate: chrome).article)

        try folder.write("alpha.example/story01.json", #"{"source": "Alpha Daily"}"#)
        let walkedAgain = try FileWalker.walk([folder.path]).files.first { $0.path.hasSuffix("alpha.example/story01.txt") }!
        options.cache = ExtractionCache(path: cachePath, identity: identity)
        let withSidecar = ArticleLoader(options: options).loadOne(walkedAgain, boilerplate: .none)
        XCTAssertEqual(options.cache?.counts.hits, 1)
        XCTAssertEqual(withSidecar.article?.article.source, "Alpha Daily")
        XCTAssertEqual(withSidecar.article?.article.sourceRule, .sidecarSource)
    }

    func testDamagedFilesAreMissesNeverErrors() throws {
        let folder = try makeCorpus()
        let cachePath = folder.path + ".cache"
        defer { unlink(cachePath) }
        let extracted = try load(folder.path, cache: nil)
        let saving = ExtractionCache(path: cachePath, identity: identity)
        _ = try load(folder.path, cache: saving)
        // The load saves in the background: the file is read (and below overwritten) by hand only once it is written.
        saving.waitUntilSaved()
        let good = try Data(contentsOf: URL(fileURLWithPath: cachePath))

        // A letter changed inside one record's text: that record fails its checksum, the others still hit.
        var flipped = good
        let word = Data("council".utf8)
        let place = try XCTUnwrap(flipped.range(of: word))
        flipped[place.lowerBound] = UInt8(ascii: "k")
        try flipped.write(to: URL(fileURLWithPath: cachePath))
        let oneBad = ExtractionCache(path: cachePath, identity: identity)
        assertSame(try load(folder.path, cache: oneBad), extracted)
        XCTAssertEqual(oneBad.counts.misses, 2, "the damaged record and the binary file")
        XCTAssertEqual(oneBad.counts.hits, 37)

        // Cut short anywhere, or a byte changed in the index or trailer: the whole file reads as empty.
        for damaged in [good.prefix(good.count / 2), good.prefix(good.count - 1), good.prefix(10), Data()]
            + [good.count - 30, good.count - 3].map({ var copy = good; copy[$0] ^= 1; return copy }) {
            try Data(damaged).write(to: URL(fileURLWithPath: cachePath))
            let cache = ExtractionCache(path: cachePath, identity: identity)
            XCTAssertEqual(cache.counts.entriesRead, 0)
            assertSame(try load(folder.path, cache: cache), extracted)
            cache.waitUntilSaved()
        }
    }

    func testRecordsRoundTripAndEveryCutRecordIsRejected() throws {
        let article = Article(
            id: ArticleID(absolutePath: "/news/a.txt"), path: "news/a.txt", source: "news",
            title: "Ünïcode “title” 東京", byline: "By Ann", section: nil, dateline: "KYIV", published: "2024-03-01",
            paragraphs: [Paragraph("First PARAGRAPH with Café.", kind: .body), Paragraph("A quote", kind: .quote),
                         Paragraph("Sub", kind: .subhead)],
            captions: ["A caption"], notices: ["truncated: kept the first 16 MB of 20 MB"], byteCount: 123)
        let record = CacheRecord(article: article, hostInText: nil, systemPath: Array("news/a.txt".utf8))
        let bytes = record.encoded()
        let decoded = bytes.withUnsafeBytes { CacheRecord(decoding: $0) }
        XCTAssertEqual(decoded, record)
        let rebuilt = decoded?.article(id: article.id, path: article.path, source: "news", sourceRule: .folder)
        XCTAssertEqual(rebuilt, article)
        XCTAssertEqual(rebuilt?.paragraphs, article.paragraphs)
        XCTAssertEqual(rebuilt?.markHash, article.markHash)
        for cut in 0..<bytes.count {
            XCTAssertNil(bytes.prefix(cut).withUnsafeBytes { CacheRecord(decoding: UnsafeRawBufferPointer($0)) }, "cut at \(cut)")
        }
        XCTAssertNil((bytes + [0]).withUnsafeBytes { CacheRecord(decoding: $0) }, "a byte left over")
    }

    func testTheReadersStreamingLoadUsesAndSavesTheCache() throws {
        let folder = try makeCorpus()
        let cachePath = folder.path + ".cache"
        defer { unlink(cachePath) }
        func streamed(_ cache: ExtractionCache) -> StoreSnapshot {
            var options = LoadOptions()
            options.cache = cache
            let store = ArticleStore(indexingForSearch: false)
            _ = ArticleLoader(options: options).load(walking: [FileWalker.Root(path: folder.path, isFolder: true)], into: store)
            return store.snapshot()
        }
        let first = ExtractionCache(path: cachePath, identity: identity)
        let extracted = streamed(first)
        XCTAssertTrue(first.counts.saved)
        let second = ExtractionCache(path: cachePath, identity: identity)
        assertSame(streamed(second), extracted)
        XCTAssertEqual(second.counts.hits, 38)
    }

    func testCacheFilesAreNamedPerSetOfPathsAndLiveInTheCacheFolder() {
        XCTAssertEqual(CacheLocation.defaultFolder(environment: ["XDG_CACHE_HOME": "/c", "HOME": "/h"]), "/c/byline")
        XCTAssertEqual(CacheLocation.defaultFolder(environment: ["XDG_CACHE_HOME": "rel", "HOME": "/h"]), "/h/.cache/byline")
        XCTAssertNil(CacheLocation.defaultFolder(environment: [:]))
        let one = CacheLocation.file(forRoots: ["/news"], in: "/c")
        XCTAssertEqual(one, CacheLocation.file(forRoots: ["/news/"], in: "/c"))
        XCTAssertEqual(one, CacheLocation.file(forRoots: ["/news/x/.."], in: "/c"))
        XCTAssertNotEqual(one, CacheLocation.file(forRoots: ["/news", "/blogs"], in: "/c"))
        XCTAssertTrue(one.hasPrefix("/c/") && one.hasSuffix(".cache"))
        XCTAssertNotEqual(CacheLocation.identity(maxArticleBytes: 1), CacheLocation.identity(maxArticleBytes: 2))
    }

    func testSavingRemovesDeadTemporariesAndCachesUnusedForAMonth() throws {
        let folder = try makeCorpus()
        let cacheFolder = folder.path + "-caches"
        try FileManager.default.createDirectory(atPath: cacheFolder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: cacheFolder) }
        for name in ["old.cache", "recent.cache", "x.cache.tmp-2147483000", "x.cache.tmp-\(getpid() == 1 ? 2 : 1)", "notes.txt"] {
            XCTAssertTrue(FileManager.default.createFile(atPath: cacheFolder + "/" + name, contents: Data("x".utf8)))
        }
        var longAgo = [timespec(tv_sec: time(nil) - 40 * 24 * 3600, tv_nsec: 0), timespec(tv_sec: time(nil) - 40 * 24 * 3600, tv_nsec: 0)]
        XCTAssertEqual(utimensat(AT_FDCWD, cacheFolder + "/old.cache", &longAgo, 0), 0)
        XCTAssertEqual(utimensat(AT_FDCWD, cacheFolder + "/notes.txt", &longAgo, 0), 0)
        let cache = ExtractionCache(path: cacheFolder + "/c.cache", identity: identity)
        _ = try load(folder.path, cache: cache)
        XCTAssertTrue(cache.counts.saved)
        let left = try FileManager.default.contentsOfDirectory(atPath: cacheFolder).sorted()
        XCTAssertEqual(left, ["c.cache", "notes.txt", "recent.cache", "x.cache.tmp-\(getpid() == 1 ? 2 : 1)"],
                       "no process has pid 2147483000; pid 1 (init) is alive")

        // A load that changes nothing rewrites nothing but marks the file as used.
        XCTAssertEqual(utimensat(AT_FDCWD, cacheFolder + "/c.cache", &longAgo, 0), 0)
        let again = ExtractionCache(path: cacheFolder + "/c.cache", identity: identity)
        _ = try load(folder.path, cache: again)
        XCTAssertFalse(again.counts.saved)
        var info = stat()
        XCTAssertEqual(stat(cacheFolder + "/c.cache", &info), 0)
        XCTAssertGreaterThan(Int(info.st_mtim.tv_sec), Int(time(nil)) - 3600)
    }

    func testTextPartsThatDoNotFitGiveWrongTextNeverACrash() {
        let text = ArticleText(title: "Title", paragraphs: [Paragraph("Käse CAFÉ in Zürich"), Paragraph("Second", kind: .quote)])
        XCTAssertEqual(text.paragraphs(), [Paragraph("Käse CAFÉ in Zürich"), Paragraph("Second", kind: .quote)])
        var random = SplitMix(seed: 11)
        for _ in 0..<2_000 {
            var patches = text.patches, lengths = text.paragraphLengths, folded = text.folded
            switch random.below(4) {
            case 0: patches = (0..<random.below(12)).map { _ in UInt8(truncatingIfNeeded: random.next()) }
            case 1: lengths = (0..<random.below(4)).map { _ in UInt32(truncatingIfNeeded: random.next()) }
            case 2: folded = Array(folded.prefix(random.below(folded.count + 1)))
            default: patches = patches.map { random.below(3) == 0 ? UInt8(truncatingIfNeeded: random.next()) : $0 }
            }
            let damaged = ArticleText(folded: folded, bodyStart: random.below(3) == 0 ? random.below(100) - 50 : text.bodyStart,
                                      patches: patches, paragraphLengths: lengths)
            _ = damaged.paragraphs()
            _ = damaged.originalBody()
        }
    }
}
