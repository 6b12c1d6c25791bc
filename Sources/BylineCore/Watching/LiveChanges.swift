/// What changed under the opened folders since the last look.
public struct LiveChanges: Sendable, Equatable {
    /// Articles in files that were not there before.
    public var added: [StoredArticle] = []
    /// Articles re-read from files whose size or modification time changed.
    public var updated: [StoredArticle] = []
    /// Paths (as `Article.path` prints them) of files that are gone.
    public var removedPaths: [String] = []

    public init(added: [StoredArticle] = [], updated: [StoredArticle] = [], removedPaths: [String] = []) {
        self.added = added
        self.updated = updated
        self.removedPaths = removedPaths
    }

    public var isEmpty: Bool { added.isEmpty && updated.isEmpty && removedPaths.isEmpty }

    /// Folds a later batch in, so changes that pile up between two looks are not lost.
    public mutating func append(_ later: LiveChanges) {
        let removed = Set(later.removedPaths)
        added.removeAll { removed.contains($0.article.path) }
        updated.removeAll { removed.contains($0.article.path) }
        added += later.added
        updated += later.updated
        removedPaths += later.removedPaths
    }
}
