import Foundation
import XCTest

/// The benchmark's corpus generator (`bylinebench generate`) must give the same bytes for the same seed, so
/// figures from different days and machines compare like with like. Runs the built executable.
final class CorpusGeneratorTests: XCTestCase {
    func testSameSeedWritesIdenticalFilesAndAnotherSeedDoesNot() throws {
        let executable = try Self.bylinebench()
        let first = try generate(executable, seed: 7)
        let second = try generate(executable, seed: 7)
        let other = try generate(executable, seed: 8)
        defer { [first, second, other].forEach { try? FileManager.default.removeItem(at: $0) } }

        let files = try Self.contents(of: first)
        XCTAssertEqual(files.count, 60)
        XCTAssertEqual(Set(files.keys.map { $0.split(separator: "/").first ?? "" }).count, 4, "four source folders")
        XCTAssertEqual(files, try Self.contents(of: second))
        XCTAssertNotEqual(files, try Self.contents(of: other))
        let text = files.values.map { String(decoding: $0, as: UTF8.self) }.joined()
        for expected in ["“", "—", "Connect with us", "Recent Posts", "Our Correspondent"] {
            XCTAssertTrue(text.contains(expected), "the corpus has \(expected)")
        }
    }

    private func generate(_ executable: String, seed: Int) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bylinebench-test-\(UUID().uuidString)")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["generate", "--articles", "60", "--sources", "4", "--seed", "\(seed)", folder.path]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
        return folder
    }

    /// Every file below `folder`, by relative path.
    private static func contents(of folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let paths = FileManager.default.subpaths(atPath: folder.path) ?? []
        for path in paths where path.hasSuffix(".txt") {
            files[path] = try Data(contentsOf: folder.appendingPathComponent(path))
        }
        return files
    }

    /// The executable built beside the test bundle (any --scratch-path), or a skip when it was not built.
    private static func bylinebench() throws -> String {
        var candidates: [URL] = []
        if let bundle = Bundle.allBundles.first(where: { $0.bundlePath.hasSuffix(".xctest") }) {
            candidates.append(bundle.bundleURL.deletingLastPathComponent().appendingPathComponent("bylinebench"))
        }
        candidates.append(URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("bylinebench"))
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw XCTSkip("bylinebench not built (looked in \(candidates.map(\.path)))")
        }
        return found.path
    }
}
