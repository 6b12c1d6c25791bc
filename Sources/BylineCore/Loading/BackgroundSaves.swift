import Dispatch
import Foundation

/// Extraction-cache saves still running on background threads. A cache opened on a file waits for the save of
/// that file, and a normal exit of the process waits for every save, so a command such as `byline list` that
/// ends right after its load still leaves the whole cache behind. A signal does not wait: the reader quits
/// promptly (`Terminal.exit(forSignal:)` ends the process without exit handlers), and a save cut short leaves
/// the old cache and a temporary file that a later load removes.
enum BackgroundSaves {
    private static let running = Locked<[String: DispatchGroup]>([:])

    /// Registers the exit wait the first time a save starts.
    private static let waitsAtExit: Void = {
        atexit { BackgroundSaves.waitForAll() }
    }()

    /// Runs `work` on a background thread as the save of `path`, leaving `done` when it ends.
    static func start(path: String, done: DispatchGroup, _ work: @escaping @Sendable () -> Void) {
        _ = waitsAtExit
        done.enter()
        // A second save of one path waits for the first: the later one must be the file left behind, and both
        // would write the same temporary file. Taking the path is one locked step, so two saves started at
        // once cannot both find it free.
        while let earlier = running.withLock({ running -> DispatchGroup? in
            if let earlier = running[path] { return earlier }
            running[path] = done
            return nil
        }) {
            earlier.wait()
        }
        Thread.detachNewThread {
            work()
            running.withLock { running in
                if running[path] === done { running[path] = nil }
            }
            done.leave()
        }
    }

    /// Returns once no save of `path` is running.
    static func wait(for path: String) {
        running.withLock { $0[path] }?.wait()
    }

    /// Returns once no save is running.
    static func waitForAll() {
        for group in running.withLock({ Array($0.values) }) { group.wait() }
    }
}
