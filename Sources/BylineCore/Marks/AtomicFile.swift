import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Replaces a file so that a crash leaves either the old or the new contents, never a mix:
/// write a temporary file beside it, fsync, rename over, fsync the folder.
public enum AtomicFile {
    /// An error from a system call, with the file it concerned.
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
        public init(description: String) { self.description = description }
    }

    /// The prefix of temporary files for `path`; anything with it is a leftover of an interrupted write.
    public static func temporaryPrefix(for path: String) -> String {
        (path as NSString).lastPathComponent + ".tmp-"
    }

    /// Writes `data` atomically to `path`.
    public static func write(_ data: Data, to path: String) throws {
        let temporary = try writeTemporary(data, beside: path)
        try commit(temporary, to: path)
    }

    /// First half of `write`: the data, durable, in a temporary file in `path`'s folder. A crash after
    /// this leaves `path` untouched and a stray temporary file that `removeStrayTemporaries` deletes.
    public static func writeTemporary(_ data: Data, beside path: String) throws -> String {
        let folder = (path as NSString).deletingLastPathComponent
        let name = temporaryPrefix(for: path) + "\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let temporary = (folder.isEmpty ? "." : folder) + "/" + name
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw failure("cannot create", temporary) }
        defer { close(descriptor) }
        let complete = data.withUnsafeBytes { FileIO.writeFully(descriptor, $0) }
        guard complete, fsync(descriptor) == 0 else {
            let error = failure("cannot write", temporary)
            unlink(temporary)
            throw error
        }
        return temporary
    }

    /// Second half of `write`: renames the temporary file over `path` and makes the rename durable.
    public static func commit(_ temporary: String, to path: String) throws {
        guard rename(temporary, path) == 0 else {
            let error = failure("cannot replace", path)
            unlink(temporary)
            throw error
        }
        let folder = (path as NSString).deletingLastPathComponent
        let descriptor = open(folder.isEmpty ? "." : folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if descriptor >= 0 {
            fsync(descriptor)
            close(descriptor)
        }
    }

    /// Deletes temporary files an interrupted write left beside `path`. Call only while holding the
    /// file's lock, when no other writer can have a temporary file in flight.
    public static func removeStrayTemporaries(beside path: String) {
        let folder = (path as NSString).deletingLastPathComponent
        let prefix = temporaryPrefix(for: path)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.isEmpty ? "." : folder) else { return }
        for name in names where name.hasPrefix(prefix) {
            unlink((folder as NSString).appendingPathComponent(name))
        }
    }

    static func failure(_ what: String, _ path: String) -> Failure {
        Failure(description: "\(what) \(path): \(String(cString: strerror(errno)))")
    }
}
