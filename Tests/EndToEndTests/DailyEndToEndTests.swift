import Foundation
import XCTest

/// The daily reader in a real terminal: read marks that last, live folders, the mouse, the pager.
final class DailyEndToEndTests: XCTestCase {
    private var scratch: [URL] = []

    override func tearDown() {
        for url in scratch { try? FileManager.default.removeItem(at: url) }
        scratch = []
    }

    /// Private state and config folders, so no test reads or writes the person's own.
    private func homes() throws -> [String: String] {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("byline-daily-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        scratch.append(root)
        return ["XDG_STATE_HOME": root.appendingPathComponent("state").path,
                "XDG_CONFIG_HOME": root.appendingPathComponent("config").path,
                "XDG_CACHE_HOME": root.appendingPathComponent("cache").path, "HOME": root.path]
    }

    private func command(_ byline: String, _ folder: ArticleFolder, extra: String = "") -> String {
        "\(TmuxSession.quote(byline)) \(extra) \(TmuxSession.quote(folder.url.path)); echo \"EXITED $?\"; sleep 30"
    }

    func testAnArticleReadStaysReadAfterQuittingAndStartingAgain() throws {
        let byline = try BuiltProduct.byline()
        let folder = try ArticleFolder.three()
        defer { folder.remove() }
        let environment = try homes()
        var session: TmuxSession? = try TmuxSession(width: 120, height: 30, command: command(byline, folder), environment: environment)
        _ = session!.waitFor(text: "· 3 unread")
        // Resting on the first article for a moment marks it read; `*` stars the second.
        _ = session!.waitFor(text: "· 2 unread", timeout: 5)
        try session!.send("Down", "*")
        _ = session!.waitFor(text: "starred")  // the status line's message
        try session!.send("q")
        _ = session!.waitFor(text: "EXITED 0")
        session = nil

        let again = try TmuxSession(width: 120, height: 30, command: command(byline, folder), environment: environment)
        let screen = again.waitFor("marks restored") { $0.contains("3 articles · ") && $0.contains("Alpha Harbour") }
        XCTAssertTrue(screen.contains("· 1 unread") || screen.contains("· 2 unread"), screen)
        let rows = screen.components(separatedBy: "\n")
        let alpha = try XCTUnwrap(rows.first { $0.contains("Alpha Harbour") })
        let bravo = try XCTUnwrap(rows.first { $0.contains("Bravo Council") })
        let charlie = try XCTUnwrap(rows.first { $0.contains("Charlie Market") })
        XCTAssertFalse(alpha.hasPrefix("▌•") || alpha.hasPrefix(" •"), alpha)
        XCTAssertTrue(bravo.hasPrefix(" ★"), bravo)
        XCTAssertTrue(charlie.hasPrefix(" •"), charlie)
        try again.send("q")
        _ = again.waitFor(text: "EXITED 0")
        let state = try String(contentsOfFile: environment["XDG_STATE_HOME"]! + "/byline/state.json", encoding: .utf8)
        XCTAssertTrue(state.contains("\"starred\":true"), state)
    }

    func testAFileAddedWhileRunningAppearsAndARemovedOneGoes() throws {
        let byline = try BuiltProduct.byline()
        let folder = try ArticleFolder.three()
        defer { folder.remove() }
        let session = try TmuxSession(width: 120, height: 30, command: command(byline, folder), environment: try homes())
        _ = session.waitFor(text: "3 articles")
        try session.send("Down")
        _ = session.waitFor(text: "The council voted on Thursday")
        let text = "Connect with us\n\nNews\n\nDelta Lighthouse Gets A New Lamp\n\nPublished\n\non\n\n2024-05-04\n\n"
            + (1...6).map { "The lamp was lit on Saturday. Paragraph \($0) says more about it, at length." }.joined(separator: "\n\n") + "\n"
        let added = folder.url.appendingPathComponent("north.example/d.txt")
        let started = Date()
        try Data(text.utf8).write(to: added)
        let screen = session.waitFor("the new article", timeout: 10) { $0.contains("4 articles") && $0.contains("Delta Lighthouse") }
        let seconds = Date().timeIntervalSince(started)
        XCTAssertLessThan(seconds, 2.5, "live change took \(seconds) s")
        XCTAssertTrue(screen.contains("+1 new"), screen)
        // The selection stayed on the article being read.
        XCTAssertTrue(screen.contains("The council voted on Thursday"), screen)
        XCTAssertTrue(screen.components(separatedBy: "\n").contains { $0.hasPrefix("▌") && $0.contains("Bravo Council") }, screen)
        try FileManager.default.removeItem(at: folder.url.appendingPathComponent("south.example/c.txt"))
        // A capture can catch a frame half drawn (title row new, status row old): wait for the whole frame.
        let after = session.waitFor("the removed article gone", timeout: 10) {
            $0.contains("3 articles") && !$0.contains("Charlie Market") && $0.contains("removed")
        }
        XCTAssertTrue(after.contains("1 removed"), after)
        try session.send("q")
        _ = session.waitFor(text: "EXITED 0")
    }

    func testMouseClickSelectsARowAndTheWheelScrollsTheReader() throws {
        let byline = try BuiltProduct.byline()
        let folder = try ArticleFolder.three()
        defer { folder.remove() }
        let session = try TmuxSession(width: 120, height: 30, command: command(byline, folder), environment: try homes())
        let screen = session.waitFor(text: "Charlie Market")
        let row = try XCTUnwrap(screen.components(separatedBy: "\n").firstIndex { $0.contains("Charlie Market") })
        // X10 mouse report: ESC [ M, 32 + button, 33 + column, 33 + row (0-based cells).
        func hex(_ value: Int) -> String { String(value, radix: 16) }
        try session.send("-H", "1b", "5b", "4d", "20", hex(33 + 10), hex(33 + row))
        try session.send("-H", "1b", "5b", "4d", "23", hex(33 + 10), hex(33 + row))
        session.waitFor("third article selected by the click") { $0.contains("The market came back on Wednesday") }
        try session.send("-H", "1b", "5b", "4d", "61", hex(33 + 80), hex(33 + 10))
        session.waitFor("reader scrolled by the wheel") { screen in
            !screen.contains("Charlie Market Returns To The Square\n") && screen.components(separatedBy: "\n").last { $0.contains("%") } != nil
                && !screen.contains(" 0%")
        }
        try session.send("q")
        _ = session.waitFor(text: "EXITED 0")
    }

    func testPagerShowsTheCleanArticleAndTheReaderComesBack() throws {
        let byline = try BuiltProduct.byline()
        let folder = try ArticleFolder.three()
        defer { folder.remove() }
        var environment = try homes()
        environment["PAGER"] = "less -R"
        let session = try TmuxSession(width: 100, height: 30, command: command(byline, folder), environment: environment)
        _ = session.waitFor(text: "Alpha Harbour")
        try session.send("p")
        let paged = session.waitFor("the pager") { !$0.contains("articles ·") && $0.contains("Alpha Harbour Reopens") }
        XCTAssertFalse(paged.contains("Connect with us"), paged)
        try session.send("q")
        _ = session.waitFor(text: "3 articles")
        try session.send("q")
        _ = session.waitFor(text: "EXITED 0")
    }

    func testEditorEditsTheOriginalFileAndTheReaderShowsTheChange() throws {
        let byline = try BuiltProduct.byline()
        let folder = try ArticleFolder.three()
        defer { folder.remove() }
        var environment = try homes()
        // A non-interactive "editor" that changes the headline in the file it is given.
        environment["EDITOR"] = "sed -i s/Alpha/Omega/"
        let session = try TmuxSession(width: 120, height: 30, command: command(byline, folder), environment: environment)
        _ = session.waitFor(text: "Alpha Harbour")
        try session.send("e")
        let screen = session.waitFor("the edited headline", timeout: 5) { $0.contains("Omega Harbour Reopens") && !$0.contains("Alpha Harbour") }
        XCTAssertTrue(screen.contains("1 updated"), screen)
        XCTAssertTrue(screen.contains("3 articles"), screen)
        try session.send("q")
        _ = session.waitFor(text: "EXITED 0")
    }

    func testTheReaderSaysWhenTheStateFileWasCorruptAndStartsClean() throws {
        let byline = try BuiltProduct.byline()
        let folder = try ArticleFolder.three()
        defer { folder.remove() }
        let environment = try homes()
        let stateFolder = environment["XDG_STATE_HOME"]! + "/byline"
        try FileManager.default.createDirectory(atPath: stateFolder, withIntermediateDirectories: true)
        try Data([0x00, 0xFF, 0x7B]).write(to: URL(fileURLWithPath: stateFolder + "/state.json"))
        let session = try TmuxSession(width: 120, height: 30, command: command(byline, folder), environment: environment)
        session.waitFor("the warning over a clean start") { $0.contains("the state file was corrupt") && $0.contains("· 3 unread") }
        try session.send("q")
        // Said again on standard error once the screen is gone, where it stays readable.
        let after = session.waitFor(text: "EXITED 0")
        XCTAssertTrue(after.contains("byline: the state file was corrupt; moved it to"), after)
    }

    func testABadKeyInConfigStopsStartUpWithFileAndLine() throws {
        let byline = try BuiltProduct.byline()
        let folder = try ArticleFolder.three()
        defer { folder.remove() }
        let environment = try homes()
        let configFolder = environment["XDG_CONFIG_HOME"]! + "/byline"
        try FileManager.default.createDirectory(atPath: configFolder, withIntermediateDirectories: true)
        try Data("[keys]\nj = \"move-down\"\nx = \"explode\"\n".utf8).write(to: URL(fileURLWithPath: configFolder + "/config.toml"))
        let session = try TmuxSession(width: 120, height: 30, command: command(byline, folder, extra: "2>&1"), environment: environment)
        let screen = session.waitFor(text: "EXITED")
        XCTAssertTrue(screen.contains("config.toml:3: unknown action 'explode'"), screen)
        XCTAssertTrue(screen.contains("EXITED 2"), screen)
    }

    /// Runs a shell script in tmux with the private homes (the test process's own environment stays
    /// untouched) and returns once it has printed SCRIPT-DONE.
    private func runScript(_ script: String, environment: [String: String]) throws {
        let session = try TmuxSession(width: 120, height: 10, command: script + "; echo SCRIPT-DONE; sleep 30", environment: environment)
        _ = session.waitFor(text: "SCRIPT-DONE", timeout: 60)
    }

    func testMarkCommandsRunningAtOnceMergeEveryChange() throws {
        let byline = TmuxSession.quote(try BuiltProduct.byline())
        let folder = try ArticleFolder.three()
        defer { folder.remove() }
        let environment = try homes()
        let path = TmuxSession.quote(folder.url.path)
        let ids = try CommandLineRun(try BuiltProduct.byline(), ["list", folder.url.path]).lines.map { $0.prefix(12) }.joined(separator: " ")
        let output = folder.url.appendingPathComponent("list.jsonl").path
        // Two writers at once, again and again: one marks everything read, the other stars everything.
        try runScript("""
            for i in 1 2 3 4 5 6 7 8; do \
              \(byline) mark read \(ids) --in \(path) & \(byline) mark star \(ids) --in \(path) & \
              \(byline) mark unstar \(ids) --in \(path) & wait; \(byline) mark star \(ids) --in \(path); done; \
            \(byline) list --json \(path) > \(output) 2>&1
            """, environment: environment)
        let lines = try String(contentsOfFile: output, encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(lines.count, 3, lines.joined(separator: "\n"))
        for line in lines {
            XCTAssertTrue(line.contains("\"read\":true") && line.contains("\"starred\":true"), String(line))
        }
        let unread = try String(contentsOfFile: output, encoding: .utf8)
        XCTAssertFalse(unread.contains("corrupt"), unread)
    }

    func testACorruptStateFileIsSetAsideAndSaidOnStandardError() throws {
        let byline = TmuxSession.quote(try BuiltProduct.byline())
        let folder = try ArticleFolder.three()
        defer { folder.remove() }
        let environment = try homes()
        let stateFolder = environment["XDG_STATE_HOME"]! + "/byline"
        try FileManager.default.createDirectory(atPath: stateFolder, withIntermediateDirectories: true)
        try Data("{\"version\": 1, \"marks\": {".utf8).write(to: URL(fileURLWithPath: stateFolder + "/state.json"))
        // Outside the article folder: a .txt there would be read as an article.
        let errors = environment["HOME"]! + "/errors.log"
        let output = environment["HOME"]! + "/out.log"
        try runScript("\(byline) list --unread \(TmuxSession.quote(folder.url.path)) > \(output) 2> \(errors); echo $? >> \(output)",
                      environment: environment)
        let printed = try String(contentsOfFile: output, encoding: .utf8)
        XCTAssertEqual(printed.split(separator: "\n").count, 4, printed) // three unread articles and status 0
        XCTAssertTrue(printed.hasSuffix("0\n"), printed)
        let message = try String(contentsOfFile: errors, encoding: .utf8)
        XCTAssertTrue(message.contains("byline: the state file was corrupt; moved it to"), message)
        let names = try FileManager.default.contentsOfDirectory(atPath: stateFolder)
        XCTAssertTrue(names.contains { $0.hasPrefix("state.json.corrupt-") }, "\(names)")
    }
}
