import BylineCore
import Foundation

/// Buffered writing to standard output (printing 100,000 lines one `print` at a time is slow).
struct StandardOutput {
    private var buffer: [UInt8] = []

    mutating func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count > 1 << 16 { flush() }
    }

    mutating func line(_ text: String) { write(text + "\n") }

    mutating func flush() {
        buffer.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = Foundation.write(1, raw.baseAddress! + offset, raw.count - offset)
                if written <= 0 { break }
                offset += written
            }
        }
        buffer.removeAll(keepingCapacity: true)
    }
}

/// The JSON form of an article for `list --json`, `show --json` and `extract --json`.
struct ArticleJSON: Encodable {
    let id: String
    let path: String
    let source: String
    let title: String
    let byline: String?
    let section: String?
    let dateline: String?
    let published: String?
    let words: Int
    let body: String?
    let captions: [String]?
    let notices: [String]?
    /// Read and star marks (`list --json` only).
    let mark: ArticleMark?

    init(_ article: Article, includeBody: Bool, mark: ArticleMark? = nil) {
        self.mark = mark
        id = article.id.description
        path = article.path
        source = article.source
        title = article.title
        byline = article.byline
        section = article.section
        dateline = article.dateline
        published = article.published
        words = article.words
        body = includeBody ? article.body : nil
        captions = includeBody ? article.captions : nil
        notices = article.notices.isEmpty ? nil : article.notices
    }

    enum CodingKeys: String, CodingKey {
        case id, path, source, title, byline, section, dateline, published, words, body, captions, notices, read, starred
    }

    func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(path, forKey: .path)
        try container.encode(source, forKey: .source)
        try container.encode(title, forKey: .title)
        // Unknown fields are written as null rather than left out, so every line has the same keys.
        try container.encode(byline, forKey: .byline)
        try container.encode(section, forKey: .section)
        try container.encode(dateline, forKey: .dateline)
        try container.encode(published, forKey: .published)
        try container.encode(words, forKey: .words)
        if let body { try container.encode(body, forKey: .body) }
        if let captions { try container.encode(captions, forKey: .captions) }
        if let notices { try container.encode(notices, forKey: .notices) }
        if let mark {
            try container.encode(mark.read, forKey: .read)
            try container.encode(mark.starred, forKey: .starred)
        }
    }

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        return encoder
    }()

    func line() -> String {
        String(decoding: (try? Self.encoder.encode(self)) ?? Data("{}".utf8), as: UTF8.self)
    }
}

/// The plain-text form of an article: title, metadata line, blank line, paragraphs.
enum PlainArticle {
    static func render(_ article: Article) -> String {
        var lines = [article.displayTitle, article.metadataFields.joined(separator: " · "), ""]
        lines.append(article.paragraphs.map(\.text).joined(separator: "\n\n"))
        return lines.joined(separator: "\n") + "\n"
    }
}
