import XCTest
@testable import BylineCore

/// Path components are cut at "/" characters: by bytes for ASCII paths, by `Character` otherwise, alike.
final class PathTextTests: XCTestCase {
    func testComponentsAgreeWithTheCharacterSplit() {
        let paths = [
            "/", "//", "/a", "/a/", "//a//b///c/", "/data/sites/../news/./a.txt", "/../a", "/a/b/../../..",
            "/ünï/cödé/ä.txt", "/a/\u{301}b/c", "/a/b\u{301}/", "/日本/記事.txt", "/a\r\n/b", "/x/./../y/.",
        ]
        for path in paths {
            var expected: [Substring] = []
            for component in path.split(separator: "/") {
                if component == "." { continue }
                if component == ".." { _ = expected.popLast(); continue }
                expected.append(component)
            }
            XCTAssertEqual(PathText.normalizedComponents(path), expected, path.debugDescription)
        }
        XCTAssertEqual(PathText.absoluteNormalized("/data/sites/../news/./a.txt"), "/data/news/a.txt")
        XCTAssertEqual(PathText.absoluteNormalized("/a/\u{301}b"), "/a/\u{301}b")
    }

    func testRelativePathsStartAtTheCurrentFolder() {
        let folder = FileManager.default.currentDirectoryPath
        XCTAssertEqual(PathText.absoluteNormalized("x/../y.txt"), PathText.absoluteNormalized(folder + "/y.txt"))
    }
    /// The shortcut for paths that are normal already gives what cutting them up and joining them gives.
    func testPathsKeptAsTheyAreAreThoseNormalizingLeavesAlone() {
        let paths = [
            "/", "//", "/a", "/a/", "//a", "/a//b", "/a/./b", "/a/../b", "/a/.", "/a/..", "/.", "/..", "/a/.b", "/a/..b",
            "/a/b.", "/a/b..", "/a/...", "/.hidden/x.txt", "/tmp/bylinebench/corpus-100000-k40-seed42/site.example/000001.txt",
            "/a/\u{301}b", "/a/\u{301}", "/a/.\u{301}", "/a/..\u{301}/b", "/ünï/cödé/ä.txt", "relative/a.txt", "a",
            "/a\r\n/b", "/日本/記事.txt", "/x/./../y/.",
        ]
        for path in paths {
            let slow = "/" + PathText.normalizedComponents(path).joined(separator: "/")
            XCTAssertEqual(PathText.absoluteNormalized(path), slow, path.debugDescription)
            if PathText.isAbsoluteNormalized(path) { XCTAssertEqual(path, slow, path.debugDescription) }
        }
        XCTAssertTrue(PathText.isAbsoluteNormalized("/tmp/news/site.example/000001.txt"))
    }
}

