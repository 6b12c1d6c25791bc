import Dispatch
import Foundation

/// Runs a program with posix_spawn and waits for it with wait4, for its wall time and peak memory.
/// (Foundation's `Process` hangs when the child starts a tmux server, so it is not used anywhere here.)
enum ChildProcess {
    /// How a child run went.
    struct Outcome {
        let status: Int32
        let seconds: Double
        /// The child's peak resident set size (ru_maxrss), in KiB.
        let maxResidentKiB: Int
        let output: String
    }

    /// Runs `arguments[0]` (an absolute path) with stdin from /dev/null and stdout to `stdoutPath` (or a temp
    /// file that is read back), stderr inherited unless `quiet`.
    static func run(_ arguments: [String], stdoutPath: String? = nil, quiet: Bool = false,
                    environment extra: [String: String] = [:]) -> Outcome {
        let outputPath = stdoutPath ?? NSTemporaryDirectory() + "bylinebench-\(getpid())-\(UUID().uuidString.prefix(8)).out"
        defer { if stdoutPath == nil { unlink(outputPath) } }
        var environment = ProcessInfo.processInfo.environment
        for (key, value) in extra { environment[key] = value }
        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        if quiet { posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0) }
        let start = DispatchTime.now()
        var child: pid_t = 0
        guard posix_spawn(&child, arguments[0], &actions, nil, argv, envp) == 0 else {
            return Outcome(status: -1, seconds: 0, maxResidentKiB: 0, output: "")
        }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(child, &status, 0, &usage) < 0 && errno == EINTR {}
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        let output = stdoutPath == nil ? ((try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? "") : ""
        let exitStatus = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        return Outcome(status: exitStatus, seconds: seconds, maxResidentKiB: Int(usage.ru_maxrss), output: output)
    }

    /// Runs a shell command line.
    static func shell(_ command: String, quiet: Bool = false) -> Outcome {
        run(["/bin/sh", "-c", command], quiet: quiet)
    }
}

/// Monotonic time in seconds, for measuring.
enum Clock {
    static func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

    static func measure<T>(_ body: () throws -> T) rethrows -> (T, Double) {
        let start = now()
        let value = try body()
        return (value, now() - start)
    }
}
