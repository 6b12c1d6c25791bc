import XCTest
@testable import BylineCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Issue 7, files: whatever a folder holds, loading keeps going, keeps what it can and names what it skipped.
final class HostileFilesTests: XCTestCase {
    private func load(_ paths: [String], options: LoadOptions = LoadOptions()) throws -> StoreSnapshot {
        let walk = try FileWalker.walk(paths)
        let store = ArticleStore()
        ArticleLoader(options: options).load(walk, into: store)
        return store.snapshot()
    }

    private func article(_ name: String, in snapshot: StoreSnapshot, file: StaticString = #filePath, line: UInt = #line) throws -> Article {
        try XCTUnwrap(snapshot.articles.first { ($0.path as NSString).lastPathComponent == name }, "no article \(name)", file: file, line: line)
    }

    private static let story = "Harbour Ferry Keeps Its Late Sailing\n\n" + [
        "The harbour board voted on Tuesday to keep the late ferry running through the winter months, reversing a plan announced in the autumn.",
        "Residents had warned that shift workers at the hospital and the fish plant would be stranded on the mainland without the 21:40 sailing.",
        "The chair of the board said the decision followed a petition signed by more than two thousand people over three weeks.",
        "The operator will publish the new timetable next month, and fares will stay at their current level until the spring.",
    ].joined(separator: "\n\n") + "\n"

    // MARK: Encodings and line ends

    func testEveryEncodingIsReadWithTheRightNotice() throws {
        let folder = try TemporaryFolder(self)
        let story = Self.story
        try folder.write("invalid/invalid.txt", bytes: Array("Harbour Ferry Keeps Its Late Sailing\n\nThe café board in Ålesund met ".utf8) + [0xC3, 0x28, 0xF0, 0x28] + Array(" on Tuesday to keep the late ferry running through the winter months.\n".utf8))
        try folder.write("cp1252/cp1252.txt", bytes: Array("Harbour Ferry Keeps Its Late Sailing\n\nThe chair said ".utf8) + [0x93] + Array("we heard the island".utf8) + [0x94, 0x20, 0x96] + Array(" and the caf".utf8) + [0xE9] + Array(" owners agreed with the whole board on Tuesday.\n".utf8))
        try folder.write("utf16le/utf16le.txt", bytes: [0xFF, 0xFE] + Array(story.utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        try folder.write("utf16be/utf16be.txt", bytes: [0xFE, 0xFF] + Array(story.utf16).flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] })
        try folder.write("bom/bom.txt", bytes: [0xEF, 0xBB, 0xBF] + Array(story.utf8))
        try folder.write("crlf/crlf.txt", story.replacingOccurrences(of: "\n", with: "\r\n"))
        try folder.write("lone-cr/lone-cr.txt", story.replacingOccurrences(of: "\n", with: "\r"))

        // One folder each: files sharing a folder share boilerplate detection, and these share every line.
        let snapshot = try load([folder.path])

        XCTAssertEqual(snapshot.skipped, [])
        XCTAssertEqual(snapshot.articles.count, 7)
        let invalid = try article("invalid.txt", in: snapshot)
        XCTAssertTrue(invalid.body.contains("met \u{FFFD}(\u{FFFD}( on Tuesday"), invalid.body)
        XCTAssertEqual(invalid.notices, ["invalid UTF-8 replaced with �"])
        let cp1252 = try article("cp1252.txt", in: snapshot)
        XCTAssertTrue(cp1252.body.contains("said “we heard the island” – and the café owners"), cp1252.body)
        XCTAssertEqual(cp1252.notices, ["decoded as Windows-1252"])
        let clean = try article("bom.txt", in: snapshot)
        XCTAssertEqual(clean.title, "Harbour Ferry Keeps Its Late Sailing")
        XCTAssertEqual(clean.notices, [])
        XCTAssertEqual(clean.paragraphs.count, 4, clean.body)
        for name in ["utf16le.txt", "utf16be.txt", "crlf.txt", "lone-cr.txt"] {
            let other = try article(name, in: snapshot)
            XCTAssertEqual(other.title, clean.title, name)
            XCTAssertEqual(other.paragraphs, clean.paragraphs, name)
            XCTAssertFalse((other.title + other.body).unicodeScalars.contains { $0 == "\r" || $0 == "\u{FEFF}" || $0 == "\u{0}" }, name)
        }
        XCTAssertEqual(try article("utf16le.txt", in: snapshot).notices, ["decoded as UTF-16"])
        XCTAssertEqual(try article("crlf.txt", in: snapshot).notices, [])
    }

    // MARK: Binary, empty and chrome-only files

    func testBinaryFilesAreSkippedCountedAndNamed() throws {
        let folder = try TemporaryFolder(self)
        try folder.write("site/story.txt", Self.story)
        // A real PNG's first bytes: signature, then the IHDR chunk whose length field holds NUL bytes.
        let png = try folder.write("site/photo.txt", bytes: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 0x10, 0, 0, 0, 0x10, 8, 6, 0, 0, 0])
        let nul = try folder.write("site/nul-in-text.txt", bytes: Array("Looks like text".utf8) + [0] + Array("but is not".utf8))
        try folder.write("site/empty.txt", "")
        try folder.write("site/chrome.txt", "Connect with us\n\nWorld\n\nPublished\n\non\n\nRecent Posts\n\nSomething Else Happened\n\n13 minutes ago\n")

        let snapshot = try load([folder.path])

        XCTAssertEqual(snapshot.skipped.count, 2)
        XCTAssertEqual(Set(snapshot.skipped), [
            SkippedPath(path: png, reason: "binary file (NUL bytes)"), SkippedPath(path: nul, reason: "binary file (NUL bytes)"),
        ])
        XCTAssertEqual(snapshot.articles.count, 3)
        XCTAssertEqual(try article("empty.txt", in: snapshot).displayTitle, "(empty)")
        XCTAssertEqual(try article("chrome.txt", in: snapshot).paragraphs, [])
        XCTAssertEqual(try article("chrome.txt", in: snapshot).displayTitle, "(no article text)")
    }

    // MARK: Huge files

    /// A 200 MB file of one line: only the cap is read, the rest never enters memory.
    func testTwoHundredMegabyteLineIsCappedAndMemoryStaysBounded() throws {
        let folder = try TemporaryFolder(self)
        let path = folder.path + "/site/huge.txt"
        try folder.makeFolder("site")
        let chunk = Array(String(repeating: "the ferry ran late again ", count: 41_943).utf8)  // ~1 MB, no line break
        let stream = try XCTUnwrap(fopen(path, "wb"))
        for _ in 0..<200 { _ = chunk.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, stream) } }
        fclose(stream)
        let size = chunk.count * 200
        XCTAssertGreaterThan(size, 200_000_000)
        let file = DiscoveredFile(path: path, root: folder.path, folders: ["site"], givenByName: false)
        let cap = 4 << 20

        // The reader stops at the cap plus one byte, whatever the file's size.
        let read = try FileReader.read(file.systemPath, limit: cap).get()
        XCTAssertEqual(read.bytes.count, cap + 1)
        XCTAssertEqual(read.fileSize, size)

        let before = Self.peakResidentBytes()
        var options = LoadOptions()
        options.maxArticleBytes = cap
        let outcome = ArticleLoader(options: options).loadOne(file)
        let article = try XCTUnwrap(outcome.article?.article)
        XCTAssertEqual(article.notices, ["truncated: kept the first 4 MB of \(ArticleLoader.describe(bytes: size))"])
        XCTAssertEqual(article.byteCount, size)
        XCTAssertLessThanOrEqual(article.body.utf8.count, cap)
        // Reading the whole file would add at least 200 MB; copies of the capped text stay far below.
        let grown = Self.peakResidentBytes() - before
        XCTAssertLessThan(grown, 150 << 20, "peak memory grew by \(grown >> 20) MB for a 4 MB cap")
    }

    /// One 10 MB word (no space, no line break) under the default cap: kept whole, in one paragraph.
    func testTenMegabyteWordIsKeptWhole() throws {
        let folder = try TemporaryFolder(self)
        let word = String(repeating: "abcdefghij", count: 1_048_576)
        try folder.write("site/word.txt", "HEADLINE OF A VERY LONG WORD\n\n" + word + "\n")

        let snapshot = try load([folder.path])

        let article = try XCTUnwrap(snapshot.articles.first)
        XCTAssertEqual(article.notices, [])
        XCTAssertEqual(article.words, 1 + 0, "the body is one word")
        XCTAssertEqual(article.body.utf8.count, word.utf8.count)
    }

    func testCapIsConfigurableThroughTheEnvironment() {
        XCTAssertEqual(ArticleSizeLimit.configured(environment: [:]), 16 << 20)
        XCTAssertEqual(ArticleSizeLimit.configured(environment: ["BYLINE_MAX_ARTICLE_SIZE": "2M"]), 2 << 20)
        XCTAssertNil(ArticleSizeLimit.configured(environment: ["BYLINE_MAX_ARTICLE_SIZE": "lots"]))
        XCTAssertEqual(ArticleSizeLimit.parse("512k"), 512 << 10)
        XCTAssertEqual(ArticleSizeLimit.parse("16MB"), 16 << 20)
        XCTAssertEqual(ArticleSizeLimit.parse("512M"), 512 << 20)
        XCTAssertNil(ArticleSizeLimit.parse("513M"), "above the largest cap")
        XCTAssertNil(ArticleSizeLimit.parse("1G"), "above the largest cap")
        XCTAssertEqual(ArticleSizeLimit.parse(" 1000000 "), 1_000_000)
        for bad in ["", "0", "-5", "M", "12Q", "1.5M", "99999999999999999999", "9999999999999G", "٣M"] {
            XCTAssertNil(ArticleSizeLimit.parse(bad), bad)
        }
    }

    // MARK: Folders

    func testSymlinkLoopsAndRepeatedLinksVisitEachRealFolderOnce() throws {
        let folder = try TemporaryFolder(self)
        try folder.write("root/site/a.txt", Self.story)
        try folder.write("root/site/deeper/b.txt", Self.story)
        try folder.link("root/site/deeper/up", to: "..")
        try folder.link("root/site/deeper/top", to: folder.path + "/root")
        try folder.link("root/again", to: "site")
        try folder.link("root/self", to: ".")

        let snapshot = try load([folder.path + "/root"])

        XCTAssertEqual(snapshot.articles.count, 2, snapshot.articles.map(\.path).joined(separator: "\n"))
        XCTAssertEqual(snapshot.skipped, [])
    }

    /// Root ignores permission bits, so this test drops to `nobody` for the walk and load, then comes back.
    func testUnreadableFilesAndFoldersAreSkippedWithTheReason() throws {
        let folder = try TemporaryFolder(self)
        try folder.write("site/open.txt", Self.story)
        let lockedFile = try folder.write("site/locked.txt", Self.story)
        try folder.write("site/locked-folder/inside.txt", Self.story)
        try folder.setPermissions("site/locked.txt", 0)
        try folder.setPermissions("site/locked-folder", 0)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.path)

        let snapshot: StoreSnapshot
        if geteuid() == 0 {
            let nobody: uid_t = 65534
            guard setegid(nobody) == 0, seteuid(nobody) == 0 else { throw XCTSkip("cannot switch to the nobody user") }
            defer { _ = seteuid(0); _ = setegid(0) }
            snapshot = try load([folder.path])
        } else {
            snapshot = try load([folder.path])
        }

        XCTAssertEqual(snapshot.articles.map { ($0.path as NSString).lastPathComponent }, ["open.txt"])
        XCTAssertEqual(Set(snapshot.skipped), [
            SkippedPath(path: lockedFile, reason: "permission denied"),
            SkippedPath(path: folder.path + "/site/locked-folder", reason: "permission denied"),
        ])
    }

    func testFilesChangedBetweenTheWalkAndTheLoad() throws {
        let folder = try TemporaryFolder(self)
        let deleted = try folder.write("site/deleted.txt", Self.story)
        let truncated = try folder.write("site/truncated.txt", Self.story)
        let grown = try folder.write("site/grown.txt", "SHORT\n")
        let replaced = try folder.write("site/replaced.txt", Self.story)
        let walk = try FileWalker.walk([folder.path])

        try FileManager.default.removeItem(atPath: deleted)
        XCTAssertEqual(truncate(truncated, 0), 0)
        try Data((Self.story + String(repeating: "More words about the harbour. ", count: 2000)).utf8).write(to: URL(fileURLWithPath: grown))
        try FileManager.default.removeItem(atPath: replaced)
        XCTAssertEqual(mkfifo(replaced, 0o644), 0, "a FIFO where the file was: opening it must not block")
        let store = ArticleStore()
        var options = LoadOptions()
        options.maxArticleBytes = 10_000
        ArticleLoader(options: options).load(walk, into: store)
        let snapshot = store.snapshot()

        XCTAssertEqual(Set(snapshot.skipped), [
            SkippedPath(path: deleted, reason: "no such file or directory"),
            SkippedPath(path: replaced, reason: "not a regular file"),
        ])
        XCTAssertEqual(try article("truncated.txt", in: snapshot).displayTitle, "(empty)")
        let grownArticle = try article("grown.txt", in: snapshot)
        XCTAssertEqual(grownArticle.notices.first?.hasPrefix("truncated: kept the first 9.7 KB"), true, "\(grownArticle.notices)")
    }

    /// 100,000 files in one folder (about 30 s in a debug build).
    func testHundredThousandFilesInOneFolder() throws {
        let folder = try TemporaryFolder(self)
        try folder.makeFolder("flat.example")
        let count = 100_000
        for index in 0..<count {
            let text = "STORY NUMBER \(index)\n\nA short body for story \(index), long enough to be a paragraph of text.\n"
            let stream = try XCTUnwrap(fopen(folder.path + "/flat.example/\(index).txt", "wb"))
            _ = text.withCString { fputs($0, stream) }
            fclose(stream)
        }

        let snapshot = try load([folder.path])

        XCTAssertEqual(snapshot.articles.count, count)
        XCTAssertEqual(snapshot.skipped, [])
        XCTAssertEqual(Set(snapshot.articles.map(\.id)).count, count)
    }

    func testAwkwardNamesLoadAndKeepAPrintablePath() throws {
        let folder = try TemporaryFolder(self)
        try folder.write("site with spaces/a story.txt", Self.story)
        try folder.write(inFolder: "site", rawName: Array("line\nbreak.txt".utf8), Self.story)
        try folder.write(inFolder: "other", rawName: Array("bad".utf8) + [0xFF, 0xFE] + Array(".txt".utf8), Self.story)
        try folder.write(inFolder: "third", rawName: Array("\u{1B}[31mred\u{1B}]0;title\u{07}.txt".utf8), Self.story)

        let snapshot = try load([folder.path])

        XCTAssertEqual(snapshot.skipped, [])
        XCTAssertEqual(snapshot.articles.count, 4)
        let paths = Set(snapshot.articles.map { String($0.path.dropFirst(folder.path.count)) })
        XCTAssertEqual(paths, ["/site with spaces/a story.txt", "/site/line\nbreak.txt", "/other/bad\\xFF\\xFE.txt",
                               "/third/\u{1B}[31mred\u{1B}]0;title\u{07}.txt"])
        XCTAssertTrue(snapshot.articles.allSatisfy { $0.title == "Harbour Ferry Keeps Its Late Sailing" })
    }

    func testOtherFileNamesAndKindsAreIgnoredOrRefused() throws {
        let folder = try TemporaryFolder(self)
        try folder.write("site/story.txt", Self.story)
        try folder.write("site/story.html", Self.story)
        try folder.write("site/story.TXT.bak", Self.story)
        try folder.write("site/.hidden.txt", Self.story)
        XCTAssertEqual(mkfifo(folder.path + "/site/pipe.txt", 0o644), 0)

        let snapshot = try load([folder.path])
        XCTAssertEqual(snapshot.articles.map { ($0.path as NSString).lastPathComponent }, ["story.txt"])
        XCTAssertEqual(snapshot.skipped, [])

        // Named directly, a FIFO or a device is refused before any work starts, never opened.
        XCTAssertThrowsError(try FileWalker.walk([folder.path + "/site/pipe.txt"])) { error in
            XCTAssertEqual(error as? PathError, .notARegularFile(folder.path + "/site/pipe.txt", kind: "a named pipe"))
            XCTAssertEqual((error as? PathError)?.description, "not a regular file (a named pipe): \(folder.path)/site/pipe.txt")
        }
        XCTAssertThrowsError(try FileWalker.walk(["/dev/null"])) { error in
            XCTAssertEqual(error as? PathError, .notAnArticleFile("/dev/null"))
        }
    }

    /// The most this process has ever had resident (Linux reports kilobytes).
    private static func peakResidentBytes() -> Int {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        return Int(usage.ru_maxrss) * 1024
    }
}
