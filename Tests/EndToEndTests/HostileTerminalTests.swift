import BylineView
import Foundation
import XCTest

/// Issue 7 end to end: hostile files and names in a real terminal (tmux) never colour, retitle or move anything,
/// rows keep their width; extreme sizes, resize storms and unusable terminals are handled.
final class HostileTerminalTests: XCTestCase {
    /// Runs byline in the pane, then reports how it ended and whether the terminal was left sane.
    private func command(_ arguments: String, environment: String = "") -> String {
        let byline = (try? BuiltProduct.byline()) ?? "byline"
        return "\(environment) \(TmuxSession.quote(byline)) \(arguments); echo \"EXITED $?\"; stty -a | tr ' ' '\\n' | grep -E '^-?(icanon|echo)$' | tr '\\n' ' '; echo TTY-CHECKED; sleep 30"
    }

    /// State and settings go to a scratch folder, so a run can only write there (and never to the articles).
    private func isolatedEnvironment() -> (String, URL) {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("byline-home-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        // `env -u NO_COLOR`: the test runner may set it, and these runs check the coloured default theme.
        let line = "env -u NO_COLOR HOME=\(TmuxSession.quote(home.path)) XDG_STATE_HOME=\(TmuxSession.quote(home.path + "/state")) XDG_CONFIG_HOME=\(TmuxSession.quote(home.path + "/config")) XDG_CACHE_HOME=\(TmuxSession.quote(home.path + "/cache"))"
        return (line, home)
    }

    /// The SGR attributes in a `capture-pane -e` screen, one token each ("1", "7", "38;5;12", "48;2;1;2;3"):
    /// tmux groups them differently from screen to screen, so whole sequences are not comparable.
    private func sgrCodes(_ screen: String) -> Set<String> {
        var codes = Set<String>()
        var rest = Substring(screen)
        while let start = rest.range(of: "\u{1B}[") {
            let after = rest[start.upperBound...]
            guard let end = after.firstIndex(where: { ("@"..."~").contains($0) }) else { break }
            if after[end] == "m" {
                var parts = after[..<end].split(separator: ";", omittingEmptySubsequences: false).map(String.init)[...]
                while let part = parts.popFirst() {
                    if (part == "38" || part == "48" || part == "58"), let kind = parts.first {
                        let count = kind == "5" ? 2 : kind == "2" ? 4 : 1
                        codes.insert(([part] + parts.prefix(count)).joined(separator: ";"))
                        parts = parts.dropFirst(count)
                    } else {
                        codes.insert(part.isEmpty ? "0" : part)
                    }
                }
            }
            rest = after[after.index(after: end)...]
        }
        return codes
    }

    /// Screens met while walking every article, the reader, the picker and a search.
    private func tour(_ session: TmuxSession, articles: Int) throws -> [String] {
        var screens: [String] = []
        func snap() {
            usleep(150_000)
            screens.append(session.capture(escapes: true))
        }
        snap()
        for _ in 0..<articles {
            try session.send("Down")
            snap()
        }
        try session.send("g")
        try session.send("Enter")
        for _ in 0..<articles {
            try session.send("Space")
            snap()
        }
        // One key per send, with time between: ESC followed at once by a character reads as Alt-character.
        try session.send("Escape")
        usleep(200_000)
        try session.send("s")
        snap()
        try session.send("Escape")
        usleep(200_000)
        try session.send("/")
        try session.type("harbour")
        try session.send("Enter")
        snap()
        return screens
    }

    private func startTour(folder: String, articles: Int) throws -> (screens: [String], titleBefore: String, titleAfter: String, cursor: String) {
        let (environment, home) = isolatedEnvironment()
        defer { try? FileManager.default.removeItem(at: home) }
        let session = try TmuxSession(width: 120, height: 40, command: command(TmuxSession.quote(folder), environment: environment))
        _ = session.waitFor("articles loaded") { $0.contains("articles") && $0.contains("▌") }
        let titleBefore = session.display("#{pane_title}")
        let screens = try tour(session, articles: articles)
        let titleAfter = session.display("#{pane_title}")
        let cursor = session.display("#{cursor_flag} #{alternate_on} #{pane_in_mode}")
        try session.send("q")
        let after = session.waitFor(text: "TTY-CHECKED")
        XCTAssertTrue(after.contains("EXITED 0"), after)
        XCTAssertTrue(after.contains("icanon echo"), after)
        return (screens, titleBefore, titleAfter, cursor)
    }

    func testHostileFilesAndNamesStayInert() throws {
        let hostile = try HostileFolder.make()
        defer { hostile.remove() }
        // The same sources (the theme colours each source) and kinds of file, with plain text.
        let benign = try HostileFolder.makeBenignTwin()
        defer { benign.remove() }

        let baseline = try startTour(folder: benign.path, articles: 10)
        let run = try startTour(folder: hostile.path, articles: 10)

        // No foreign colour: every SGR the hostile run shows, the theme also produced for plain articles.
        let allowed = baseline.screens.reduce(into: Set<String>()) { $0.formUnion(sgrCodes($1)) }
        let seen = run.screens.reduce(into: Set<String>()) { $0.formUnion(sgrCodes($1)) }
        XCTAssertEqual(seen.subtracting(allowed), [], "SGR codes only the hostile articles produced (allowed: \(allowed.sorted()))")
        for forbidden in ["38;5;201", "48;5;46", "38;2;1;2;3", "5"] {
            XCTAssertFalse(seen.contains(forbidden), "the article's own SGR \(forbidden) reached the screen")
        }
        // The hostile articles were really on screen, their visible words in order.
        let shown = run.screens.map(stripSGR).joined(separator: "\n")
        for words in ["MAGENTA", "desrever", "Hostile Name Story", "Quotes from Windows", "(no article text)", "1 skipped"] {
            XCTAssertTrue(shown.contains(words), "never saw \(words)")
        }
        // No title change, no cursor effect, nothing leaked.
        XCTAssertEqual(run.titleAfter, run.titleBefore)
        XCTAssertFalse(run.titleAfter.contains("pwned"), run.titleAfter)
        XCTAssertEqual(run.cursor, baseline.cursor, "cursor visibility, alternate screen, copy mode")
        for (index, screen) in run.screens.enumerated() {
            XCTAssertFalse(screen.contains("pwned") || screen.contains("cm0gLXJm") || screen.contains("evil.example"), "screen \(index) leaked a payload:\n\(screen)")
            let plain = stripSGR(screen)
            XCTAssertFalse(plain.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) || (0x202A...0x202E).contains($0.value) || (0x2066...0x2069).contains($0.value) },
                           "screen \(index) holds a control character:\n\(plain)")
            let rows = plain.components(separatedBy: "\n").filter { !$0.isEmpty || true }.prefix(40)
            XCTAssertEqual(rows.count, 40, "screen \(index)")
            for (number, row) in rows.enumerated() {
                XCTAssertLessThanOrEqual(DisplayWidth.of(row), 120, "screen \(index) row \(number) is wider than the pane: \(row.debugDescription)")
            }
        }
        // The divider stays in one column on every row between the title bar and the status line (browse screens).
        for (index, screen) in run.screens.prefix(11).enumerated() {
            let rows = stripSGR(screen).components(separatedBy: "\n")
            let columns = Set(rows.dropFirst().prefix(37).compactMap { row -> Int? in
                guard let bar = row.firstIndex(of: "│") else { return nil }
                return DisplayWidth.of(row[..<bar])
            })
            XCTAssertEqual(columns.count, 1, "screen \(index): divider in columns \(columns.sorted())\n\(rows.joined(separator: "\n"))")
        }
    }

    private func stripSGR(_ screen: String) -> String {
        screen.replacingOccurrences(of: "\u{1B}\\[[0-9;:]*m", with: "", options: .regularExpression)
    }

    func testListVerboseNamesWhatWasSkippedAndShowsNamesEscaped() throws {
        let hostile = try HostileFolder.make()
        defer { hostile.remove() }
        let run = try CommandLineRun(try BuiltProduct.byline(), ["list", "--verbose", hostile.path])
        XCTAssertEqual(run.status, 0, run.errors)
        XCTAssertTrue(run.errors.contains("skipped \(hostile.path)/files.example/binary.txt: binary file (NUL bytes)"), run.errors)
        XCTAssertTrue(run.errors.contains("10 articles loaded, 1 skipped"), run.errors)
        XCTAssertTrue(run.errors.contains("cp1252.txt: decoded as Windows-1252"), run.errors)
        XCTAssertTrue(run.output.contains("\t(empty)\n"), run.output)
        XCTAssertTrue(run.output.contains("\t(no article text)\n"), run.output)
        for text in [run.output, run.errors] {
            XCTAssertFalse(text.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n" && $0 != "\t") || (0x7F...0x9F).contains($0.value) || $0.value == 0x202E },
                           "raw control characters in the output:\n\(text.debugDescription)")
        }
        let json = try CommandLineRun(try BuiltProduct.byline(), ["list", "--json", hostile.path])
        XCTAssertTrue(json.output.contains("bad\\\\xFF\\\\xFE name.txt"), json.output)
    }

    func testByNameAPathOfAnotherKindIsRefused() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("byline-fifo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let fifo = folder.appendingPathComponent("pipe.txt").path
        XCTAssertEqual(mkfifo(fifo, 0o644), 0)
        let run = try CommandLineRun(try BuiltProduct.byline(), ["list", fifo])
        XCTAssertEqual(run.status, 2)
        XCTAssertEqual(run.errors, "byline: not a regular file (a named pipe): \(fifo)\n")
        let device = try CommandLineRun(try BuiltProduct.byline(), ["list", "/dev/null"])
        XCTAssertEqual(device.status, 2)
        XCTAssertEqual(device.errors, "byline: not a .txt article file or a folder: /dev/null\n")
    }

    // MARK: Nothing lost

    func testBylineNeverWritesToTheArticleFolder() throws {
        let hostile = try HostileFolder.make()
        defer { hostile.remove() }
        let before = hostile.fingerprint()
        XCTAssertGreaterThan(before.count, 10)
        sleep(1)  // so a rewrite within the same second would still change an mtime's nanoseconds or seconds
        let byline = try BuiltProduct.byline()
        let id = try CommandLineRun(byline, ["list", hostile.path]).lines.first.map { String($0.prefix(12)) } ?? ""
        for arguments in [["list", "--verbose", hostile.path], ["list", "--json", hostile.path], ["show", id, hostile.path],
                          ["show", "--json", id, hostile.path], ["show", hostile.path + "/colours.example/sgr.txt"],
                          ["extract", hostile.path], ["extract", "--json", hostile.path], ["sources", hostile.path]] {
            let run = try CommandLineRun(byline, arguments)
            XCTAssertTrue(run.status == 0, "\(arguments): \(run.errors)")
        }
        // The reader too: browse, star, mark read, quit.
        let (environment, home) = isolatedEnvironment()
        defer { try? FileManager.default.removeItem(at: home) }
        let session = try TmuxSession(width: 100, height: 30, command: command(TmuxSession.quote(hostile.path), environment: environment))
        _ = session.waitFor("articles loaded") { $0.contains("articles") && $0.contains("▌") }
        for key in ["Down", "Enter", "Space", "*", "u", "Escape", "Down"] {
            try session.send(key)
            usleep(150_000)
        }
        try session.send("q")
        XCTAssertTrue(session.waitFor(text: "TTY-CHECKED").contains("EXITED 0"))

        XCTAssertEqual(hostile.fingerprint(), before)
    }

    // MARK: Sizes

    func testExtremeSizesRunAndQuitCleanly() throws {
        let hostile = try HostileFolder.make()
        defer { hostile.remove() }
        for (width, height) in [(1, 1), (2, 1), (1, 3), (400, 120)] {
            let (environment, home) = isolatedEnvironment()
            defer { try? FileManager.default.removeItem(at: home) }
            let session = try TmuxSession(width: width, height: height, command: command(TmuxSession.quote(hostile.path), environment: environment))
            usleep(1_500_000)
            XCTAssertEqual(session.display("#{alternate_on}"), "1", "\(width)×\(height): byline is not running")
            for key in ["Down", "Enter", "Space", "s", "Escape", "?", "Escape"] {
                try session.send(key)
                usleep(150_000)
            }
            if width >= 100 { XCTAssertTrue(session.capture().contains("│"), "\(width)×\(height):\n\(session.capture())") }
            try session.send("q")
            try session.resize(width: 80, height: 24)
            let after = session.waitFor(text: "TTY-CHECKED")
            XCTAssertTrue(after.contains("EXITED 0"), "\(width)×\(height): \(after)")
        }
    }

    /// Resizes sent back to back, as a window manager drags a corner: the reader must follow to the last size.
    /// (How long tmux takes to deliver them is tmux's business, so it is not timed here.)
    func testFiftyRapidResizesEndInTheRightLayout() throws {
        let folder = try ArticleFolder.three()
        defer { folder.remove() }
        let (environment, home) = isolatedEnvironment()
        defer { try? FileManager.default.removeItem(at: home) }
        let session = try TmuxSession(width: 120, height: 40, command: command(TmuxSession.quote(folder.url.path), environment: environment))
        _ = session.waitFor(text: "Alpha Harbour Reopens")
        // The first article is marked read after 1.5 s in the reader; wait for it, so the screen compared
        // after the resizes cannot differ by that mark when the resizes take longer.
        _ = session.waitFor(text: "2 unread")
        let reference = session.capture()
        var random = SystemRandomNumberGenerator()
        for _ in 0..<49 { try session.resize(width: Int.random(in: 1...300, using: &random), height: Int.random(in: 1...100, using: &random)) }
        try session.resize(width: 120, height: 40)
        session.waitFor("the first layout again, exactly") { $0 == reference }
        try session.resize(width: 70, height: 20)
        session.waitFor("stacked layout at 70×20") { screen in
            let rows = screen.components(separatedBy: "\n")
            return rows.count <= 21 && !rows.contains { $0.contains("│") } && rows.contains { $0.hasPrefix("────") }
        }
        try session.send("q")
        XCTAssertTrue(session.waitFor(text: "TTY-CHECKED").contains("EXITED 0"))
    }

    // MARK: Terminals

    func testUnusableTerminalsGetAClearMessageAndExit2() throws {
        let folder = try ArticleFolder.three()
        defer { folder.remove() }
        for (label, environment) in [("unknown", "TERM=no-such-terminal-xyz"), ("dumb", "TERM=dumb"), ("unset", "env -u TERM")] {
            let session = try TmuxSession(width: 100, height: 20, command: command(TmuxSession.quote(folder.url.path), environment: environment))
            let screen = session.waitFor(text: "TTY-CHECKED")
            XCTAssertTrue(screen.contains("EXITED 2"), "\(label): \(screen)")
            XCTAssertTrue(screen.contains("byline: "), "\(label): \(screen)")
            XCTAssertEqual(session.display("#{alternate_on}"), "0", label)
        }
        // No tty at all: standard output to a file.
        let run = try CommandLineRun(try BuiltProduct.byline(), [folder.url.path])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.errors.hasPrefix("byline: not a terminal"), run.errors)
        XCTAssertEqual(run.output, "")
    }

    func testTerminalsWithoutColourGetAMonochromeScreen() throws {
        let hostile = try HostileFolder.make()
        defer { hostile.remove() }
        for term in ["vt100", "xterm-mono"] {
            let (environment, home) = isolatedEnvironment()
            defer { try? FileManager.default.removeItem(at: home) }
            let session = try TmuxSession(width: 120, height: 40, command: command(TmuxSession.quote(hostile.path), environment: "TERM=\(term) " + environment))
            _ = session.waitFor("\(term): articles") { $0.contains("articles") }
            try session.send("Down", "Enter")
            usleep(400_000)
            let screen = session.capture(escapes: true)
            let colours = sgrCodes(screen).filter { code in
                code.split(separator: ";").contains { part in
                    guard let value = Int(part) else { return false }
                    // 39 and 49 reset to the terminal's own colours; they are not colours.
                    return ((30...49).contains(value) || (90...107).contains(value)) && value != 39 && value != 49
                }
            }
            XCTAssertEqual(colours, [], "\(term) shows colour codes:\n\(screen)")
            XCTAssertFalse(stripSGR(screen).contains("\u{1B}"), "\(term): other escape codes in the screen")
            try session.send("q")
            XCTAssertTrue(session.waitFor(text: "TTY-CHECKED").contains("EXITED 0"), term)
        }
    }
}
