import Foundation

/// Decides an article's source: sidecar JSON, then the first folder below the path given, then a URL
/// of the article's own site in its text, then the parent folder's name.
public enum SourceResolver {
    /// The source from the folder layout alone (rules 2 and the parent-folder fallback).
    public static func fromLayout(_ file: DiscoveredFile) -> (String, SourceRule) {
        if let first = file.folders.first { return (TextSanitizer.sanitizeLine(first), .folder) }
        return (parentFolderName(of: file.path), .parentFolder)
    }

    /// The full rule chain; `text` is the article's text, used only for files lying directly in the path given.
    public static func resolve(_ file: DiscoveredFile, text: String?) -> (String, SourceRule) {
        resolve(file, hostInText: { text.flatMap(siteHost(inText:)) })
    }

    /// The full rule chain with rule 3's host given (`siteHost(inText:)`, or as the extraction cache kept it).
    static func resolve(_ file: DiscoveredFile, hostInText: () -> String?) -> (String, SourceRule) {
        if let sidecar = sidecarSource(for: file) { return sidecar }
        if let first = file.folders.first { return (TextSanitizer.sanitizeLine(first), .folder) }
        if let host = hostInText() { return (host, .urlInText) }
        return (parentFolderName(of: file.path), .parentFolder)
    }

    /// Sidecars are small; anything bigger is not one.
    private static let maxSidecarBytes = 1 << 20

    /// `NAME.json` beside `NAME.txt`, with a `source` or a `url` field.
    static func sidecarSource(for file: DiscoveredFile) -> (String, SourceRule)? {
        guard file.mayHaveSidecar, file.systemPath.count > 4 else { return nil }
        let sidecarPath = Array(file.systemPath.dropLast(4)) + Array(".json".utf8)
        guard case .success(let contents) = FileReader.read(sidecarPath, limit: maxSidecarBytes),
              contents.bytes.count <= maxSidecarBytes,
              let object = try? JSONSerialization.jsonObject(with: Data(contents.bytes)) as? [String: Any] else {
            return nil
        }
        if let source = object["source"] as? String {
            let cleaned = TextSanitizer.sanitizeLine(source).trimmingCharacters(in: .whitespaces)
            if !cleaned.isEmpty { return (cleaned, .sidecarSource) }
        }
        if let url = object["url"] as? String, let host = host(ofURL: url) {
            return (host, .sidecarURL)
        }
        return nil
    }

    /// The host of an `http(s)` URL, lower-cased, with `www.` dropped; nil when there is no dotted host.
    public static func host(ofURL text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let scheme = trimmed.range(of: "://"),
              ["http", "https"].contains(trimmed[..<scheme.lowerBound].lowercased()) else { return nil }
        var authority = trimmed[scheme.upperBound...].prefix { !"/?#\\".contains($0) }
        if let at = authority.lastIndex(of: "@") { authority = authority[authority.index(after: at)...] }
        let hostText = authority.prefix { $0 != ":" }
        // Sentence punctuation often follows a URL in running text ("see https://x.example.").
        var host = hostText.lowercased().prefix { $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" }
        while host.hasSuffix(".") { host = host.dropLast() }
        guard host.contains("."), !host.hasPrefix("."), !host.contains("..") else { return nil }
        return host.hasPrefix("www.") ? String(host.dropFirst(4)) : String(host)
    }

    /// Hosts that only ever carry a share link to somebody else's page, or a shortened link.
    private static let sharingHosts: [String] = [
        "facebook.com", "twitter.com", "x.com", "t.co", "linkedin.com", "pinterest.com", "reddit.com",
        "wa.me", "whatsapp.com", "telegram.me", "t.me", "plus.google.com", "tumblr.com",
        "instagram.com", "youtube.com", "flipboard.com", "vk.com", "getpocket.com", "bit.ly", "ow.ly",
    ]

    private static func isSharingHost(_ host: String) -> Bool {
        sharingHosts.contains { host == $0 || host.hasSuffix("." + $0) }
    }

    /// The article's own site: a URL inside a share link (`?u=https://…`) first, else the most frequent
    /// non-sharing host among the URLs in the text. Ties go to the alphabetically first host.
    static func siteHost(inText text: String) -> String? {
        var counts: [String: Int] = [:]
        var shared: [String: Int] = [:]
        for urlText in urls(in: text) {
            guard let host = host(ofURL: String(urlText)) else { continue }
            if isSharingHost(host) {
                if let innerHost = sharedHost(inShareLink: urlText) { shared[innerHost, default: 0] += 1 }
            } else {
                counts[host, default: 0] += 1
            }
        }
        let best = shared.isEmpty ? counts : shared
        return best.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
    }

    /// Every `http://` or `https://` run in the text, up to white space or a quote or bracket.
    private static func urls(in text: String) -> [Substring] {
        var found: [Substring] = []
        var searchStart = text.startIndex
        while let range = text.range(of: "http", options: .caseInsensitive, range: searchStart..<text.endIndex) {
            searchStart = range.upperBound
            let candidate = text[range.lowerBound...].prefix { !$0.isWhitespace && !"\"'<>()[]“”‘’«»".contains($0) }
            let lower = candidate.prefix(8).lowercased()
            guard lower.hasPrefix("http://") || lower.hasPrefix("https://") else { continue }
            found.append(candidate)
            searchStart = candidate.endIndex
        }
        return found
    }

    /// The host of the page a share link points to (`…sharer.php?u=https%3A%2F%2F…`), if any.
    private static func sharedHost(inShareLink link: Substring) -> String? {
        guard let query = link.firstIndex(where: { $0 == "?" || $0 == "#" }) else { return nil }
        for parameter in link[link.index(after: query)...].split(whereSeparator: { $0 == "&" || $0 == ";" }) {
            let value = parameter.drop { $0 != "=" }.dropFirst()
            let decoded = String(value).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(value)
            guard let start = decoded.range(of: "http", options: .caseInsensitive) else { continue }
            if let host = host(ofURL: String(decoded[start.lowerBound...])), !isSharingHost(host) { return host }
        }
        return nil
    }

    /// The name of the folder holding the file, `..` and `.` resolved; "(root)" for a file at `/`.
    static func parentFolderName(of path: String) -> String {
        let components = PathText.normalizedComponents(path)
        guard components.count >= 2 else { return "(root)" }
        return TextSanitizer.sanitizeLine(String(components[components.count - 2]))
    }
}
