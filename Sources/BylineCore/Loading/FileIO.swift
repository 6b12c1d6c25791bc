import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Whole reads and writes on a file descriptor, retried across short counts and EINTR.
enum FileIO {
    /// Reads up to `buffer.count` bytes at `offset`; returns how many were read (fewer at the end of the file
    /// or on an error).
    static func readFully(_ descriptor: Int32, into buffer: UnsafeMutableRawBufferPointer, at offset: Int64) -> Int {
        guard let base = buffer.baseAddress else { return 0 }
        var done = 0
        while done < buffer.count {
            let count = pread(descriptor, base + done, buffer.count - done, off_t(offset) + off_t(done))
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { break }
            done += count
        }
        return done
    }

    /// `count` elements read at `offset` into a new array; nil when the file holds fewer.
    static func read<Element: FixedWidthInteger>(_ descriptor: Int32, count: Int, at offset: Int64) -> [Element]? {
        let byteCount = count * MemoryLayout<Element>.size
        let array = [Element](unsafeUninitializedCapacity: count) { buffer, initialized in
            let read = readFully(descriptor, into: UnsafeMutableRawBufferPointer(buffer), at: offset)
            initialized = read == byteCount ? count : 0
        }
        return array.count == count ? array : nil
    }

    /// Writes every byte; false on an error (disk full, I/O error).
    static func writeFully(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        var done = 0
        while done < bytes.count {
            let count = write(descriptor, base + done, bytes.count - done)
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { return false }
            done += count
        }
        return true
    }
}
