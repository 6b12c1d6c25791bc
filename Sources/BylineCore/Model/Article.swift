/// One cleaned article: what the loader recovered from a scraped text file.
public struct Article: Sendable, Identifiable, Equatable {
    public let id: ArticleID
    /// The path as `find` would print it: the folder as given joined with the relative path.
    public let path: String
    public let source: String
    /// How `source` was decided (for `byline sources --verbose`).
    public let sourceRule: SourceRule
    public let title: String
    public let byline: String?
    public let section: String?
    public let dateline: String?
    /// ISO 8601 date or date-time, as found in the text.
    public let published: String?
    /// The title and paragraphs, held once as folded text plus what restores the original (see `ArticleText`).
    let storedText: ArticleText
    /// `MarkKey`'s hash of the title and paragraphs, taken while they are at hand as strings: rebuilding
    /// every article's paragraphs to key its marks would cost the reader more than loading them did.
    let markHash: UInt64
    public let captions: [String]
    /// Problems met while loading this file (decoding, truncation…), for the status line and `--verbose`.
    public let notices: [String]
    /// Size of the file on disk, in bytes.
    public let byteCount: Int

    public init(
        id: ArticleID, path: String, source: String, sourceRule: SourceRule = .folder,
        title: String, byline: String? = nil, section: String? = nil, dateline: String? = nil,
        published: String? = nil, paragraphs: [Paragraph], captions: [String] = [],
        notices: [String] = [], byteCount: Int = 0
    ) {
        var hasher = ContentHasher()
        hasher.add(title)
        for paragraph in paragraphs { hasher.add(paragraph.text) }
        self.init(
            id: id, path: path, source: source, sourceRule: sourceRule, title: title, byline: byline, section: section,
            dateline: dateline, published: published, storedText: ArticleText(title: title, paragraphs: paragraphs),
            markHash: hasher.finish(), captions: captions, notices: notices, byteCount: byteCount)
    }

    /// An article whose text and mark hash were computed before (read back from the extraction cache).
    init(
        id: ArticleID, path: String, source: String, sourceRule: SourceRule, title: String, byline: String?,
        section: String?, dateline: String?, published: String?, storedText: ArticleText, markHash: UInt64,
        captions: [String], notices: [String], byteCount: Int
    ) {
        self.id = id
        self.path = path
        self.source = source
        self.sourceRule = sourceRule
        self.title = title
        self.byline = byline
        self.section = section
        self.dateline = dateline
        self.published = published
        self.storedText = storedText
        self.markHash = markHash
        self.captions = captions
        self.notices = notices
        self.byteCount = byteCount
    }

    /// The body paragraphs and the role the extractor gave each, rebuilt from the stored text on every call.
    public var paragraphs: [Paragraph] { storedText.paragraphs() }

    /// Number of words in the body.
    public var words: Int {
        paragraphs.reduce(0) { $0 + $1.text.split(whereSeparator: { $0 == " " }).count }
    }

    /// The body as plain text, paragraphs separated by one blank line.
    public var body: String { String(decoding: storedText.originalBody(), as: UTF8.self) }

    /// The metadata fields a reader shows under the title, in display order, skipping unknown ones.
    public var metadataFields: [String] {
        [source, section, byline, dateline, published].compactMap { field in
            guard let field, !field.isEmpty else { return nil }
            return field
        }
    }

    public static func == (lhs: Article, rhs: Article) -> Bool {
        lhs.id == rhs.id && lhs.path == rhs.path && lhs.source == rhs.source && lhs.sourceRule == rhs.sourceRule
            && lhs.title == rhs.title && lhs.byline == rhs.byline && lhs.section == rhs.section
            && lhs.dateline == rhs.dateline && lhs.published == rhs.published && lhs.captions == rhs.captions
            && lhs.notices == rhs.notices && lhs.byteCount == rhs.byteCount && lhs.storedText == rhs.storedText
    }

    /// A title to show even when extraction found none.
    public var displayTitle: String {
        if !title.isEmpty { return title }
        if storedText.paragraphCount > 0 { return "(untitled)" }
        return byteCount == 0 ? "(empty)" : "(no article text)"
    }
}

/// One body paragraph and the role the extractor gave it.
public struct Paragraph: Sendable, Equatable, Hashable {
    /// How a paragraph is meant to be read.
    public enum Kind: String, Sendable, Equatable, Hashable { case body, quote, subhead }
    public let text: String
    public let kind: Kind
    public init(_ text: String, kind: Kind = .body) {
        self.text = text
        self.kind = kind
    }
}

/// How an article's source name was decided.
public enum SourceRule: String, Sendable, Equatable {
    case sidecarSource = "sidecar source field"
    case sidecarURL = "sidecar url field"
    case folder = "first folder below the path given"
    case urlInText = "URL of the article's site in its text"
    case parentFolder = "parent folder name"
}
