import Foundation
import XCTest

/// The script-facing commands, run as a separate process exactly as a person or script would.
final class CommandLineTests: XCTestCase {
    private func byline(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:]) throws -> CommandLineRun {
        try CommandLineRun(try BuiltProduct.byline(), arguments, in: directory, environment: environment)
    }

    private func json(_ line: String) throws -> [String: Any] {
        try XCTUnwrap(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    }

    func testListPrintsIdSourceTitle() throws {
        let folder = try ArticleFolder.three()
        defer { folder.remove() }
        let run = try byline(["list", folder.url.path])
        XCTAssertEqual(run.status, 0, run.errors)
        XCTAssertEqual(run.lines.count, 3)
        let fields = run.lines[0].split(separator: "\t").map(String.init)
        XCTAssertEqual(fields.count, 3)
        XCTAssertEqual(fields[0].count, 12)
        XCTAssertEqual(fields[1], "north.example")
        XCTAssertEqual(fields[2], "Alpha Harbour Reopens After Storm Repairs")
    }

    func testASecondListReadsTheExtractionCacheAndNoCacheLeavesNone() throws {
        let folder = try ArticleFolder.three()
        let cacheHome = folder.url.path + "-cache-home"
        defer {
            folder.remove()
            try? FileManager.default.removeItem(atPath: cacheHome)
            try? FileManager.default.removeItem(atPath: cacheHome + "-other")
        }
        let uncached = try byline(["list", "--json", "--no-cache", folder.url.path], environment: ["XDG_CACHE_HOME": cacheHome])
        XCTAssertEqual(uncached.status, 0, uncached.errors)
        XCTAssertFalse(FileManager.default.fileExists(atPath: cacheHome), "--no-cache writes nothing")

        let first = try byline(["list", "--json", folder.url.path], environment: ["XDG_CACHE_HOME": cacheHome])
        let caches = try FileManager.default.contentsOfDirectory(atPath: cacheHome + "/byline")
        XCTAssertEqual(caches.count, 1)
        XCTAssertTrue(caches[0].hasSuffix(".cache"))
        let again = try byline(["list", "--json", "--verbose", folder.url.path], environment: ["XDG_CACHE_HOME": cacheHome])
        XCTAssertTrue(again.errors.contains(": 3 read back, 0 read and extracted"), again.errors)
        XCTAssertEqual(first.output, uncached.output)
        XCTAssertEqual(again.output, uncached.output)
        let id = try XCTUnwrap(try json(first.lines[0])["id"] as? String)
        let shown = try byline(["show", "--json", id, folder.url.path], environment: ["XDG_CACHE_HOME": cacheHome])
        let shownUncached = try byline(["show", "--json", id, folder.url.path], environment: ["XDG_CACHE_HOME": cacheHome + "-other"])
        XCTAssertEqual(shown.status, 0, shown.errors)
        XCTAssertEqual(shown.output, shownUncached.output, "the body read back from the cache")
    }

    func testListJSONHasEveryField() throws {
        let folder = try ArticleFolder.three()
        defer { folder.remove() }
        let run = try byline(["list", "--json", folder.url.path])
        let object = try json(run.lines[0])
        for key in ["id", "path", "source", "title", "byline", "section", "dateline", "published", "words"] {
            XCTAssertTrue(object.keys.contains(key), "missing \(key) in \(object)")
        }
        XCTAssertEqual(object["path"] as? String, folder.url.path + "/north.example/a.txt")
    }

    func testFiltersAndOrderMatchTheReader() throws {
        let folder = try ArticleFolder.three()
        defer { folder.remove() }
        let bySource = try byline(["list", "--source", "south.example", folder.url.path])
        XCTAssertEqual(bySource.lines.count, 1)
        XCTAssertTrue(bySource.output.contains("Charlie Market"))
        let search = try byline(["list", "--search", "COUNCIL", folder.url.path])
        XCTAssertEqual(search.lines.count, 1)
        let byTitle = try byline(["list", "--sort", "title", folder.url.path])
        XCTAssertEqual(byTitle.lines.map { $0.split(separator: "\t")[2] }, ["Alpha Harbour Reopens After Storm Repairs", "Bravo Council Approves Night Ferry", "Charlie Market Returns To The Square"])
        let bad = try byline(["list", "--sort", "colour", folder.url.path])
        XCTAssertEqual(bad.status, 2)
    }

    func testShowByFileAndById() throws {
        let folder = try ArticleFolder.three()
        defer { folder.remove() }
        let file = folder.url.appendingPathComponent("south.example/c.txt").path
        let plain = try byline(["show", file])
        XCTAssertEqual(plain.status, 0, plain.errors)
        XCTAssertTrue(plain.output.hasPrefix("Charlie Market Returns To The Square\n"), plain.output)
        XCTAssertTrue(plain.output.contains("\n\nThe market came back on Wednesday."), plain.output)
        let id = try byline(["list", folder.url.path]).lines[0].split(separator: "\t")[0]
        let byID = try byline(["show", "--json", String(id), folder.url.path])
        let object = try json(byID.lines[0])
        XCTAssertEqual(object["title"] as? String, "Alpha Harbour Reopens After Storm Repairs")
        XCTAssertNotNil(object["body"] as? String)
    }

    func testExtractWritesPathsAsFindWould() throws {
        let folder = try ArticleFolder.three()
        defer { folder.remove() }
        let parent = folder.url.deletingLastPathComponent()
        let name = folder.url.lastPathComponent
        let run = try byline(["extract", "--json", name, "\(name)/south.example/c.txt"], in: parent)
        let paths = try run.lines.map { try json($0)["path"] as? String }
        XCTAssertEqual(Set(paths.compactMap { $0 }), ["\(name)/north.example/a.txt", "\(name)/north.example/b.txt", "\(name)/south.example/c.txt"])
    }

    func testSourcesCountsArticles() throws {
        let folder = try ArticleFolder.three()
        defer { folder.remove() }
        let run = try byline(["sources", folder.url.path])
        XCTAssertEqual(run.lines, ["2\tnorth.example", "1\tsouth.example"])
    }

    func testMissingPathIsAUsageErrorWithOneClearMessage() throws {
        let run = try byline(["list", "/no/such/folder"])
        XCTAssertEqual(run.status, 2)
        XCTAssertEqual(run.errors, "byline: no such file or directory: /no/such/folder\n")
    }

    func testUnknownOptionExits2() throws {
        XCTAssertEqual(try byline(["list", "--frobnicate"]).status, 2)
    }

    func testHelpEverywhere() throws {
        for command in [[], ["list"], ["show"], ["extract"], ["sources"]] {
            let run = try byline(command + ["--help"])
            XCTAssertEqual(run.status, 0, "\(command)")
            XCTAssertTrue(run.output.contains("USAGE"), "\(command): \(run.output)")
        }
    }

    func testMaxArticleSizeCapsTheTextKeptWithANotice() throws {
        let folder = try ArticleFolder.three()
        defer { folder.remove() }
        let run = try byline(["list", "--verbose", "--max-article-size", "1K", folder.url.path])
        XCTAssertEqual(run.status, 0, run.errors)
        XCTAssertTrue(run.errors.contains("truncated: kept the first 1 KB"), run.errors)
        XCTAssertEqual(try byline(["list", "--max-article-size", "lots", folder.url.path]).status, 2)
    }

    func testNothingToShowExits1() throws {
        let folder = try ArticleFolder(["empty/.keep": ""])
        defer { folder.remove() }
        XCTAssertEqual(try byline(["list", folder.url.path]).status, 1)
    }
}
