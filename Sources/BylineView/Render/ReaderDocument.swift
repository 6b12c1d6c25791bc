import BylineCore

/// One line of the reading pane: spans of text, each with the theme element that styles it.
public struct ReaderLine: Sendable, Equatable {
    /// A run of text in one style.
    public struct Span: Sendable, Equatable {
        public let text: String
        public let element: ThemeElement
        public init(_ text: String, _ element: ThemeElement) {
            self.text = text
            self.element = element
        }
    }

    public let spans: [Span]
    public init(_ spans: [Span]) { self.spans = spans }
    public init(_ text: String, _ element: ThemeElement) { spans = [Span(text, element)] }
    public static let blank = ReaderLine([])

    public var text: String { spans.map(\.text).joined() }
}

/// Lays an article out as reader lines for a text width: title, one metadata line, blank, wrapped paragraphs.
public enum ReaderDocument {
    public static func lines(for article: Article, width: Int) -> [ReaderLine] {
        guard width > 0 else { return [] }
        var lines = TextWrapper.wrap(article.displayTitle, width: width).map { ReaderLine($0, .readerTitle) }
        let metadata = article.metadataFields.joined(separator: " · ")
        if !metadata.isEmpty { lines.append(ReaderLine(DisplayWidth.truncate(metadata, to: width), .readerMetadata)) }
        for notice in article.notices { lines.append(ReaderLine(DisplayWidth.truncate("⚠ " + notice, to: width), .notice)) }
        for paragraph in article.paragraphs {
            let wrapped = wrap(paragraph, width: width)
            if wrapped.isEmpty { continue }
            lines.append(.blank)
            lines += wrapped
        }
        if article.paragraphs.isEmpty {
            lines.append(.blank)
            lines.append(ReaderLine(DisplayWidth.truncate("(no article text)", to: width), .notice))
        }
        return lines
    }

    private static func wrap(_ paragraph: Paragraph, width: Int) -> [ReaderLine] {
        switch paragraph.kind {
        case .body:
            return TextWrapper.wrap(paragraph.text, width: width).map { ReaderLine($0, .bodyText) }
        case .subhead:
            return TextWrapper.wrap(paragraph.text, width: width).map { ReaderLine($0, .subhead) }
        case .quote:
            guard width > 2 else { return TextWrapper.wrap(paragraph.text, width: width).map { ReaderLine($0, .quote) } }
            return TextWrapper.wrap(paragraph.text, width: width - 2).map {
                ReaderLine([ReaderLine.Span("│ ", .border), ReaderLine.Span($0, .quote)])
            }
        }
    }

    /// The original text, block by block: kept blocks as body, stripped ones dimmed with their verdict and reason.
    public static func rawLines(for blocks: [ClassifiedBlock], width: Int) -> [ReaderLine] {
        guard width > 0 else { return [] }
        var lines: [ReaderLine] = [ReaderLine(DisplayWidth.truncate("original text · dimmed blocks were stripped", to: width), .readerMetadata)]
        for block in blocks {
            lines.append(.blank)
            let kept = block.verdict == .body || block.verdict == .title
            let element: ThemeElement = block.verdict == .title ? .readerTitle : kept ? .bodyText : .strippedChrome
            if !kept || block.verdict == .title {
                let label = "[\(block.verdict.rawValue): \(block.reason)]"
                lines.append(ReaderLine(DisplayWidth.truncate(label, to: width), kept ? .readerMetadata : .notice))
            }
            lines += TextWrapper.wrap(block.text, width: width).map { ReaderLine($0, element) }
        }
        return lines
    }
}

/// Remembers laid-out documents so scrolling and redrawing never re-wrap unchanged text.
public final class ReaderCache: @unchecked Sendable {
    private struct Key: Hashable {
        let id: ArticleID
        let width: Int
        let raw: Bool
    }

    private var entries: [Key: [ReaderLine]] = [:]
    private var order: [Key] = []
    private let capacity = 16

    public init() {}

    public func lines(id: ArticleID, width: Int, raw: Bool, build: () -> [ReaderLine]) -> [ReaderLine] {
        let key = Key(id: id, width: width, raw: raw)
        if let cached = entries[key] { return cached }
        let built = build()
        entries[key] = built
        order.append(key)
        if order.count > capacity { entries[order.removeFirst()] = nil }
        return built
    }

    public func removeAll() {
        entries = [:]
        order = []
    }
}
