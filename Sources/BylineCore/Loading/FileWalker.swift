#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An article file found under one of the paths given.
public struct DiscoveredFile: Sendable, Equatable {
    /// As `find` would print it: the path given, joined with the relative path below it.
    public let path: String
    /// The path given on the command line that led to this file.
    public let root: String
    /// Folder names between `root` and the file (empty for a file lying directly in `root`).
    public let folders: [String]
    /// Whether the file was named directly rather than found in a folder.
    public let givenByName: Bool
}

/// Something the walk could not use, with the reason, for `--verbose` and the status line.
public struct SkippedPath: Sendable, Equatable {
    public let path: String
    public let reason: String
}

/// A path given by the person that cannot be opened at all.
public enum PathError: Error, Equatable, CustomStringConvertible {
    case noSuchPath(String)
    case notAnArticleFile(String)

    public var description: String {
        switch self {
        case .noSuchPath(let path): "no such file or directory: \(path)"
        case .notAnArticleFile(let path): "not a .txt article file or a folder: \(path)"
        }
    }
}

/// Finds `*.txt` files under folders, recursively, skipping hidden entries and visiting each real folder once.
public enum FileWalker {
    public struct Result: Sendable {
        public var files: [DiscoveredFile] = []
        public var skipped: [SkippedPath] = []
    }

    /// Checks every path first so that a typo is reported before any work starts.
    public static func walk(_ paths: [String]) throws(PathError) -> Result {
        var kinds: [(String, Bool)] = []
        for path in paths {
            var info = stat()
            guard stat(path, &info) == 0 else { throw .noSuchPath(path) }
            let isFolder = (info.st_mode & S_IFMT) == S_IFDIR
            if !isFolder && !path.hasSuffix(".txt") { throw .notAnArticleFile(path) }
            kinds.append((path, isFolder))
        }
        var result = Result()
        var visited = Set<FolderIdentity>()
        for (path, isFolder) in kinds {
            if isFolder {
                walkFolder(path, root: path, folders: [], visited: &visited, into: &result)
            } else {
                result.files.append(DiscoveredFile(path: path, root: path, folders: [], givenByName: true))
            }
        }
        return result
    }

    private struct FolderIdentity: Hashable {
        let device: UInt64
        let inode: UInt64
    }

    private static func walkFolder(
        _ folder: String, root: String, folders: [String], visited: inout Set<FolderIdentity>, into result: inout Result
    ) {
        var info = stat()
        guard stat(folder, &info) == 0 else {
            result.skipped.append(SkippedPath(path: folder, reason: lastErrorText()))
            return
        }
        let identity = FolderIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
        guard visited.insert(identity).inserted else { return }
        guard let directory = opendir(folder) else {
            result.skipped.append(SkippedPath(path: folder, reason: lastErrorText()))
            return
        }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name.hasPrefix(".") { continue }
            names.append(name)
        }
        closedir(directory)
        names.sort()
        let prefix = folder.hasSuffix("/") ? folder : folder + "/"
        for name in names {
            let path = prefix + name
            var entryInfo = stat()
            guard stat(path, &entryInfo) == 0 else {
                if lstat(path, &entryInfo) == 0 && name.hasSuffix(".txt") {
                    result.skipped.append(SkippedPath(path: path, reason: "broken link"))
                }
                continue
            }
            if (entryInfo.st_mode & S_IFMT) == S_IFDIR {
                walkFolder(path, root: root, folders: folders + [name], visited: &visited, into: &result)
            } else if name.hasSuffix(".txt") && (entryInfo.st_mode & S_IFMT) == S_IFREG {
                result.files.append(DiscoveredFile(path: path, root: root, folders: folders, givenByName: false))
            }
        }
    }

    static func lastErrorText() -> String {
        String(cString: strerror(errno)).lowercased()
    }
}
