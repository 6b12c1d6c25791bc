import XCTest
@testable import BylineCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

final class FileWalkerTests: XCTestCase {
    private func relativePaths(_ result: FileWalker.Result, under root: String) -> [String] {
        result.files.map { String($0.path.dropFirst(root.count)) }
    }

    func testFindsTextFilesRecursivelyAndIgnoresOtherKinds() throws {
        let folder = try TemporaryFolder(self)
        try folder.write("a.txt", "A")
        try folder.write("site.example/b.txt", "B")
        try folder.write("site.example/2026/c.txt", "C")
        try folder.write("site.example/notes.md", "not an article")
        try folder.write("site.example/image.png", "not an article")
        try folder.write("site.example/archive.txt.gz", "not an article")
        try folder.write("site.example/b.json", "{}")

        let result = try FileWalker.walk([folder.path])

        XCTAssertEqual(relativePaths(result, under: folder.path), ["/a.txt", "/site.example/2026/c.txt", "/site.example/b.txt"])
        XCTAssertEqual(result.files.map(\.folders), [[], ["site.example", "2026"], ["site.example"]])
        XCTAssertTrue(result.files.allSatisfy { $0.root == folder.path && !$0.givenByName })
        XCTAssertEqual(result.skipped, [])
    }

    /// A short directory record that ends right before an unreadable page (as the last record of `readdir`'s
    /// buffer can): its name is read without touching the page. Copying the whole `d_name` field crashed here.
    func testAnEntryNameIsReadOnlyUpToItsEnd() throws {
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        guard let memory = mmap(nil, 2 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0),
              memory != MAP_FAILED else { throw XCTSkip("mmap failed") }
        defer { munmap(memory, 2 * page) }
        XCTAssertEqual(mprotect(memory + page, page, PROT_NONE), 0)
        let nameOffset = MemoryLayout<dirent>.offset(of: \dirent.d_name)!
        // A name whose zero is the last readable byte, with the record 8-byte aligned as readdir's are.
        let length = (page - nameOffset) % 8 + 8
        let name = [UInt8](repeating: UInt8(ascii: "k"), count: length - 1) + [0]
        let record = memory + page - nameOffset - name.count
        (record + nameOffset).copyMemory(from: name, byteCount: name.count)
        let entry = record.assumingMemoryBound(to: dirent.self)
        XCTAssertEqual(Int(bitPattern: record) % 8, 0)
        XCTAssertEqual(FileWalker.entryName(entry), Array(name.dropLast()))
    }

    func testSkipsHiddenFilesAndFolders() throws {
        let folder = try TemporaryFolder(self)
        try folder.write("visible.txt", "yes")
        try folder.write(".hidden.txt", "no")
        try folder.write(".git/objects/x.txt", "no")
        try folder.write("site/.cache/y.txt", "no")
        try folder.write("site/z.txt", "yes")

        let result = try FileWalker.walk([folder.path])

        XCTAssertEqual(relativePaths(result, under: folder.path), ["/site/z.txt", "/visible.txt"])
    }

    func testSymlinkLoopVisitsEachRealFolderOnce() throws {
        let folder = try TemporaryFolder(self)
        try folder.write("site/a.txt", "A")
        try folder.write("site/inner/b.txt", "B")
        try folder.link("site/inner/back-to-site", to: "..")
        try folder.link("site/self", to: ".")

        let result = try FileWalker.walk([folder.path])

        XCTAssertEqual(relativePaths(result, under: folder.path), ["/site/a.txt", "/site/inner/b.txt"])
    }

    func testBrokenLinkIsNamedAsSkipped() throws {
        let folder = try TemporaryFolder(self)
        try folder.write("good.txt", "G")
        try folder.link("gone.txt", to: "nowhere/missing.txt")
        try folder.link("gone-folder", to: "nowhere")

        let result = try FileWalker.walk([folder.path])

        XCTAssertEqual(relativePaths(result, under: folder.path), ["/good.txt"])
        XCTAssertEqual(result.skipped, [SkippedPath(path: folder.path + "/gone.txt", reason: "broken link")])
    }

    func testLinkedFileIsFound() throws {
        let folder = try TemporaryFolder(self)
        try folder.write("elsewhere/real.md", "R")
        try folder.link("linked.txt", to: "elsewhere/real.md")

        let result = try FileWalker.walk([folder.path])

        XCTAssertEqual(relativePaths(result, under: folder.path), ["/linked.txt"])
    }

    func testAwkwardNamesArePrintedAndStillOpen() throws {
        let folder = try TemporaryFolder(self)
        try folder.write("with space/an article.txt", "spaces")
        try folder.write("line\nbreak.txt", "newline")
        try folder.write(inFolder: "latin1", rawName: Array("caf".utf8) + [0xE9] + Array(".txt".utf8), "invalid UTF-8 name")

        let result = try FileWalker.walk([folder.path])

        XCTAssertEqual(relativePaths(result, under: folder.path), [
            "/latin1/caf\\xE9.txt", "/line\nbreak.txt", "/with space/an article.txt",
        ])
        let loader = ArticleLoader()
        let texts = result.files.map { file -> String? in
            guard case .success(let loaded) = loader.readText(file) else { return nil }
            return loaded.text
        }
        XCTAssertEqual(texts, ["invalid UTF-8 name", "newline", "spaces"])
    }

    func testEscapedNameKeepsValidPartsAndEscapesTheRest() {
        XCTAssertEqual(FileWalker.escapedName(Array("Zürich.txt".utf8)), "Zürich.txt")
        XCTAssertEqual(FileWalker.escapedName([0x61, 0xFF, 0xC3, 0xA9, 0xC3]), "a\\xFFé\\xC3")
    }

    func testMissingPathIsAnError() throws {
        let folder = try TemporaryFolder(self)
        let missing = folder.path + "/nope"
        XCTAssertThrowsError(try FileWalker.walk([folder.path, missing])) { error in
            XCTAssertEqual(error as? PathError, .noSuchPath(missing))
            XCTAssertEqual((error as? PathError)?.description, "no such file or directory: \(missing)")
        }
    }

    func testFileOfAnotherKindIsRefused() throws {
        let folder = try TemporaryFolder(self)
        let picture = try folder.write("picture.png", "PNG")
        XCTAssertThrowsError(try FileWalker.walk([picture])) { error in
            XCTAssertEqual(error as? PathError, .notAnArticleFile(picture))
        }
    }

    func testFileGivenByNameKeepsItsPathAsGiven() throws {
        let folder = try TemporaryFolder(self)
        try folder.write("site/a.txt", "A")
        let given = folder.path + "/site/../site/a.txt"

        let result = try FileWalker.walk([given])

        XCTAssertEqual(result.files, [DiscoveredFile(path: given, root: given, folders: [], givenByName: true)])
    }

    func testPathsArePrintedAsFindWould() throws {
        let folder = try TemporaryFolder(self)
        try folder.write("corpus/site.example/a.txt", "A")
        try folder.write("corpus/b.txt", "B")
        let previous = FileManager.default.currentDirectoryPath
        _ = FileManager.default.changeCurrentDirectoryPath(folder.path)
        defer { _ = FileManager.default.changeCurrentDirectoryPath(previous) }

        XCTAssertEqual(try FileWalker.walk(["corpus"]).files.map(\.path), ["corpus/b.txt", "corpus/site.example/a.txt"])
        XCTAssertEqual(try FileWalker.walk(["corpus/"]).files.map(\.path), ["corpus/b.txt", "corpus/site.example/a.txt"])
        XCTAssertEqual(try FileWalker.walk(["./corpus"]).files.map(\.path), ["./corpus/b.txt", "./corpus/site.example/a.txt"])
        XCTAssertEqual(try FileWalker.walk(["corpus//"]).files.map(\.path), ["corpus//b.txt", "corpus//site.example/a.txt"])
        XCTAssertEqual(try FileWalker.walk(["corpus/b.txt"]).files.map(\.path), ["corpus/b.txt"])
        for given in ["corpus", "corpus/", "./corpus", "corpus//", folder.path + "/corpus/"] {
            XCTAssertEqual(try FileWalker.walk([given]).files.map(\.path).sorted(), try findOutput(given), "for \(given)")
        }
    }

    /// What `find GIVEN -name '*.txt' -type f` prints, sorted (find itself prints in directory order).
    private func findOutput(_ given: String) throws -> [String] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/find")
        process.arguments = [given, "-name", "*.txt", "-type", "f"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: output, as: UTF8.self).split(separator: "\n").map(String.init).sorted()
    }
    /// A folder large enough to be `stat`ed on several threads gives what `stat` of each full path gives, in
    /// byte order, with its broken links, links, folders and other files told apart as in a small folder.
    func testALargeFolderIsListedAsEveryPathStatedOnItsOwnWouldBe() throws {
        let folder = try TemporaryFolder(self)
        var expected: [String] = []
        for number in 0..<700 {
            let name = "big/" + String(format: "%04d", (number * 7919) % 700) + (number % 3 == 0 ? "é" : "") + ".txt"
            try folder.write(name, "text \(number)")
            expected.append("/" + name)
        }
        try folder.write("big/aa-sub/inner.txt", "inner")
        try folder.write("big/notes.md", "not an article")
        try folder.link("big/0000-gone.txt", to: "nowhere.txt")
        try folder.link("big/0001-linked.txt", to: "notes.md")
        expected += ["/big/0001-linked.txt", "/big/aa-sub/inner.txt"]
        let result = try FileWalker.walk([folder.path])
        let plainOrder = expected.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        XCTAssertEqual(relativePaths(result, under: folder.path), plainOrder)
        XCTAssertEqual(result.skipped, [SkippedPath(path: folder.path + "/big/0000-gone.txt", reason: "broken link")])
        for file in result.files {
            XCTAssertEqual(file.stamp, FileStamp.of(file.systemPath), file.path)
        }
    }
}

