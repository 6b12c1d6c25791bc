import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The read and star marks on disk (`$XDG_STATE_HOME/byline/state.json`), shared safely by every
/// byline running at once: each change is merged into what is on disk under an exclusive lock
/// (`state.json.lock`) and written atomically.
public struct MarksFile: Sendable {
    /// The marks read or merged, and a warning when the file on disk was corrupt and set aside.
    public struct Outcome: Sendable {
        public let marks: MarkSet
        public let warning: String?

        public init(marks: MarkSet, warning: String?) {
            self.marks = marks
            self.warning = warning
        }
    }

    public let path: String

    public init(path: String) { self.path = path }

    /// `$XDG_STATE_HOME/byline/state.json`, or `~/.local/state/byline/state.json`; nil without either.
    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            return (state as NSString).appendingPathComponent("byline/state.json")
        }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return (home as NSString).appendingPathComponent(".local/state/byline/state.json")
    }

    var lockPath: String { path + ".lock" }

    /// What identifies one version of the file on disk (inode, size, modification time), so a running
    /// reader can notice another instance's write without reading the file each time.
    public func signature() -> [Int64]? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return [Int64(info.st_ino), Int64(info.st_size), Int64(info.st_mtim.tv_sec), Int64(info.st_mtim.tv_nsec)]
    }

    /// Reads the marks. A missing file means no marks; a corrupt one is renamed aside with a warning.
    public func load() throws -> Outcome {
        guard FileManager.default.fileExists(atPath: path) else { return Outcome(marks: MarkSet(), warning: nil) }
        return try locked { readLocked() }
    }

    /// Merges `changes` into the marks on disk (keeping marks, and fields, other instances wrote) and writes the
    /// result atomically; returns everything now on disk.
    public func apply(_ changes: [MarkKey: MarkChange]) throws -> Outcome {
        try locked {
            AtomicFile.removeStrayTemporaries(beside: path)
            let current = readLocked()
            var merged = current.marks
            merged.apply(changes)
            try AtomicFile.write(MarksFileFormat.encode(merged), to: path)
            return Outcome(marks: merged, warning: current.warning)
        }
    }

    private func readLocked() -> Outcome {
        guard let data = FileManager.default.contents(atPath: path) else { return Outcome(marks: MarkSet(), warning: nil) }
        if let marks = MarksFileFormat.decode(data) { return Outcome(marks: marks, warning: nil) }
        let aside = path + ".corrupt-" + Self.timestamp()
        if rename(path, aside) == 0 {
            return Outcome(marks: MarkSet(), warning: "the state file was corrupt; moved it to \(aside) and started with no read marks")
        }
        return Outcome(marks: MarkSet(), warning: "the state file \(path) is corrupt and could not be moved aside: \(String(cString: strerror(errno)))")
    }

    /// Runs `body` holding an exclusive `flock` on the side lock file (creating the folder if needed).
    private func locked<T>(_ body: () throws -> T) throws -> T {
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty {
            try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                     attributes: [.posixPermissions: 0o700])
        }
        let descriptor = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw AtomicFile.failure("cannot open", lockPath) }
        defer { close(descriptor) }
        while flock(descriptor, LOCK_EX) != 0 {
            guard errno == EINTR else { throw AtomicFile.failure("cannot lock", lockPath) }
        }
        defer { flock(descriptor, LOCK_UN) }
        return try body()
    }

    private static func timestamp() -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        return formatter.string(from: Date())
    }
}

/// The JSON inside state.json: `{"version": 1, "marks": {"<key>": {"read": true, "starred": false}}}`.
enum MarksFileFormat {
    private struct Document: Codable {
        var version: Int
        var marks: [String: ArticleMark]
    }

    static func encode(_ marks: MarkSet) -> Data {
        var entries: [String: ArticleMark] = [:]
        for (key, mark) in marks.marks { entries[key.description] = mark }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(Document(version: 1, marks: entries))) ?? Data()
    }

    /// nil when the data is not a state file byline can read.
    static func decode(_ data: Data) -> MarkSet? {
        guard let document = try? JSONDecoder().decode(Document.self, from: data), document.version == 1 else { return nil }
        var marks: [MarkKey: ArticleMark] = [:]
        for (text, mark) in document.marks {
            guard let key = MarkKey(text) else { return nil }
            marks[key] = mark
        }
        return MarkSet(marks)
    }
}
