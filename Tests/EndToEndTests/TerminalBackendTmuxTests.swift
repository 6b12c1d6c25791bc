import BylineView
import Foundation
import XCTest

/// The real backend in tmux: wide text in the right columns, colours, keys, and a sane terminal after q,
/// SIGINT, SIGTERM, SIGHUP, a crash and Ctrl-Z.
final class TerminalBackendTmuxTests: XCTestCase {
    func testWideTextLandsInTheRightColumns() throws {
        let harness = try TerminalBackendHarness()
        let rows = harness.capture().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        XCTAssertGreaterThan(rows.count, 8)
        for row in rows[2...7] {
            guard let marker = row.lastIndex(of: "#") else { return XCTFail("no marker in \(row)") }
            XCTAssertEqual(DisplayWidth.of(row[..<marker]), 40, row)
        }
        XCTAssertTrue(rows[3].contains("漢字"))
        XCTAssertTrue(rows[4].contains("🎉👍"))
        XCTAssertTrue(rows[7].contains("\u{FFFD}[31mRED"), "escape sequences in text are shown, not obeyed")
    }

    func testColoursAndAttributesReachTheTerminal() throws {
        let harness = try TerminalBackendHarness()
        let screen = harness.capture(escapes: true)
        for sequence in ["\u{1B}[31m", "\u{1B}[38;5;208m", "\u{1B}[48;5;236m", "\u{1B}[1m", "\u{1B}[4m", "\u{1B}[7m"] {
            XCTAssertTrue(screen.contains(sequence), "missing \(sequence.debugDescription)")
        }
        XCTAssertFalse(screen.contains("\u{1B}[31mRED"), "text's own escape codes must stay inert")
    }

    func testMonochromeTerminalGetsAttributesOnly() throws {
        let harness = try TerminalBackendHarness(term: "vt100")
        let screen = harness.capture(escapes: true)
        XCTAssertFalse(screen.contains("\u{1B}[31m"))
        XCTAssertFalse(screen.contains("38;5;"))
        XCTAssertTrue(screen.contains("\u{1B}[1m"))
        XCTAssertTrue(harness.logLines.first?.hasSuffix("depth none") ?? false)
    }

    func testKeysAndMouseArriveAsValues() throws {
        let harness = try TerminalBackendHarness()
        harness.sendKeys("Down")
        harness.sendKeys("M-x")
        harness.sendKeys("Escape")
        harness.sendKeys("C-a")
        harness.sendKeys("F5")
        harness.sendKeys("BTab")
        harness.sendKeys("Enter")
        harness.sendLiteral("漢")
        // X10 mouse reports in one write, so ncurses reads them together: left press at column 4, row 5,
        // then wheel down.
        harness.sendBytes("1b", "5b", "4d", "20", "25", "26", "1b", "5b", "4d", "61", "21", "21")
        let deadline = Date().addingTimeInterval(5)
        while harness.logLines.filter({ $0.hasPrefix("event") }).count < 10 && Date() < deadline { usleep(20_000) }
        let events = harness.logLines.filter { $0.hasPrefix("event") }
        XCTAssertEqual(events, [
            "event key(BylineView.Key.down)", "event key(BylineView.Key.alt(\"x\"))", "event key(BylineView.Key.escape)",
            "event key(BylineView.Key.control(\"a\"))", "event key(BylineView.Key.function(5))",
            "event key(BylineView.Key.backTab)", "event key(BylineView.Key.enter)",
            "event key(BylineView.Key.character(\"漢\"))",
            "event mouse(BylineView.MouseEvent(action: BylineView.MouseEvent.Action.press, x: 4, y: 5))",
            "event mouse(BylineView.MouseEvent(action: BylineView.MouseEvent.Action.wheelDown, x: 0, y: 0))",
        ])
    }

    func testAKeystrokeRewritesOnlyWhatChanged() throws {
        let harness = try TerminalBackendHarness()
        harness.sendKeys("Down")
        try harness.waitForLog("event")
        try harness.waitFor("the redraw") { harness.capture().contains("events=1") }
        let draws = harness.logLines.filter { $0.hasPrefix("draw") }
        XCTAssertTrue(draws.first?.hasSuffix("full true") ?? false)
        guard let last = draws.last?.split(separator: " "), let cells = Int(last[2]) else { return XCTFail("no draw") }
        XCTAssertLessThan(cells, 100, "a keystroke must not repaint the 3000-cell screen")
    }

    func testQuitRestoresTheTerminal() throws {
        let harness = try TerminalBackendHarness()
        harness.sendKeys("q")
        XCTAssertEqual(try harness.waitForExitStatus(), 0)
        assertRestored(harness)
    }

    func testCtrlCRestoresAndExitsWith130() throws {
        let harness = try TerminalBackendHarness()
        harness.sendKeys("C-c")
        XCTAssertEqual(try harness.waitForExitStatus(), 128 + Int(SIGINT))
        assertRestored(harness)
    }

    func testSigtermRestoresAndExitsWith143() throws {
        try assertSignalRestores(SIGTERM)
    }

    func testSighupRestoresAndExitsWith129() throws {
        try assertSignalRestores(SIGHUP)
    }

    func testACrashRestoresTheTerminalWithoutWaitingForTheBacktracer() throws {
        let harness = try TerminalBackendHarness()
        let start = Date()
        harness.sendKeys("c")
        let status = try harness.waitForExitStatus(timeout: 20)
        XCTAssertTrue([128 + Int(SIGILL), 128 + Int(SIGTRAP)].contains(status), "status \(status)")
        XCTAssertLessThan(Date().timeIntervalSince(start), 15, "Swift's interactive backtracer would wait 30 s")
        assertRestored(harness)
    }

    func testCtrlZStopsWithASaneTerminalAndFgRedraws() throws {
        let harness = try TerminalBackendHarness(interactiveShell: true)
        XCTAssertEqual(harness.display("#{alternate_on} #{cursor_flag}"), "1 0")
        harness.sendKeys("C-z")
        try harness.waitFor("the job to stop") { harness.capture().contains("Stopped") }
        XCTAssertEqual(harness.display("#{alternate_on} #{cursor_flag}"), "0 1")
        harness.sendLiteral("fg")
        harness.sendKeys("Enter")
        try harness.waitForLog("event resize")
        try harness.waitFor("the screen to return") { harness.display("#{alternate_on} #{cursor_flag}") == "1 0" }
        XCTAssertTrue(harness.capture().contains("HARNESS"))
        harness.sendKeys("q")
        try harness.waitFor("the prompt after q") { harness.display("#{alternate_on}") == "0" }
    }

    private func assertSignalRestores(_ signal: Int32, file: StaticString = #filePath, line: UInt = #line) throws {
        let harness = try TerminalBackendHarness()
        guard let pid = harness.harnessPID else { return XCTFail("no pid logged", file: file, line: line) }
        kill(pid, signal)
        XCTAssertEqual(try harness.waitForExitStatus(), 128 + Int(signal), file: file, line: line)
        XCTAssertTrue(harness.logLines.contains("signal \(signal)"), "the app loop saw the signal", file: file, line: line)
        assertRestored(harness, file: file, line: line)
    }

    private func assertRestored(_ harness: TerminalBackendHarness, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(harness.display("#{alternate_on} #{cursor_flag}"), "0 1", "alternate screen off, cursor shown", file: file, line: line)
        let modes = harness.ttyModes
        XCTAssertFalse(modes.after.isEmpty, file: file, line: line)
        XCTAssertEqual(modes.after, modes.baseline, "tty modes as in a fresh pane", file: file, line: line)
    }
}
