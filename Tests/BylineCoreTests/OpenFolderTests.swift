import XCTest
@testable import BylineCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reading a file through the worker's open folder gives what reading it by its whole path gives, bytes or
/// reason, whatever folder the previous file was in.
final class OpenFolderTests: XCTestCase {
    private func outcome(_ result: Result<FileReader.Contents, ReadFailure>) -> String {
        switch result {
        case .success(let contents): "read \(contents.fileSize): " + String(decoding: contents.bytes, as: UTF8.self)
        case .failure(let failure): "failed: " + failure.reason
        }
    }

    func testEveryPathReadsAsByItsWholePath() throws {
        let folder = try TemporaryFolder(self)
        try folder.write("a/one.txt", "one")
        try folder.write("a/two.txt", "two, longer")
        try folder.write("b/three.txt", "three")
        try folder.write("b/deeper/four.txt", "four")
        try folder.link("linked", to: "b")
        XCTAssertEqual(mkfifo(folder.path + "/a/pipe.txt", 0o600), 0)
        try folder.write("searchable/five.txt", "five")
        XCTAssertEqual(chmod(folder.path + "/searchable", 0o300), 0, "searched, not read: opened by whole paths")
        defer { chmod(folder.path + "/searchable", 0o700) }
        let paths = [
            "a/one.txt", "a/two.txt", "a/missing.txt", "b/three.txt", "a/one.txt", "b/deeper/four.txt",
            "linked/three.txt", "nowhere/x.txt", "nowhere/y.txt", "a/pipe.txt", "a", "b/deeper", "a/one.txt/",
            "searchable/five.txt", "searchable/six.txt",
        ].map { folder.path + "/" + $0 } + ["relative-missing.txt", "/"]
        let open = OpenFolder()
        for path in paths + paths.reversed() {
            let bytes = Array(path.utf8)
            XCTAssertEqual(outcome(FileReader.read(bytes, limit: 100, in: open)), outcome(FileReader.read(bytes, limit: 100)), path)
        }
    }
}
