import Synchronization

/// An article with what filtering and sorting need, computed once during loading.
///
/// One reference inside, so the store's array of entries copies cheaply when a snapshot shares it.
public struct StoredArticle: Sendable, Equatable {
    private let storage: Storage

    public init(_ article: Article) {
        storage = Storage(article)
    }

    public var article: Article { storage.article }

    /// Title and body folded for search (case, accents and width removed), as UTF-8: the title, a line break,
    /// then the paragraphs separated by blank lines. The article's only copy of its text (not a copy).
    public var searchBytes: [UInt8] { storage.article.storedText.folded }

    /// `searchBytes` as text.
    public var searchText: String { String(decoding: searchBytes, as: UTF8.self) }

    /// The folded display title, the key of the title order.
    public var titleKey: String { storage.titleKey }

    /// Unique in the process: tells the query cache whether two arrays hold the same entries.
    var serial: UInt64 { storage.serial }

    public static func == (lhs: StoredArticle, rhs: StoredArticle) -> Bool {
        lhs.storage === rhs.storage || lhs.storage.article == rhs.storage.article
    }

    private final class Storage: Sendable {
        let article: Article
        let titleKey: String
        let serial: UInt64

        init(_ article: Article) {
            self.article = article
            titleKey = TextFolding.fold(article.displayTitle)
            serial = StoredArticle.nextSerial.add(1, ordering: .relaxed).newValue
        }
    }

    private static let nextSerial = Atomic<UInt64>(0)
}
