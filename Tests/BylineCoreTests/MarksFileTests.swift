import Foundation
import XCTest
@testable import BylineCore

/// The state file: round trip, atomic replacement, corrupt files set aside, concurrent writers merged.
final class MarksFileTests: XCTestCase {
    private func article(_ title: String, body: String = "Body text.", path: String = "a/x.txt") -> Article {
        Article(id: ArticleID(absolutePath: "/" + path), path: path, source: "a", title: title, paragraphs: [Paragraph(body)])
    }

    func testKeyDependsOnContentNotPath() {
        let here = MarkKey(article("Ferry", path: "old/site/ferry.txt"))
        let moved = MarkKey(article("Ferry", path: "new/place/ferry.txt"))
        XCTAssertEqual(here, moved)
        XCTAssertNotEqual(here, MarkKey(article("Ferry", body: "Other body.")))
        XCTAssertEqual(MarkKey(here.description), here)
        XCTAssertEqual(here.description.count, 16)
        // Where one paragraph ends and the next starts is part of the content.
        let split = Article(id: ArticleID(value: 1), path: "p", source: "s", title: "T", paragraphs: [Paragraph("ab"), Paragraph("c")])
        let joined = Article(id: ArticleID(value: 1), path: "p", source: "s", title: "T", paragraphs: [Paragraph("a"), Paragraph("bc")])
        XCTAssertNotEqual(MarkKey(split), MarkKey(joined))
        // Pinned: the key is stored in state.json, so a change to the hash would forget every mark.
        XCTAssertEqual(MarkKey(article("Ferry", body: "The ferry left at dawn.")).description, PinnedKey.ferry)
    }

    func testRoundTripThroughARealFile() throws {
        let folder = try TemporaryFolder(self)
        let file = MarksFile(path: folder.path + "/nested/byline/state.json")
        XCTAssertEqual(try file.load().marks, MarkSet())
        let first = MarkKey(value: 1), second = MarkKey(value: 0xFFFF_0000_FFFF_0000)
        _ = try file.apply([first: MarkChange(read: true), second: MarkChange(read: true, starred: true)])
        let reread = try MarksFile(path: file.path).load()
        XCTAssertNil(reread.warning)
        XCTAssertEqual(reread.marks[first], ArticleMark(read: true))
        XCTAssertEqual(reread.marks[second], ArticleMark(read: true, starred: true))
        XCTAssertEqual(reread.marks[MarkKey(value: 7)], .blank)
        // Marking unread and unstarred removes the entry rather than keeping a blank one.
        _ = try file.apply([second: MarkChange(read: false, starred: false)])
        XCTAssertEqual(try file.load().marks.count, 1)
    }

    func testCrashBetweenWriteAndRenameKeepsTheOldStateAndTheStrayFileIsCleanedUp() throws {
        let folder = try TemporaryFolder(self)
        let file = MarksFile(path: folder.path + "/state.json")
        let key = MarkKey(value: 42)
        _ = try file.apply([key: MarkChange(read: true)])
        let before = try Data(contentsOf: URL(fileURLWithPath: file.path))

        // The first half of an atomic write, then "kill -9": a complete temporary file, never renamed.
        let stray = try AtomicFile.writeTemporary(Data("{\"marks\":{\"00".utf8), beside: file.path)
        XCTAssertTrue(FileManager.default.fileExists(atPath: stray))
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: file.path)), before)
        XCTAssertEqual(try file.load().marks[key], ArticleMark(read: true))

        // The next write removes the leftover and lands complete.
        _ = try file.apply([MarkKey(value: 43): MarkChange(starred: true)])
        XCTAssertFalse(FileManager.default.fileExists(atPath: stray))
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        XCTAssertEqual(names, ["state.json", "state.json.lock"])
        let after = try file.load().marks
        XCTAssertEqual(after[key], ArticleMark(read: true))
        XCTAssertEqual(after[MarkKey(value: 43)], ArticleMark(starred: true))
    }

    func testCorruptFileIsSetAsideWithAWarningAndMarksStartClean() throws {
        let folder = try TemporaryFolder(self)
        let file = MarksFile(path: folder.path + "/state.json")
        try Data("{\"marks\": {\"not-a-key\": tru".utf8).write(to: URL(fileURLWithPath: file.path))
        let outcome = try file.load()
        XCTAssertEqual(outcome.marks, MarkSet())
        let warning = try XCTUnwrap(outcome.warning)
        XCTAssertTrue(warning.contains("corrupt"), warning)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        let aside = try XCTUnwrap(names.first { $0.hasPrefix("state.json.corrupt-") })
        XCTAssertTrue(warning.contains(aside), warning)
        XCTAssertFalse(names.contains("state.json"))
        // Starting clean: the next change writes a good file.
        _ = try file.apply([MarkKey(value: 9): MarkChange(read: true)])
        XCTAssertNil(try file.load().warning)
    }

    func testConcurrentWritersMergeRatherThanOverwrite() throws {
        let folder = try TemporaryFolder(self)
        let path = folder.path + "/state.json"
        let writers = 4, changesEach = 25
        let failures = FailureCount()
        // Each writer opens its own lock descriptor, so flock serialises threads as it does processes.
        DispatchQueue.concurrentPerform(iterations: writers) { writer in
            let file = MarksFile(path: path)
            for change in 0..<changesEach {
                let key = MarkKey(value: UInt64(writer * 1000 + change))
                do {
                    _ = try file.apply([key: MarkChange(read: true, starred: change % 2 == 0)])
                    // Every writer also changes one field of a shared article; no field may be lost.
                    let shared = writer % 2 == 0 ? MarkChange(read: true) : MarkChange(starred: true)
                    _ = try file.apply([MarkKey(value: 999_999): shared])
                } catch {
                    failures.add()
                }
            }
        }
        XCTAssertEqual(failures.value, 0)
        let marks = try MarksFile(path: path).load()
        XCTAssertNil(marks.warning)
        XCTAssertEqual(marks.marks.count, writers * changesEach + 1)
        XCTAssertEqual(marks.marks[MarkKey(value: 999_999)], ArticleMark(read: true, starred: true))
        XCTAssertEqual(marks.marks[MarkKey(value: 3002)], ArticleMark(read: true, starred: true))
    }

    func testDefaultPathFollowsXDGStateHome() {
        XCTAssertEqual(MarksFile.defaultPath(environment: ["XDG_STATE_HOME": "/s", "HOME": "/h"]), "/s/byline/state.json")
        XCTAssertEqual(MarksFile.defaultPath(environment: ["HOME": "/h"]), "/h/.local/state/byline/state.json")
        XCTAssertEqual(MarksFile.defaultPath(environment: ["XDG_STATE_HOME": "relative", "HOME": "/h"]), "/h/.local/state/byline/state.json")
        XCTAssertNil(MarksFile.defaultPath(environment: [:]))
    }
}

/// The key of a known article, written down once so that changing the hash cannot go unnoticed.
private enum PinnedKey {
    static let ferry = "d83890a631261f8a"
}

/// A counter threads can bump.
private final class FailureCount: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func add() { lock.withLock { count += 1 } }
    var value: Int { lock.withLock { count } }
}
