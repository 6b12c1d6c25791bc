import Foundation

/// Runs the built binary and collects its output and errors (through files, so a full pipe can never block it).
struct CommandLineRun {
    let status: Int32
    let output: String
    let errors: String
    var lines: [String] { output.split(separator: "\n").map(String.init) }

    /// The extraction cache folder of every run unless a test gives its own: never the person's `~/.cache`.
    static let privateCacheHome = FileManager.default.temporaryDirectory
        .appendingPathComponent("byline-e2e-cache-\(getpid())").path

    init(_ executable: String, _ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:]) throws {
        let outputURL = try Self.emptyFile(), errorURL = try Self.emptyFile()
        defer { [outputURL, errorURL].forEach { try? FileManager.default.removeItem(at: $0) } }
        let output = try FileHandle(forWritingTo: outputURL), errors = try FileHandle(forWritingTo: errorURL)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        process.environment = ProcessInfo.processInfo.environment
            .merging(["XDG_CACHE_HOME": Self.privateCacheHome]) { $1 }.merging(environment) { $1 }
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        process.waitUntilExit()
        try output.close()
        try errors.close()
        status = process.terminationStatus
        self.output = try String(contentsOf: outputURL, encoding: .utf8)
        self.errors = try String(contentsOf: errorURL, encoding: .utf8)
    }

    private static func emptyFile() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("byline-run-\(UUID().uuidString)")
        try Data().write(to: url)
        return url
    }
}
