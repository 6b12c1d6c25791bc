import Foundation
import XCTest

/// Runs the real binary in a real terminal (tmux) and checks what a person would see.
final class ReaderEndToEndTests: XCTestCase {
    /// The shell line that runs byline, then reports how it ended and whether the terminal was left sane.
    private func command(_ byline: String, _ arguments: String) -> String {
        "\(TmuxSession.quote(byline)) \(arguments); echo \"EXITED $?\"; stty -a | tr ' ' '\\n' | grep -E '^-?(icanon|echo)$' | tr '\\n' ' '; echo TTY-CHECKED; sleep 30"
    }

    private func readAndQuit(width: Int, height: Int) throws {
        let byline = try BuiltProduct.byline()
        let folder = try ArticleFolder.three()
        defer { folder.remove() }
        let session = try TmuxSession(width: width, height: height, command: command(byline, TmuxSession.quote(folder.url.path)))
        _ = session.waitFor(text: "3 articles ·")
        _ = session.waitFor(text: "Alpha Harbour Reopens")
        try session.send("Down")
        // The second article's title appears in the reader, not only in the list.
        let screen = session.waitFor("second title in the reader") { screen in
            screen.components(separatedBy: "\n").filter { $0.contains("Bravo Council Approves Night Ferry") }.count >= 1
                && screen.contains("The council voted on Thursday")
        }
        XCTAssertTrue(screen.contains("▌"), screen)
        try session.send("Enter")
        try session.send("Space")
        session.waitFor("reading position moved") { !$0.contains(" 0%") && $0.contains("%") }
        try session.send("q")
        let after = session.waitFor(text: "TTY-CHECKED")
        XCTAssertTrue(after.contains("EXITED 0"), after)
        XCTAssertTrue(after.contains("icanon echo"), after)
        XCTAssertEqual(session.display("#{alternate_on}"), "0")
        XCTAssertFalse(after.contains("-echo"), after)
    }

    func testReadAndQuitAt120x40() throws { try readAndQuit(width: 120, height: 40) }

    func testReadAndQuitAt80x24() throws { try readAndQuit(width: 80, height: 24) }

    func testBundledSamplesOpenWithNoArgument() throws {
        let byline = try BuiltProduct.byline()
        let session = try TmuxSession(width: 120, height: 40, command: "cd / && " + command(byline, ""))
        let screen = session.waitFor("sample articles listed") { $0.contains("8 articles") && $0.contains("all sources") && $0.contains("▌") }
        XCTAssertFalse(screen.contains(" 0 articles"), screen)
        try session.send("q")
        XCTAssertTrue(session.waitFor(text: "TTY-CHECKED").contains("EXITED 0"))
    }

    func testSignalsRestoreTheTerminalAndExitWithTheSignalsCode() throws {
        let byline = try BuiltProduct.byline()
        for (signal, code) in [("TERM", 143), ("HUP", 129), ("INT", 130)] {
            let folder = try ArticleFolder.three()
            defer { folder.remove() }
            let pidFile = folder.url.appendingPathComponent("pid").path
            let line = "sh -c 'echo $$ > \(pidFile); exec \(byline) \(folder.url.path)'; echo \"EXITED $?\"; stty -a | tr ' ' '\\n' | grep -E '^-?(icanon|echo)$' | tr '\\n' ' '; echo TTY-CHECKED; sleep 30"
            let session = try TmuxSession(width: 100, height: 30, command: line)
            _ = session.waitFor(text: "Alpha Harbour Reopens")
            let pid = try String(contentsOfFile: pidFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
            // kill(1) rather than typing Ctrl-C: the key would also interrupt the wrapping shell that reports the exit.
            kill(pid_t(pid)!, ["TERM": SIGTERM, "HUP": SIGHUP, "INT": SIGINT][signal]!)
            let after = session.waitFor(text: "TTY-CHECKED")
            XCTAssertTrue(after.contains("EXITED \(code)"), "SIG\(signal): \(after)")
            XCTAssertFalse(after.contains("-icanon") || after.contains("-echo"), "SIG\(signal) left the terminal raw: \(after)")
            XCTAssertEqual(session.display("#{alternate_on}"), "0", "SIG\(signal) left the alternate screen on")
        }
    }

    func testResizeReLaysOutAtOnce() throws {
        let byline = try BuiltProduct.byline()
        let folder = try ArticleFolder.three()
        defer { folder.remove() }
        let session = try TmuxSession(width: 120, height: 40, command: command(byline, TmuxSession.quote(folder.url.path)))
        _ = session.waitFor(text: "Alpha Harbour Reopens")
        try session.resize(width: 80, height: 24)
        // Stacked: the list's divider is a full-width rule, no vertical bar.
        session.waitFor("stacked layout") { screen in
            let rows = screen.components(separatedBy: "\n")
            return rows.count <= 25 && !rows.contains { $0.contains("│") } && rows.contains { $0.hasPrefix("────") }
        }
        try session.resize(width: 15, height: 5)
        _ = session.waitFor(text: "too small")
        try session.resize(width: 120, height: 40)
        session.waitFor("side by side again") { $0.contains("│") && $0.contains("Alpha Harbour Reopens") }
        try session.send("q")
        XCTAssertTrue(session.waitFor(text: "TTY-CHECKED").contains("EXITED 0"))
    }

    func testWithoutATerminalSaysSoAndExits2() throws {
        let byline = try BuiltProduct.byline()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: byline)
        let errors = Pipe()
        process.standardOutput = Pipe()
        process.standardError = errors
        try process.run()
        process.waitUntilExit()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        XCTAssertEqual(process.terminationStatus, 2)
        XCTAssertTrue(message.contains("byline list"), message)
        XCTAssertEqual(message.split(separator: "\n").count, 1, message)
    }
}
