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
        read(systemPath, limit: limit, in: folder, into: ReadBuffer()) { bytes, fileSize in
            Contents(bytes: Array(bytes), fileSize: fileSize)
        }
    }

    /// The same, read into `buffer`: `body` is given the bytes read (valid only during the call) and the
    /// file's full size.
    static func read<Read>(
        _ systemPath: [UInt8], limit: Int, in folder: OpenFolder?, into buffer: ReadBuffer,
        _ body: (_ bytes: UnsafeBufferPointer<UInt8>, _ fileSize: Int) -> Read
    ) -> Result<Read, ReadFailure> {
        let flags = O_RDONLY | O_NONBLOCK | O_CLOEXEC
        let descriptor = folder?.open(systemPath, flags: flags) ?? withCString(systemPath) { open($0, flags) }
        guard descriptor >= 0 else { return .failure(ReadFailure(reason: lastErrorText())) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .failure(ReadFailure(reason: lastErrorText())) }
        guard (info.st_mode & S_IFMT) == S_IFREG else { return .failure(ReadFailure(reason: "not a regular file")) }
        let fileSize = Int(info.st_size)
        let wanted = limit == Int.max ? limit : limit + 1
        defer { buffer.shrink() }
        guard let filled = fill(buffer, sizeSaid: fileSize, wanted: wanted, readSome: { systemRead(descriptor, $0, $1) }) else {
            return .failure(ReadFailure(reason: "unreadable: " + lastErrorText()))
        }
        return .success(body(buffer.bytes(filled), max(fileSize, filled)))
    }

    /// Reads into `buffer` with `readSome` (a `read(2)` of the open file: bytes read, 0 at the end, -1 with
    /// `errno` on an error) until the end of the file or `wanted` bytes; how many, or nil with `errno` set.
    static func fill(_ buffer: ReadBuffer, sizeSaid fileSize: Int, wanted: Int,
                     readSome: (UnsafeMutableRawPointer, Int) -> Int) -> Int? {
        // The size may change while we read (a file being written or truncated); read until EOF or `wanted`.
        // First into room for the size said plus one byte: nearly always the whole file.
        var room = min(wanted, max(fileSize, 0) + 1)
        var filled = 0
        var base = buffer.room(for: room, keeping: 0)
        while filled < wanted {
            if filled == room {
                // The file has grown since `fstat`: on in chunks.
                room = min(wanted, filled + (1 << 16))
                base = buffer.room(for: room, keeping: filled)
            }
            let asked = room - filled
            let count = readSome(base + filled, asked)
            if count < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if count == 0 { break }
            filled += count
            // Less than asked, ending at the size `fstat` gave: the end of the file, as a read that returned
            // nothing would say (for a regular file, a read returns less only at the end). Spares that read.
            if count < asked && filled == fileSize { break }
        }
        return filled
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
