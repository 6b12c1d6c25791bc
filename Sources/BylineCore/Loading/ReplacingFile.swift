import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file written through a buffer under a temporary name beside `path` (`path.tmp-PID`), then renamed over it,
/// so a reader of `path` sees the old file or the whole new one. Not made durable with fsync: it holds caches,
/// which a crash may lose.
final class ReplacingFile {
    let path: String
    let temporary: String
    /// Bytes written so far, buffered or not.
    private(set) var length = 0
    private let descriptor: Int32
    private var buffer: [UInt8] = []
    private var failed = false
    private var isOpen = true
    private static let flushSize = 1 << 17

    /// nil when the temporary file cannot be created; creates the folder (private to the user) if needed.
    init?(replacing path: String) {
        self.path = path
        let folder = (path as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                 attributes: [.posixPermissions: 0o700])
        temporary = path + ".tmp-\(getpid())"
        descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return nil }
    }

    func write(_ bytes: UnsafeRawBufferPointer) {
        length += bytes.count
        // Bytes that fill a buffer on their own go straight to the file: the saved index's arrays run to tens
        // of megabytes, and a copy of them came at the top of a load's memory.
        guard bytes.count < Self.flushSize else {
            flush()
            if !failed && !FileIO.writeFully(descriptor, bytes) { failed = true }
            return
        }
        buffer.append(contentsOf: bytes)
        if buffer.count >= Self.flushSize { flush() }
    }

    func write(_ bytes: [UInt8]) { bytes.withUnsafeBytes { write($0) } }

    /// Writes what is buffered and renames the file over `path`; false (and no temporary file left) on failure.
    func commit() -> Bool {
        flush()
        guard isOpen else { return false }
        isOpen = false
        close(descriptor)
        guard !failed, rename(temporary, path) == 0 else {
            unlink(temporary)
            return false
        }
        return true
    }

    private func flush() {
        if !failed && !buffer.withUnsafeBytes({ FileIO.writeFully(descriptor, $0) }) { failed = true }
        buffer.removeAll(keepingCapacity: true)
    }
}
