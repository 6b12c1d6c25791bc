import Dispatch

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One folder's visible entries, sorted by their bytes so the walk order is stable, each `stat`ed through
/// the folder's descriptor (one name to look up, not the whole path), on two threads for a folder of
/// `parallelThreshold` entries or more.
struct FolderListing {
    /// An entry and what `stat` said of it (through a link), or why it could not.
    struct Entry {
        let name: [UInt8]
        /// The name as text (see `FileWalker.escapedName`).
        let displayName: String
        /// nil when `stat` failed.
        var info: stat?
        /// `errno` of the failed `stat`.
        var error: Int32 = 0
        /// Whether the failed `stat` met a link whose target is missing.
        var isBrokenLink = false
    }

    let entries: [Entry]

    /// Folders with fewer entries are `stat`ed on one thread: starting others would cost more.
    private static let parallelThreshold = 512

    /// nil, with `errno` set, when the folder cannot be opened or read.
    init?(_ systemPath: [UInt8]) {
        let descriptor = FileReader.withCString(systemPath, openFolder)
        guard descriptor >= 0 else { return nil }
        guard let directory = fdopendir(descriptor) else {
            let error = errno
            close(descriptor)
            errno = error
            return nil
        }
        defer { closedir(directory) }
        var names: [[UInt8]] = []
        while let entry = readdir(directory) {
            let name = FileWalker.entryName(entry)
            if name.first == UInt8(ascii: ".") || name.isEmpty { continue }
            names.append(name)
        }
        names.sort { left, right in
            let common = min(left.count, right.count)
            let order = left.withUnsafeBufferPointer { l in right.withUnsafeBufferPointer { r in memcmp(l.baseAddress!, r.baseAddress!, common) } }
            return order != 0 ? order < 0 : left.count < right.count
        }
        entries = Self.stated(names, in: descriptor)
    }

    private static func stated(_ names: [[UInt8]], in folder: Int32) -> [Entry] {
        [Entry](unsafeUninitializedCapacity: names.count) { buffer, count in
            let base = buffer.baseAddress!
            let parts = names.count >= parallelThreshold ? 2 : 1
            let fill = { (part: Int) in
                for index in (names.count * part / parts)..<(names.count * (part + 1) / parts) {
                    (base + index).initialize(to: entry(names[index], in: folder))
                }
            }
            if parts == 1 {
                fill(0)
            } else {
                // Each part initialises its own slots of the buffer.
                let shared = UncheckedSendable(fill)
                DispatchQueue.concurrentPerform(iterations: parts) { shared.value($0) }
            }
            count = names.count
        }
    }

    private static func entry(_ name: [UInt8], in folder: Int32) -> Entry {
        var entry = Entry(name: name, displayName: FileWalker.escapedName(name))
        var info = stat()
        FileReader.withCString(name) { cName in
            if fstatat(folder, cName, &info, 0) == 0 {
                entry.info = info
            } else {
                entry.error = errno
                entry.isBrokenLink = fstatat(folder, cName, &info, AT_SYMLINK_NOFOLLOW) == 0 && (info.st_mode & S_IFMT) == S_IFLNK
            }
        }
        return entry
    }
}

/// A value handed to other threads by a caller that keeps their uses apart.
private struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
