import Foundation
import XCTest

/// `terminal-harness` running in a private tmux server, with its log, exit status and the tty modes it left behind.
final class TerminalBackendHarness {
    let directory: URL
    private let socket: String
    private let tmuxPath: String

    /// Starts the harness in a `width`×`height` pane, through `shell` when given (for job control),
    /// and waits until its first screen is drawn. Skips when tmux or the harness binary is missing.
    init(width: Int = 100, height: Int = 30, term: String = "tmux-256color", interactiveShell: Bool = false) throws {
        guard let tmuxPath = Self.executable(named: "tmux") else { throw XCTSkip("tmux is not installed") }
        let harness = try Self.harnessBinary()
        self.tmuxPath = tmuxPath
        socket = "byline-term-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        directory = FileManager.default.temporaryDirectory.appendingPathComponent(socket)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)

        let dir = directory.path
        // A placeholder keeps the server alive between sessions; a fresh pane records the sane tty modes.
        run(["new-session", "-d", "-s", "keep", "sleep 600"])
        run(["new-session", "-d", "-s", "baseline", "stty -a > '\(dir)/stty-baseline'; sleep 600"])
        let environment = "env TERM=\(term) TERMINAL_HARNESS_LOG='\(dir)/log'"
        if interactiveShell {
            run(["new-session", "-d", "-s", "app", "-x", "\(width)", "-y", "\(height)",
                 "env PS1='PROMPT$ ' bash --norc --noprofile -i"])
            try waitFor("the shell prompt") { self.capture().contains("PROMPT$") }
            sendLiteral("\(environment) '\(harness.path)'")
            sendKeys("Enter")
        } else {
            // The modes are saved before the status, so a test that sees the status can read them.
            let command = "\(environment) '\(harness.path)' 2> '\(dir)/stderr'; status=$?; stty -a > '\(dir)/stty-after'; "
                + "echo $status > '\(dir)/status.tmp'; mv '\(dir)/status.tmp' '\(dir)/status'; echo AFTER-EXIT; sleep 600"
            run(["new-session", "-d", "-s", "app", "-x", "\(width)", "-y", "\(height)", command])
        }
        try waitFor("the first screen") { self.capture().contains("HARNESS") && self.logLines.contains { $0.hasPrefix("draw") } }
    }

    deinit {
        run(["kill-server"])
        try? FileManager.default.removeItem(at: directory)
    }

    static func harnessBinary() throws -> URL {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
            Bundle(for: TerminalBackendHarness.self).bundleURL.deletingLastPathComponent(),
        ]
        for folder in candidates {
            let binary = folder.appendingPathComponent("terminal-harness")
            if FileManager.default.isExecutableFile(atPath: binary.path) { return binary }
        }
        throw XCTSkip("terminal-harness is not built next to the tests")
    }

    private static func executable(named name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Runs one tmux command and returns what it printed. posix_spawn, not Foundation's Process: the tmux
    /// server that the first command forks inherits Process's exit-notification socket, and Process then
    /// never sees the client exit (waitUntilExit hangs with a defunct "tmux: client").
    @discardableResult
    func run(_ arguments: [String]) -> String {
        TmuxCommand.run(tmux: tmuxPath, socket: socket, arguments, outputPath: directory.appendingPathComponent("tmux-output").path)
    }

    func capture(escapes: Bool = false) -> String {
        run(["capture-pane", "-p", "-t", "app"] + (escapes ? ["-e"] : []))
    }

    func display(_ format: String) -> String {
        run(["display", "-p", "-t", "app", format]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func sendKeys(_ keys: String...) { run(["send-keys", "-t", "app"] + keys) }
    func sendLiteral(_ text: String) { run(["send-keys", "-t", "app", "-l", text]) }
    func sendBytes(_ hex: String...) { run(["send-keys", "-t", "app", "-H"] + hex) }

    var logLines: [String] { read("log").split(separator: "\n").map(String.init) }
    var harnessPID: pid_t? {
        logLines.first { $0.hasPrefix("pid ") }?.split(separator: " ").dropFirst().first.flatMap { pid_t($0) }
    }

    /// The harness's exit status, once the wrapper has recorded it.
    func waitForExitStatus(timeout: TimeInterval = 10) throws -> Int {
        try waitFor("the harness to exit", timeout: timeout) { !self.read("status").isEmpty }
        return Int(read("status").trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
    }

    /// `stty -a` after exit and in a fresh pane, without the first line (speed and size).
    var ttyModes: (after: String, baseline: String) {
        (read("stty-after").split(separator: "\n").dropFirst().joined(separator: "\n"),
         read("stty-baseline").split(separator: "\n").dropFirst().joined(separator: "\n"))
    }

    func waitForLog(_ prefix: String, timeout: TimeInterval = 5) throws {
        try waitFor("log line \(prefix)", timeout: timeout) { self.logLines.contains { $0.hasPrefix(prefix) } }
    }

    func waitFor(_ what: String, timeout: TimeInterval = 10, _ condition: () -> Bool) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if condition() { return }
            usleep(20_000)
        }
        XCTFail("timed out waiting for \(what); screen:\n\(capture())")
        throw XCTSkip("giving up after the timeout")
    }

    private func read(_ name: String) -> String {
        (try? String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)) ?? ""
    }
}
