import Foundation

/// Decides an article's source: sidecar JSON, then the first folder below the path given, then a URL
/// of the article's own site in its text, then the parent folder's name.
public enum SourceResolver {
    /// The source from the folder layout alone (rules 2 and the parent-folder fallback).
    public static func fromLayout(_ file: DiscoveredFile) -> (String, SourceRule) {
        if let first = file.folders.first { return (first, .folder) }
        return (parentFolderName(of: file.path), .parentFolder)
    }

    /// The full rule chain; `text` is the article's text, used only for files lying directly in the path given.
    public static func resolve(_ file: DiscoveredFile, text: String?) -> (String, SourceRule) {
        if let sidecar = sidecarSource(for: file.path) { return sidecar }
        if let first = file.folders.first { return (first, .folder) }
        if let text, let host = siteHost(inText: text) { return (host, .urlInText) }
        return (parentFolderName(of: file.path), .parentFolder)
    }

    /// `NAME.json` beside `NAME.txt`, with a `source` or a `url` field.
    static func sidecarSource(for path: String) -> (String, SourceRule)? {
        let sidecar = String(path.dropLast(4)) + ".json"
        guard let data = FileManager.default.contents(atPath: sidecar),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return nil }
        if let source = object["source"] as? String, !source.trimmingCharacters(in: .whitespaces).isEmpty {
            return (TextSanitizer.sanitizeLine(source), .sidecarSource)
        }
        if let url = object["url"] as? String, let host = host(ofURL: url) {
            return (host, .sidecarURL)
        }
        return nil
    }

    /// The host of a URL, lower-cased, with `www.` dropped.
    public static func host(ofURL text: String) -> String? {
        guard let components = URLComponents(string: text.trimmingCharacters(in: .whitespaces)),
              let host = components.host?.lowercased(), host.contains(".") else { return nil }
        return host.hasPrefix("www.") ? String(host.dropFirst(4)) : host
    }

    /// Hosts that only ever carry a share link to somebody else's page.
    private static let sharingHosts: Set<String> = [
        "facebook.com", "twitter.com", "x.com", "t.co", "linkedin.com", "pinterest.com", "reddit.com",
        "wa.me", "api.whatsapp.com", "whatsapp.com", "telegram.me", "t.me", "plus.google.com", "tumblr.com",
        "instagram.com", "youtube.com", "flipboard.com", "vk.com", "getpocket.com",
    ]

    /// The article's own site: a URL inside a share link (`?u=https://…`) first, else the most frequent
    /// non-sharing host among the URLs in the text.
    static func siteHost(inText text: String) -> String? {
        var counts: [String: Int] = [:]
        var shared: [String: Int] = [:]
        var searchStart = text.startIndex
        while let range = text.range(of: "http", range: searchStart..<text.endIndex) {
            searchStart = range.upperBound
            let urlText = text[range.lowerBound...].prefix { !$0.isWhitespace && $0 != "\"" && $0 != "<" && $0 != ">" }
            guard urlText.hasPrefix("http://") || urlText.hasPrefix("https://") else { continue }
            guard let host = host(ofURL: String(urlText)) else { continue }
            if sharingHosts.contains(host) {
                if let decoded = String(urlText).removingPercentEncoding,
                   let inner = decoded.range(of: "http", range: decoded.index(decoded.startIndex, offsetBy: 8)..<decoded.endIndex),
                   let innerHost = self.host(ofURL: String(decoded[inner.lowerBound...].prefix { $0 != "&" })),
                   !sharingHosts.contains(innerHost) {
                    shared[innerHost, default: 0] += 1
                }
            } else {
                counts[host, default: 0] += 1
            }
        }
        let best = shared.isEmpty ? counts : shared
        return best.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
    }

    static func parentFolderName(of path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        let components = absolute.split(separator: "/").filter { $0 != "." }
        guard components.count >= 2 else { return "(root)" }
        return TextSanitizer.sanitizeLine(String(components[components.count - 2]))
    }
}
