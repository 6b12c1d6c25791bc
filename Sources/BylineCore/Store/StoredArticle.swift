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
    /// then the paragraphs separated by blank lines.
    public var searchBytes: [UInt8] { storage.searchBytes }

    /// `searchBytes` as text.
    public var searchText: String { String(decoding: storage.searchBytes, as: UTF8.self) }

    /// The byte pairs of `searchBytes`, to rule out articles before searching them.
    var bigrams: BigramFilter { storage.bigrams }

    /// The folded display title, the key of the title order.
    public var titleKey: String { storage.titleKey }

    /// Unique in the process: tells the query cache whether two arrays hold the same entries.
    var serial: UInt64 { storage.serial }

    public static func == (lhs: StoredArticle, rhs: StoredArticle) -> Bool {
        lhs.storage === rhs.storage || (lhs.storage.article == rhs.storage.article
            && lhs.storage.searchBytes == rhs.storage.searchBytes)
    }

    private final class Storage: Sendable {
        let article: Article
        let searchBytes: [UInt8]
        let bigrams: BigramFilter
        let titleKey: String
        let serial: UInt64

        init(_ article: Article) {
            self.article = article
            var bytes: [UInt8] = []
            bytes.reserveCapacity(article.title.utf8.count + article.paragraphs.reduce(0) { $0 + $1.text.utf8.count + 2 } + 1)
            TextFolding.appendFolded(article.title, to: &bytes)
            bytes.append(0x0A)
            for (index, paragraph) in article.paragraphs.enumerated() {
                if index > 0 { bytes.append(contentsOf: [0x0A, 0x0A]) }
                TextFolding.appendFolded(paragraph.text, to: &bytes)
            }
            searchBytes = bytes
            bigrams = BigramFilter(bytes)
            titleKey = TextFolding.fold(article.displayTitle)
            serial = StoredArticle.nextSerial.add(1, ordering: .relaxed).newValue
        }
    }

    private static let nextSerial = Atomic<UInt64>(0)
}
