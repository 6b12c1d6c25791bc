import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where the extraction cache of a set of folders lives, and what makes one cache file valid for this byline.
public enum CacheLocation {
    /// Bump when `CacheRecord`'s fields or their meaning change.
    static let formatVersion: UInt64 = 1

    /// `$XDG_CACHE_HOME/byline`, or `~/.cache/byline`; nil without either.
    public static func defaultFolder(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let cache = environment["XDG_CACHE_HOME"], cache.hasPrefix("/") {
            return (cache as NSString).appendingPathComponent("byline")
        }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return (home as NSString).appendingPathComponent(".cache/byline")
    }

    /// One file per set of paths opened together (as absolute, normalised paths, in the order given).
    public static func file(forRoots roots: [String], in folder: String) -> String {
        var hasher = ContentHasher()
        for root in roots { hasher.add(PathText.absoluteNormalized(root)) }
        return (folder as NSString).appendingPathComponent(String(format: "%016llx.cache", hasher.finish()))
    }

    /// This build of byline with these load options: the running executable's size and modification time (a
    /// rebuilt byline may extract differently, so it starts a new cache), the record format and the size cap.
    public static func identity(maxArticleBytes: Int, executable: String? = Bundle.main.executablePath) -> UInt64 {
        var hasher = ContentHasher()
        hasher.add("format \(formatVersion) cap \(maxArticleBytes)")
        var info = stat()
        if let executable, stat(executable, &info) == 0 {
            let stamp = FileStamp(info)
            hasher.add("\(executable) \(stamp.size) \(stamp.modified)")
        }
        return hasher.finish()
    }
}
