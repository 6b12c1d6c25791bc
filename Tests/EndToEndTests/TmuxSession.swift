import Foundation
import XCTest

/// Drives a program in a detached tmux session on a private server: type keys, read the screen.
final class TmuxSession {
    let socket: String
    let name = "app"
    private static let tmux = "/usr/bin/tmux"

    /// Starts `command` (a shell command line) in a `width`×`height` pane.
    init(width: Int, height: Int, command: String, environment: [String: String] = [:]) throws {
        guard FileManager.default.isExecutableFile(atPath: Self.tmux) else { throw XCTSkip("tmux is not installed") }
        socket = "byline-e2e-\(getpid())-\(UUID().uuidString.prefix(8))"
        // A placeholder session keeps the server alive when the app's session ends.
        try run(["new-session", "-d", "-s", "keep", "sleep 600"])
        // NO_COLOR is unset (swift test sets it) so the reader draws in colour as for a person; a private
        // state, config and cache folder so a test never reads or changes the person's own marks, settings
        // and extraction cache.
        let home = FileManager.default.temporaryDirectory.appendingPathComponent(socket).path
        let isolated = ["XDG_STATE_HOME": home + "/state", "XDG_CONFIG_HOME": home + "/config", "XDG_CACHE_HOME": home + "/cache"]
            .merging(environment) { $1 }
        let exports = isolated.map { "\($0.key)=\(Self.quote($0.value))" }.joined(separator: " ")
        try run(["new-session", "-d", "-s", name, "-x", "\(width)", "-y", "\(height)",
                 "env -u NO_COLOR TERM=tmux-256color LANG=C.UTF-8 \(exports) sh -c \(Self.quote(command))"])
    }

    deinit {
        _ = try? run(["kill-server"])
        try? FileManager.default.removeItem(at: FileManager.default.temporaryDirectory.appendingPathComponent(socket))
    }

    /// The visible screen as text, one line per row (`-e` adds the SGR escape sequences).
    func capture(escapes: Bool = false) -> String {
        (try? run(["capture-pane", "-p", "-t", name] + (escapes ? ["-e"] : []))) ?? ""
    }

    /// Sends tmux key names (`Down`, `Enter`, `q`, `Space`).
    func send(_ keys: String...) throws {
        try run(["send-keys", "-t", name] + keys)
    }

    /// Sends text literally.
    func type(_ text: String) throws {
        try run(["send-keys", "-t", name, "-l", text])
    }

    func resize(width: Int, height: Int) throws {
        try run(["resize-window", "-t", name, "-x", "\(width)", "-y", "\(height)"])
    }

    func display(_ format: String) -> String {
        ((try? run(["display-message", "-p", "-t", name, format])) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Waits until `predicate` holds for the screen, or fails with the last screen.
    @discardableResult
    func waitFor(_ description: String, timeout: TimeInterval = 15, file: StaticString = #filePath, line: UInt = #line,
                 _ predicate: (String) -> Bool) -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var screen = capture()
        while Date() < deadline {
            screen = capture()
            if predicate(screen) { return screen }
            usleep(20_000)
        }
        XCTFail("timed out waiting for \(description); screen:\n\(screen)", file: file, line: line)
        return screen
    }

    func waitFor(text: String, timeout: TimeInterval = 15, file: StaticString = #filePath, line: UInt = #line) -> String {
        waitFor("'\(text)'", timeout: timeout, file: file, line: line) { $0.contains(text) }
    }

    @discardableResult
    private func run(_ arguments: [String]) throws -> String {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("\(socket)-output").path
        defer { try? FileManager.default.removeItem(atPath: output) }
        return TmuxCommand.run(tmux: Self.tmux, socket: socket, arguments, outputPath: output)
    }

    static func quote(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'" }
}

/// Where the built `byline` executable and the package are.
enum BuiltProduct {
    static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// The executable built beside the test bundle (works for any --scratch-path).
    static func byline() throws -> String {
        var candidates: [URL] = []
        if let bundle = Bundle.allBundles.first(where: { $0.bundlePath.hasSuffix(".xctest") }) {
            candidates.append(bundle.bundleURL.deletingLastPathComponent().appendingPathComponent("byline"))
        }
        candidates.append(URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("byline"))
        candidates.append(packageRoot.appendingPathComponent(".build/debug/byline"))
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw XCTSkip("byline executable not built (looked in \(candidates.map(\.path)))")
        }
        return found.path
    }

    /// The shared measurement folder beside the checkout, if present.
    static var shared: URL? {
        let url = packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }
}

/// A temporary folder of invented articles for end-to-end runs.
struct ArticleFolder {
    let url: URL

    init(_ files: [String: String]) throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("byline-e2e-\(UUID().uuidString)")
        for (path, text) in files {
            let file = url.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: file)
        }
    }

    func remove() { try? FileManager.default.removeItem(at: url) }

    /// Three short articles from two sources with known titles and dates (newest first: A, B, C).
    static func three() throws -> ArticleFolder {
        func article(_ title: String, _ date: String, _ body: String) -> String {
            "Connect with us\n\nNews\n\n\(title)\n\nPublished\n\non\n\n\(date)\n\n" + (1...12).map { "\(body) Paragraph \($0) goes on with enough words to be a real paragraph of an article, as readers expect." }.joined(separator: "\n\n") + "\n"
        }
        return try ArticleFolder([
            "north.example/a.txt": article("Alpha Harbour Reopens After Storm Repairs", "2024-05-03", "The harbour reopened on Friday."),
            "north.example/b.txt": article("Bravo Council Approves Night Ferry", "2024-05-02", "The council voted on Thursday."),
            "south.example/c.txt": article("Charlie Market Returns To The Square", "2024-05-01", "The market came back on Wednesday."),
        ])
    }
}
