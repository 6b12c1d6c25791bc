import BylineCore

/// The list's text for each article, cut to its columns once: rows redrawn on every keystroke are not
/// measured again. Kept for one array of entries (held, so its storage cannot be reused by another array)
/// and one pair of column widths; anything else starts it afresh.
final class ListRowCache {
    /// One row's texts, fitted to the columns.
    struct Row {
        let source: String
        let fittedSource: String
        let title: String
    }

    private var entries: [StoredArticle] = []
    private var widths = (source: -1, title: -1)
    private var rows: [Int: Row] = [:]
    /// Past this many rows the cache starts again, so scrolling through a huge list cannot grow it forever.
    private let capacity = 4096

    func row(_ index: Int, of entries: [StoredArticle], sourceWidth: Int, titleWidth: Int) -> Row {
        if !Self.same(entries, self.entries) || widths != (sourceWidth, titleWidth) || rows.count >= capacity {
            self.entries = entries
            widths = (sourceWidth, titleWidth)
            rows = [:]
        }
        if let known = rows[index] { return known }
        let article = entries[index].article
        let row = Row(source: article.source, fittedSource: DisplayWidth.fit(article.source, to: sourceWidth),
                      title: DisplayWidth.truncate(article.displayTitle, to: titleWidth))
        rows[index] = row
        return row
    }

    private static func same(_ lhs: [StoredArticle], _ rhs: [StoredArticle]) -> Bool {
        lhs.count == rhs.count && lhs.withUnsafeBufferPointer { left in
            rhs.withUnsafeBufferPointer { right in left.baseAddress == right.baseAddress }
        }
    }
}
