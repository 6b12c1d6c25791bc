import Foundation

/// Runs one tmux client command on a private server and returns what it printed.
///
/// posix_spawn + waitpid, not Foundation's `Process`: a client that starts the tmux server hands it the socket
/// `Process` uses to learn that the child ended, so `waitUntilExit` would wait as long as the server lives.
/// Output goes to a file for the same reason (a pipe would stay open in the server).
enum TmuxCommand {
    static func run(tmux: String, socket: String, _ arguments: [String], outputPath: String) -> String {
        let argv = ([tmux, "-L", socket, "-f", "/dev/null"] + arguments).map { strdup($0) } + [nil]
        let environment = ProcessInfo.processInfo.environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + environment).forEach { free($0) } }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var child: pid_t = 0
        guard posix_spawn(&child, tmux, &actions, nil, argv, environment) == 0 else { return "" }
        var status: Int32 = 0
        while waitpid(child, &status, 0) < 0 && errno == EINTR {}
        return (try? String(contentsOf: URL(fileURLWithPath: outputPath), encoding: .utf8)) ?? ""
    }
}
