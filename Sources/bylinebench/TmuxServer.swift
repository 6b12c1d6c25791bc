import Foundation

/// A private tmux server (its own -L socket, no config) for launching programs in panes of a fixed size.
final class TmuxServer {
    static let executable = "/usr/bin/tmux"
    let socket = "bylinebench-\(getpid())"

    static var isAvailable: Bool { FileManager.default.isExecutableFile(atPath: executable) }

    init() {
        // A placeholder session keeps the server up between measured sessions.
        _ = command(["new-session", "-d", "-s", "keep", "sleep 86400"])
    }

    deinit { _ = command(["kill-server"]) }

    @discardableResult
    func command(_ arguments: [String]) -> String {
        ChildProcess.run([Self.executable, "-L", socket, "-f", "/dev/null"] + arguments, quiet: true).output
    }

    /// Starts `shellCommand` in a new detached session of the given size; the pane stays after the program ends.
    func start(session: String, width: Int, height: Int, shellCommand: String) {
        command(["new-session", "-d", "-s", session, "-x", "\(width)", "-y", "\(height)",
                 "env TERM=tmux-256color LANG=C.UTF-8 sh -c \(Self.quote(shellCommand))",
                 ";", "set-option", "-t", session, "remain-on-exit", "on",
                 ";", "set-option", "-t", session, "status", "off"])
    }

    func capture(_ session: String) -> String { command(["capture-pane", "-p", "-t", session]) }

    func isDead(_ session: String) -> Bool {
        command(["display-message", "-p", "-t", session, "#{pane_dead}"]).hasPrefix("1")
    }

    func kill(_ session: String) { command(["kill-session", "-t", session]) }

    static func quote(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'" }
}

/// Time from launching the reader in tmux to its first drawn list: the pane waits on a FIFO, the clock starts
/// when the FIFO releases it (so tmux start-up is not counted), and the screen is polled until the title bar
/// counts at least one article.
enum FirstScreenMeasurement {
    static func measure(server: TmuxServer, byline: String, folder: String, run: Int, timeout: Double = 300) throws -> Double {
        let fifo = NSTemporaryDirectory() + "bylinebench-\(getpid())-\(run).fifo"
        unlink(fifo)
        guard mkfifo(fifo, 0o600) == 0 else { throw BenchError("cannot create \(fifo)") }
        defer { unlink(fifo) }
        let session = "first\(run)"
        server.start(session: session, width: 120, height: 40,
                     shellCommand: "read _ < \(TmuxServer.quote(fifo)); exec \(TmuxServer.quote(byline)) \(TmuxServer.quote(folder))")
        defer { server.kill(session) }
        let descriptor = open(fifo, O_WRONLY)
        guard descriptor >= 0 else { throw BenchError("cannot open \(fifo)") }
        let start = Clock.now()
        _ = write(descriptor, "go\n", 3)
        close(descriptor)
        while Clock.now() - start < timeout {
            let screen = server.capture(session)
            let now = Clock.now()
            if showsList(screen) { return now - start }
            if server.isDead(session) { throw BenchError("byline exited before drawing a list:\n\(screen)") }
            usleep(1_000)
        }
        throw BenchError("no list after \(Int(timeout)) s:\n\(server.capture(session))")
    }

    /// Whether the title bar (first line) counts one article or more: `byline · 1,234 articles · …`.
    static func showsList(_ screen: String) -> Bool {
        guard let titleLine = screen.split(separator: "\n", omittingEmptySubsequences: false).first,
              let range = titleLine.range(of: " article") else { return false }
        let digits = titleLine[..<range.lowerBound].reversed().prefix { $0.isNumber || $0 == "," }.filter(\.isNumber)
        return Int(String(digits.reversed())).map { $0 > 0 } ?? false
    }
}
