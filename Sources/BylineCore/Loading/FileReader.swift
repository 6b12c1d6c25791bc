#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads files by their raw path bytes, so names that are not valid UTF-8 still open, and never blocks
/// on a FIFO or device that happens to be named `.txt`.
enum FileReader {
    /// What was read: at most `limit + 1` bytes (so a caller can tell the file was longer) and its full size.
    struct Contents {
        let bytes: [UInt8]
        let fileSize: Int
    }

    /// Reads up to `limit + 1` bytes of the regular file at `systemPath`, or says why it could not; opened
    /// through `folder` when given (one name for the kernel to look up instead of the whole path).
    static func read(_ systemPath: [UInt8], limit: Int, in folder: OpenFolder? = nil) -> Result<Contents, ReadFailure> {
        let flags = O_RDONLY | O_NONBLOCK | O_CLOEXEC
        let descriptor = folder?.open(systemPath, flags: flags) ?? withCString(systemPath) { open($0, flags) }
        guard descriptor >= 0 else { return .failure(ReadFailure(reason: lastErrorText())) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .failure(ReadFailure(reason: lastErrorText())) }
        guard (info.st_mode & S_IFMT) == S_IFREG else { return .failure(ReadFailure(reason: "not a regular file")) }
        let fileSize = Int(info.st_size)
        let wanted = limit == Int.max ? limit : limit + 1
        // The size may change while we read (a file being written or truncated); read until EOF or `wanted`.
        // First into room for the size said plus one byte, not zeroed first: nearly always the whole file.
        var failure: ReadFailure?
        var reachedEnd = false
        let room = min(wanted, max(fileSize, 0) + 1)
        var bytes = [UInt8](unsafeUninitializedCapacity: room) { buffer, count in
            count = 0
            while count < room {
                let read = systemRead(descriptor, buffer.baseAddress! + count, room - count)
                if read < 0 {
                    if errno == EINTR { continue }
                    failure = ReadFailure(reason: "unreadable: " + lastErrorText())
                    return
                }
                if read == 0 {
                    reachedEnd = true
                    return
                }
                count += read
            }
        }
        if let failure { return .failure(failure) }
        if reachedEnd { return .success(Contents(bytes: bytes, fileSize: max(fileSize, bytes.count))) }
        // The file has grown since `fstat`: on in chunks.
        var filled = bytes.count
        while filled < wanted {
            if filled == bytes.count { bytes.append(contentsOf: repeatElement(0, count: min(wanted - filled, 1 << 16))) }
            let count = bytes.withUnsafeMutableBytes { buffer in
                systemRead(descriptor, buffer.baseAddress! + filled, buffer.count - filled)
            }
            if count < 0 {
                if errno == EINTR { continue }
                return .failure(ReadFailure(reason: "unreadable: " + lastErrorText()))
            }
            if count == 0 { break }
            filled += count
        }
        bytes.removeSubrange(filled...)
        return .success(Contents(bytes: bytes, fileSize: max(fileSize, filled)))
    }

    /// Calls `body` with `bytes` as a NUL-terminated C string.
    static func withCString<T>(_ bytes: [UInt8], _ body: (UnsafePointer<CChar>) -> T) -> T {
        bytes.withUnsafeBufferPointer { withCString($0, body) }
    }

    static func withCString<T>(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (UnsafePointer<CChar>) -> T) -> T {
        // A copy on the stack (for a path of usual length), not a new array on the heap for every file.
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: bytes.count + 1) { buffer in
            UnsafeMutableRawBufferPointer(buffer).copyMemory(from: UnsafeRawBufferPointer(bytes))
            buffer[bytes.count] = 0
            return body(buffer.baseAddress!)
        }
    }

    /// The current `errno` as lower-case text ("permission denied").
    static func lastErrorText() -> String { errorText(errno) }

    /// An error number as lower-case text.
    static func errorText(_ code: Int32) -> String {
        String(cString: strerror(code)).lowercased()
    }
}

/// Why a file could not be read.
struct ReadFailure: Error {
    let reason: String
}

/// `read(2)`, named apart from the many Swift `read` methods in scope.
private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
    return Glibc.read(descriptor, buffer, count)
    #else
    return Darwin.read(descriptor, buffer, count)
    #endif
}
