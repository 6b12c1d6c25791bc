#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An article file found under one of the paths given.
public struct DiscoveredFile: Sendable, Equatable {
    /// As `find` would print it: the path given, joined with the relative path below it. Bytes of a name
    /// that are not valid UTF-8 are written as `\xHH`.
    public let path: String
    /// The path given on the command line that led to this file.
    public let root: String
    /// Folder names between `root` and the file (empty for a file lying directly in `root`).
    public let folders: [String]
    /// Whether the file was named directly rather than found in a folder.
    public let givenByName: Bool
    /// The exact bytes of the path, for opening files whose names are not valid UTF-8.
    public let systemPath: [UInt8]
    /// Size and modification time when the walk found the file (before anything read it), so the folder
    /// watcher counts any later change as one; nil when the file was not found by a walk.
    public let stamp: FileStamp?
    /// False when the walk saw no `NAME.json` beside the file, so the source rules need not try to open one.
    let mayHaveSidecar: Bool

    /// A file known only by a path that is valid text.
    public init(path: String, root: String, folders: [String], givenByName: Bool) {
        self.init(path: path, root: root, folders: folders, givenByName: givenByName, systemPath: Array(path.utf8), stamp: nil)
    }

    init(path: String, root: String, folders: [String], givenByName: Bool, systemPath: [UInt8], stamp: FileStamp?,
         mayHaveSidecar: Bool = true) {
        self.path = path
        self.root = root
        self.folders = folders
        self.givenByName = givenByName
        self.systemPath = systemPath
        self.stamp = stamp
        self.mayHaveSidecar = mayHaveSidecar
    }

    /// The same file, whenever it was seen: the stamp and the sidecar hint are left out.
    public static func == (left: DiscoveredFile, right: DiscoveredFile) -> Bool {
        left.path == right.path && left.root == right.root && left.folders == right.folders
            && left.givenByName == right.givenByName && left.systemPath == right.systemPath
    }
}

/// A file's size and modification time (nanoseconds), as one `stat` saw them.
public struct FileStamp: Sendable, Hashable {
    public let size: Int64
    public let modified: Int64

    public init(size: Int64, modified: Int64) {
        self.size = size
        self.modified = modified
    }

    init(_ info: stat) {
        #if canImport(Darwin)
        let time = info.st_mtimespec
        #else
        let time = info.st_mtim
        #endif
        self.init(size: Int64(info.st_size), modified: Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec))
    }

    /// The path's stamp now, or nil when it cannot be stat'ed (gone).
    public static func of(_ path: [UInt8]) -> FileStamp? {
        var info = stat()
        guard FileReader.withCString(path, { stat($0, &info) }) == 0 else { return nil }
        return FileStamp(info)
    }
}

/// Something the walk could not use, with the reason, for `--verbose` and the status line.
public struct SkippedPath: Sendable, Hashable {
    public let path: String
    public let reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }
}

/// A path given by the person that cannot be opened at all.
public enum PathError: Error, Equatable, CustomStringConvertible {
    case noSuchPath(String)
    case notAnArticleFile(String)
    /// Named `.txt` but not a regular file: a FIFO, a device or a socket, which would block or never end.
    case notARegularFile(String, kind: String)

    public var description: String {
        switch self {
        case .noSuchPath(let path): "no such file or directory: \(path)"
        case .notAnArticleFile(let path): "not a .txt article file or a folder: \(path)"
        case .notARegularFile(let path, let kind): "not a regular file (\(kind)): \(path)"
        }
    }
}

/// Finds `*.txt` files under folders, recursively, skipping hidden entries and visiting each real folder once.
public enum FileWalker {
    /// The files found, in walk order, and what could not be used.
    public struct Result: Sendable {
        public var files: [DiscoveredFile] = []
        public var skipped: [SkippedPath] = []

        public init(files: [DiscoveredFile] = [], skipped: [SkippedPath] = []) {
            self.files = files
            self.skipped = skipped
        }
    }

    /// A path given by the person, checked: a folder to walk, or a `.txt` file taken as it is.
    public struct Root: Sendable, Equatable {
        public let path: String
        public let isFolder: Bool
    }

    /// What the walk finds, in walk order.
    public enum Finding: Sendable {
        case file(DiscoveredFile)
        case skipped(SkippedPath)
        /// A folder given is about to be walked: the names (as in paths) of all its entries, in walk order.
        case enteredRoot(root: String, names: [String])
        /// The walk is done with one entry of a folder given (a file, or a folder and all below it).
        case leftEntry(root: String, name: String)
    }

    /// Checks every path first so that a typo is reported before any work starts.
    public static func walk(_ paths: [String]) throws(PathError) -> Result {
        let roots = try checkedRoots(paths)
        var result = Result()
        walk(roots) { finding in
            switch finding {
            case .file(let file): result.files.append(file)
            case .skipped(let skipped): result.skipped.append(skipped)
            case .enteredRoot, .leftEntry: break
            }
        }
        return result
    }

    /// Checks that every path exists and can be opened (one `stat` each), without walking anything,
    /// so a typo is reported at once even when the walk itself runs later in the background.
    public static func checkedRoots(_ paths: [String]) throws(PathError) -> [Root] {
        var roots: [Root] = []
        for path in paths {
            var info = stat()
            guard stat(path, &info) == 0 else { throw .noSuchPath(path) }
            let isFolder = (info.st_mode & S_IFMT) == S_IFDIR
            if !isFolder && !path.hasSuffix(".txt") { throw .notAnArticleFile(path) }
            if !isFolder, let kind = specialKind(info.st_mode) { throw .notARegularFile(path, kind: kind) }
            roots.append(Root(path: path, isFolder: isFolder))
        }
        return roots
    }

    /// Walks checked roots, handing each file and each skipped path to `found` as soon as it is met.
    public static func walk(_ roots: [Root], found: (Finding) -> Void) {
        var visited = Set<FolderIdentity>()
        for root in roots {
            if root.isFolder {
                let folder = WalkedFolder(display: root.path, system: Array(root.path.utf8), folders: [])
                var info = stat()
                guard FileReader.withCString(folder.system, { stat($0, &info) }) == 0 else {
                    found(.skipped(SkippedPath(path: folder.display, reason: FileReader.lastErrorText())))
                    continue
                }
                walkFolder(folder, identity: FolderIdentity(info), root: root.path, visited: &visited, found: found)
            } else {
                let systemPath = Array(root.path.utf8)
                found(.file(DiscoveredFile(path: root.path, root: root.path, folders: [], givenByName: true,
                                           systemPath: systemPath, stamp: FileStamp.of(systemPath))))
            }
        }
    }

    /// What a file that is neither a folder nor a regular file is, in words; nil for those two.
    static func specialKind(_ mode: mode_t) -> String? {
        switch mode & S_IFMT {
        case S_IFDIR, S_IFREG: nil
        case S_IFIFO: "a named pipe"
        case S_IFCHR: "a character device"
        case S_IFBLK: "a block device"
        case S_IFSOCK: "a socket"
        default: "an unknown kind of file"
        }
    }

    private struct FolderIdentity: Hashable {
        let device: UInt64
        let inode: UInt64

        init(_ info: stat) {
            device = UInt64(info.st_dev)
            inode = UInt64(info.st_ino)
        }
    }

    /// A folder being walked: its printable path, its exact bytes, and the folder names below the root.
    private struct WalkedFolder {
        let display: String
        let system: [UInt8]
        let folders: [String]
    }

    private static let slash = UInt8(ascii: "/")
    private static let txtSuffix = Array(".txt".utf8)
    private static let jsonSuffix = Array(".json".utf8)

    /// Walks a folder whose `stat` (through any link) gave `identity`, unless it was walked already.
    private static func walkFolder(
        _ folder: WalkedFolder, identity: FolderIdentity, root: String, visited: inout Set<FolderIdentity>,
        found: (Finding) -> Void
    ) {
        guard visited.insert(identity).inserted else { return }
        guard let listing = FolderListing(folder.system) else {
            found(.skipped(SkippedPath(path: folder.display, reason: FileReader.lastErrorText())))
            return
        }
        let entries = listing.entries
        // `find` keeps the folder exactly as given, trailing slash and all, and adds one slash only when needed.
        let displayPrefix = folder.display.hasSuffix("/") ? folder.display : folder.display + "/"
        let systemPrefix = folder.system.last == slash ? folder.system : folder.system + [slash]
        let isRoot = folder.folders.isEmpty
        // Sidecars are rare: knowing the folder has none spares every file a failed `open` of `NAME.json`.
        let sidecarStems = Set(entries.lazy.map(\.name)
            .filter { $0.count > jsonSuffix.count && $0.suffix(jsonSuffix.count).elementsEqual(jsonSuffix) }
            .map { $0.dropLast(jsonSuffix.count) })
        if isRoot { found(.enteredRoot(root: root, names: entries.map(\.displayName))) }
        for entry in entries {
            defer { if isRoot { found(.leftEntry(root: root, name: entry.displayName)) } }
            let name = entry.name
            let isArticleName = name.count > txtSuffix.count && name.suffix(txtSuffix.count).elementsEqual(txtSuffix)
            guard let info = entry.info else {
                if isArticleName {
                    let reason = entry.isBrokenLink ? "broken link" : FileReader.errorText(entry.error)
                    found(.skipped(SkippedPath(path: displayPrefix + entry.displayName, reason: reason)))
                }
                continue
            }
            switch info.st_mode & S_IFMT {
            case S_IFDIR:
                let path = displayPrefix + entry.displayName
                let child = WalkedFolder(display: path, system: systemPrefix + name, folders: folder.folders + [entry.displayName])
                walkFolder(child, identity: FolderIdentity(info), root: root, visited: &visited, found: found)
            case S_IFREG where isArticleName:
                found(.file(DiscoveredFile(path: displayPrefix + entry.displayName, root: root, folders: folder.folders,
                                           givenByName: false, systemPath: systemPrefix + name, stamp: FileStamp(info),
                                           mayHaveSidecar: sidecarStems.contains(name.dropLast(txtSuffix.count)))))
            default:
                continue
            }
        }
    }

    /// The name in a directory entry, read up to its terminating zero only: a record from `readdir` is only as
    /// long as its name, so copying the whole 256-byte `d_name` field read past the end of the last record in
    /// the buffer, and crashed the walk when that buffer ended at an unmapped page.
    static func entryName(_ entry: UnsafePointer<dirent>) -> [UInt8] {
        let start = UnsafeRawPointer(entry) + MemoryLayout<dirent>.offset(of: \dirent.d_name)!
        let name = start.assumingMemoryBound(to: CChar.self)
        return Array(UnsafeRawBufferPointer(start: start, count: strlen(name)))
    }

    /// A name as text: valid UTF-8 as is, other bytes as `\xHH` so the name stays visible and unambiguous enough.
    static func escapedName(_ bytes: [UInt8]) -> String {
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        var output = ""
        var index = 0
        while index < bytes.count {
            let length = validSequenceLength(bytes, at: index)
            if length > 0, let piece = String(validating: bytes[index..<(index + length)], as: UTF8.self) {
                output += piece
                index += length
            } else {
                output += "\\x" + String(bytes[index], radix: 16, uppercase: true).leftPadded(to: 2)
                index += 1
            }
        }
        return output
    }

    /// The length of a well-formed UTF-8 sequence starting at `index`, or 0.
    private static func validSequenceLength(_ bytes: [UInt8], at index: Int) -> Int {
        let lead = bytes[index]
        let length = lead < 0x80 ? 1 : lead >= 0xF0 && lead <= 0xF4 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC2 ? 2 : 0
        guard length > 0, index + length <= bytes.count else { return 0 }
        guard bytes[(index + 1)..<(index + length)].allSatisfy({ $0 & 0xC0 == 0x80 }) else { return 0 }
        return String(validating: bytes[index..<(index + length)], as: UTF8.self) == nil ? 0 : length
    }

}

private extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
