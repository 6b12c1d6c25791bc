import XCTest
@testable import BylineCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

final class ArticleLoaderTests: XCTestCase {
    private func load(_ paths: [String], options: LoadOptions = LoadOptions()) throws -> StoreSnapshot {
        let walk = try FileWalker.walk(paths)
        let store = ArticleStore()
        ArticleLoader(options: options).load(walk, into: store)
        return store.snapshot()
    }

    private func article(named name: String, in snapshot: StoreSnapshot) -> Article? {
        snapshot.articles.first { ($0.path as NSString).lastPathComponent == name }
    }

    // MARK: The bundled samples

    func testSamplesLoadWithTheirSources() throws {
        let snapshot = try load([PackagePaths.samples])

        XCTAssertTrue(snapshot.isComplete)
        XCTAssertEqual(snapshot.expected, 8)
        XCTAssertEqual(snapshot.articles.count, 8)
        XCTAssertEqual(snapshot.skipped, [])
        var counts: [String: Int] = [:]
        for article in snapshot.articles { counts[article.source, default: 0] += 1 }
        XCTAssertEqual(counts, [
            "harbourgazette.example": 3, "valleyledger.example": 2,
            "northlight-tribune.example": 2, "meridian-dispatch.example": 1,
        ])
        XCTAssertTrue(snapshot.articles.allSatisfy { $0.sourceRule == .folder })
        XCTAssertTrue(snapshot.articles.allSatisfy { $0.notices.isEmpty }, "\(snapshot.articles.map(\.notices))")
        XCTAssertEqual(Set(snapshot.articles.map(\.id)).count, 8, "article ids must be distinct")
    }

    /// The samples are the first thing a person sees: each must come out with a headline and a real body.
    func testEverySampleReadsAsAnArticle() throws {
        let snapshot = try load([PackagePaths.samples])
        for article in snapshot.articles {
            XCTAssertFalse(article.title.isEmpty, "no title for \(article.path)")
            XCTAssertGreaterThanOrEqual(article.words, 200, "short body for \(article.path)")
            for chrome in ["Recent Posts", "Connect with us", "13 minutes ago", "Subscribe"] {
                XCTAssertFalse(article.paragraphs.contains { $0.text == chrome }, "“\(chrome)” in the body of \(article.path)")
            }
        }
    }

    func testSampleHeadlinesAreFound() throws {
        let snapshot = try load([PackagePaths.samples])
        let titles = Dictionary(uniqueKeysWithValues: snapshot.articles.map { (($0.path as NSString).lastPathComponent, $0.title) })
        let expected = [
            "ferry-winter-timetable.txt": "Harbour Ferry Returns to Full Winter Timetable After Pier Repairs",
            "lighthouse-cafe-award.txt": "Café in Old Lighthouse Keeper’s Cottage Wins Regional Heritage Award",
            "junior-regatta.txt": "Junior Rowers Sweep the Estuary Regatta for the First Time in Thirty Years",
            "reservoir-levels.txt": "RESERVOIR LEVELS CLIMB AFTER WETTEST FEBRUARY IN TWO DECADES",
            "orchard-frost-nets.txt": "FROST NETS SAVE EARLY BLOSSOM IN UPPER VALLEY ORCHARDS",
            "zurich-trams.txt": "First of Aldmouth’s New Crosstown Trams Arrives From Zürich",
            "library-late-opening.txt": "Central Library to Stay Open Until Midnight Through Exam Season",
            "translation-festival.txt": "A Festival Where Every Poem Is Read Twice — Once in Each Language",
        ]
        XCTAssertEqual(Set(titles.keys), Set(expected.keys))
        for (name, title) in expected.sorted(by: { $0.key < $1.key }) {
            XCTAssertEqual(titles[name], title, "headline of \(name)")
        }
    }

    // MARK: Awkward files

    func testEmptyAndChromeOnlyFilesAreListedNotDropped() throws {
        let folder = try TemporaryFolder(self)
        try folder.write("site/empty.txt", "")
        try folder.write("site/blank.txt", "\n\n   \n")
        try folder.write("site/chrome-only.txt", "Connect with us\n\nWorld\n\nPublished\n\non\n\nRecent Posts\n\nSomething Else Happened\n\n13 minutes ago\n")

        let snapshot = try load([folder.path])

        XCTAssertEqual(snapshot.articles.count, 3)
        XCTAssertEqual(snapshot.skipped, [])
        XCTAssertEqual(article(named: "empty.txt", in: snapshot)?.displayTitle, "(empty)")
        XCTAssertEqual(article(named: "chrome-only.txt", in: snapshot)?.paragraphs, [])
        XCTAssertEqual(article(named: "chrome-only.txt", in: snapshot)?.displayTitle, "(no article text)")
    }

    func testBinaryFileIsSkippedAndNamed() throws {
        let folder = try TemporaryFolder(self)
        try folder.write("site/story.txt", "HEADLINE\n\nA short body that is real text.\n")
        let picture = try folder.write("site/picture.txt", bytes: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D] + Array("IHDR".utf8))

        let snapshot = try load([folder.path])

        XCTAssertEqual(snapshot.articles.map(\.path), [folder.path + "/site/story.txt"])
        XCTAssertEqual(snapshot.skipped, [SkippedPath(path: picture, reason: "binary file (NUL bytes)")])
    }

    func testUTF16FileIsReadWithANotice() throws {
        let folder = try TemporaryFolder(self)
        let text = "HEADLINE IN UTF-16\r\n\r\nA body written by an old Windows tool, with “quotes”.\r\n"
        try folder.write("site/wide.txt", bytes: [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })

        let snapshot = try load([folder.path])

        let article = try XCTUnwrap(snapshot.articles.first)
        XCTAssertEqual(article.notices, ["decoded as UTF-16"])
        XCTAssertTrue(article.body.contains("“quotes”"), article.body)
        XCTAssertFalse(article.body.contains("\r"))
    }

    func testEscapeSequencesNeverReachTheArticle() throws {
        let folder = try TemporaryFolder(self)
        try folder.write("site/hostile.txt", "\u{1B}]0;pwned\u{07}A HOSTILE \u{1B}[31mHEADLINE\u{1B}[0m\n\nBody \u{1B}]52;c;ZXZpbA==\u{07}with\u{202E} tricks\u{200B}. It goes on for a second sentence.\n")

        let snapshot = try load([folder.path])

        let article = try XCTUnwrap(snapshot.articles.first)
        let everything = article.title + article.body + article.metadataFields.joined()
        XCTAssertFalse(everything.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x202E || $0.value == 0x200B })
        XCTAssertEqual(article.title, "A HOSTILE HEADLINE")
        XCTAssertEqual(article.body, "Body with tricks. It goes on for a second sentence.")
    }

    func testFileDeletedAfterTheWalkIsSkippedWithTheReason() throws {
        let folder = try TemporaryFolder(self)
        try folder.write("site/kept.txt", "Kept.")
        let doomed = try folder.write("site/doomed.txt", "Gone soon.")
        let walk = try FileWalker.walk([folder.path])
        try FileManager.default.removeItem(atPath: doomed)

        let store = ArticleStore()
        ArticleLoader().load(walk, into: store)

        XCTAssertEqual(store.snapshot().articles.count, 1)
        XCTAssertEqual(store.snapshot().skipped, [SkippedPath(path: doomed, reason: "no such file or directory")])
    }

    func testTheSameFileGetsTheSameIDHoweverItIsReached() throws {
        let folder = try TemporaryFolder(self)
        try folder.write("corpus/site/a.txt", "HEADLINE\n\nBody.")
        let previous = FileManager.default.currentDirectoryPath
        _ = FileManager.default.changeCurrentDirectoryPath(folder.path)
        defer { _ = FileManager.default.changeCurrentDirectoryPath(previous) }

        let ids = try ["corpus", "corpus//", "./corpus/../corpus/site/a.txt", folder.path + "/corpus/site/a.txt"].map { path in
            try XCTUnwrap(load([path]).articles.first?.id)
        }

        XCTAssertEqual(Set(ids).count, 1, "\(ids)")
        XCTAssertEqual(ids.first, ArticleID(absolutePath: folder.path + "/corpus/site/a.txt"))
    }

    // MARK: Limits and parallelism

    func testCapTruncatesWithANoticeWithoutSplittingACharacter() throws {
        let folder = try TemporaryFolder(self)
        // 3-byte characters after an 11-byte start, so a 100-byte cap falls inside one.
        let long = "HEADLINE\n\nx" + String(repeating: "€", count: 100) + "\n\nTAIL PARAGRAPH\n"
        try folder.write("site/long.txt", long)
        var options = LoadOptions()
        options.maxArticleBytes = 100

        let snapshot = try load([folder.path], options: options)

        let article = try XCTUnwrap(snapshot.articles.first)
        XCTAssertEqual(article.notices, ["truncated: kept the first 100 bytes of \(long.utf8.count) bytes"])
        XCTAssertEqual(article.byteCount, long.utf8.count)
        XCTAssertFalse(article.body.contains("TAIL"))
        XCTAssertFalse(article.body.contains("\u{FFFD}"))
        // What extraction makes of the headline may change; the kept text must end at the last whole character.
        XCTAssertTrue(article.body.hasSuffix("x" + String(repeating: "€", count: 29)), article.body)
        XCTAssertFalse(article.body.contains(String(repeating: "€", count: 30)))
    }

    func testDefaultCapIsSixteenMegabytes() {
        XCTAssertEqual(LoadOptions().maxArticleBytes, 16 * 1024 * 1024)
        XCTAssertEqual(ArticleLoader.describe(bytes: 16 << 20), "16 MB")
        XCTAssertEqual(ArticleLoader.describe(bytes: 200 * 1_048_576 + 524_288), "200 MB")
        XCTAssertEqual(ArticleLoader.describe(bytes: 1_572_864), "1.5 MB")
        XCTAssertEqual(ArticleLoader.describe(bytes: 2048), "2 KB")
    }

    func testOneWorkerAndFourWorkersGiveTheSameStore() throws {
        let folder = try TemporaryFolder(self)
        for site in ["alpha.example", "beta.example", "gamma.example"] {
            for number in 1...7 {
                try folder.write("\(site)/\(number).txt", """
                    Connect with us

                    News

                    STORY \(number) FROM \(site.uppercased())

                    Story \(number) begins here with enough words to count as a paragraph of body text.

                    It ends here — “quoted” and done.

                    Recent Posts

                    Another story

                    13 minutes ago
                    """)
            }
        }
        try folder.write("loose.txt", "Loose file\n\nhttps://delta.example/x")
        try folder.write("beta.example/binary.txt", bytes: [0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0x00, 0x01])
        let paths = [folder.path, PackagePaths.samples]
        var oneWorker = LoadOptions()
        oneWorker.workers = 1
        oneWorker.batchSize = 5
        var fourWorkers = LoadOptions()
        fourWorkers.workers = 4
        fourWorkers.batchSize = 5

        let first = try load(paths, options: oneWorker)
        let second = try load(paths, options: fourWorkers)

        XCTAssertEqual(first.articles.count, 30)
        XCTAssertEqual(first.articles, second.articles)
        XCTAssertEqual(first.skipped, second.skipped)
        XCTAssertEqual(first.skipped.count, 1)
    }
    /// Grouping by runs of files in one folder gives the groups that keying every file on its own gives: loose
    /// files, two roots, a file given by name, and folder names that clean up the same (one group, two runs).
    func testGroupsBySourceAreThoseOfKeyingEveryFile() throws {
        let folder = try TemporaryFolder(self)
        let other = try TemporaryFolder(self)
        for name in ["alpha.example/a.txt", "alpha.example/2026/b.txt", "alpha.example/c.txt", "alpha.example\u{7}/d.txt",
                     "beta.example/e.txt", "loose.txt", "zeta/f.txt", "alpha.example\u{200B}/g.txt"] {
            try folder.write(name, "Headline\n\nBody text of \(name).")
        }
        try other.write("alpha.example/h.txt", "Other root")
        try other.write("loose.txt", "Loose in the other root")
        let files = try FileWalker.walk([folder.path, other.path, folder.path + "/zeta/f.txt"]).files
        var order: [String] = []
        var plain: [String: [DiscoveredFile]] = [:]
        for file in files {
            let key = file.root + "\u{0}" + SourceResolver.fromLayout(file).0
            if plain[key] == nil { order.append(key) }
            plain[key, default: []].append(file)
        }
        let grouped = ArticleLoader.groupsBySource(files)
        XCTAssertEqual(grouped, order.map { plain[$0]! })
        XCTAssertTrue(grouped.contains { $0.count == 5 }, "alpha.example and the names that clean up as it, in two runs")
    }
}

