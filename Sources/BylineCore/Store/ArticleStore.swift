/// The in-memory collection of loaded articles; loaders append from any thread, the UI reads snapshots.
public final class ArticleStore: Sendable {
    /// Loading is under way until `finish()`: a reader that looks before the loader starts sees "loading", not "empty".
    private let state = Locked(StoreSnapshot(entries: [], isComplete: false))

    /// Whether `finish()` builds the search index (commands that never search skip its cost).
    private let indexingForSearch: Bool

    public init(indexingForSearch: Bool = true) {
        self.indexingForSearch = indexingForSearch
    }

    /// Announces how many files the loader will read, so progress can be shown; loading is under way until `finish()`.
    public func begin(expected: Int) {
        state.withLock {
            $0.expected = expected
            $0.isComplete = false
        }
    }

    public func append(_ batch: [StoredArticle], skipped: [SkippedPath] = []) {
        state.withLock {
            $0.entries.append(contentsOf: batch)
            $0.skipped.append(contentsOf: skipped)
            $0.version += 1
        }
    }

    /// Marks loading complete, after indexing every entry for search on this (the loader's) thread, so the
    /// reader's first search does not build the index. (A search without the index is still exact: it reads.)
    ///
    /// `indexFile` holds the index saved by the last load of the same articles, and keeps this one's.
    public func finish(indexFile: SearchIndexFile? = nil) {
        if indexingForSearch { QueryCache.shared.prepare(state.withLock { $0.entries }, savedIn: indexFile) }
        state.withLock {
            $0.isComplete = true
            $0.version += 1
        }
    }

    /// A consistent copy of everything loaded so far (copy-on-write, so cheap).
    public func snapshot() -> StoreSnapshot { state.withLock { $0 } }

    /// Changes whenever articles are added or loading ends.
    public var version: Int { state.withLock { $0.version } }
}

/// What the store held at one moment.
public struct StoreSnapshot: Sendable {
    public var entries: [StoredArticle] = []
    public var skipped: [SkippedPath] = []
    public var expected: Int = 0
    public var isComplete = false
    public var version = 0

    public init(entries: [StoredArticle] = [], isComplete: Bool = true) {
        self.entries = entries
        self.expected = entries.count
        self.isComplete = isComplete
    }

    public var articles: [Article] { entries.map(\.article) }

    public func entry(withID id: ArticleID) -> StoredArticle? { entries.first { $0.article.id == id } }
}
