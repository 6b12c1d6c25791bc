#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The folder of the last file a loading worker opened, kept open so that the next file of the same folder
/// (nearly always: workers take files in walk order) is opened by its name relative to it, and the kernel
/// looks up one name instead of the whole path. One per worker; not shared between threads.
final class OpenFolder {
    /// The folder's path bytes, with the trailing slash.
    private var folder: [UInt8] = []
    private var descriptor: Int32 = -1

    init() {}

    deinit { if descriptor >= 0 { close(descriptor) } }

    /// The file at `systemPath` opened with `flags`, or -1 with `errno` set; nil when it must be opened by its
    /// whole path instead (no folder in the path, or the folder cannot be opened, so that the failure is
    /// reported as the whole path gives it).
    func open(_ systemPath: [UInt8], flags: Int32) -> Int32? {
        systemPath.withUnsafeBufferPointer { path -> Int32? in
            guard let slash = path.lastIndex(of: UInt8(ascii: "/")), slash + 1 < path.count else { return nil }
            let folderPart = UnsafeBufferPointer(rebasing: path[...slash])
            if !isCurrent(folderPart) {
                if descriptor >= 0 { close(descriptor) }
                folder = Array(folderPart)
                descriptor = FileReader.withCString(folderPart) { openFolder($0) }
            }
            guard descriptor >= 0 else { return nil }
            return FileReader.withCString(UnsafeBufferPointer(rebasing: path[(slash + 1)...])) { openat(descriptor, $0, flags) }
        }
    }

    private func isCurrent(_ folderPart: UnsafeBufferPointer<UInt8>) -> Bool {
        folder.count == folderPart.count
            && folder.withUnsafeBufferPointer { memcmp($0.baseAddress!, folderPart.baseAddress!, folderPart.count) == 0 }
    }
}

/// A descriptor of the folder at `path`, to list it or open files relative to it; -1 (with `errno`) when it cannot
/// be opened: a folder that may be searched but not read fails here, and its files are opened by their whole paths.
func openFolder(_ path: UnsafePointer<CChar>) -> Int32 {
    open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
}
