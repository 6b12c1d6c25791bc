import BylineCore

/// Files that changed under the opened folders after loading, applied on top of the store's
/// (append-only) snapshot: removed articles hidden, updated ones replaced in place, new ones added.
struct LiveOverlay {
    var removed: Set<ArticleID> = []
    var replaced: [ArticleID: StoredArticle] = [:]
    /// New articles, in arrival order.
    var added: [StoredArticle] = []

    var isEmpty: Bool { removed.isEmpty && replaced.isEmpty && added.isEmpty }

    func apply(to snapshot: StoreSnapshot) -> StoreSnapshot {
        guard !isEmpty else { return snapshot }
        var result = snapshot
        var entries: [StoredArticle] = []
        entries.reserveCapacity(snapshot.entries.count + added.count)
        var present = Set<ArticleID>()
        for entry in snapshot.entries where !removed.contains(entry.article.id) {
            entries.append(replaced[entry.article.id] ?? entry)
            present.insert(entry.article.id)
        }
        for entry in added where !present.contains(entry.article.id) && !removed.contains(entry.article.id) {
            entries.append(entry)
        }
        result.entries = entries
        return result
    }

    /// Records `changes`; `current` (the entries now shown) tells which paths are known articles.
    /// Returns what the status line should say happened, counted once per file.
    mutating func record(_ changes: LiveChanges, current: [StoredArticle]) -> (added: Int, updated: Int, removed: Int) {
        var idsByPath: [String: ArticleID] = [:]
        for entry in current { idsByPath[entry.article.path] = entry.article.id }
        var counts = (added: 0, updated: 0, removed: 0)
        for path in changes.removedPaths {
            guard let id = idsByPath[path] else { continue }
            removed.insert(id)
            replaced[id] = nil
            added.removeAll { $0.article.id == id }
            idsByPath[path] = nil
            counts.removed += 1
        }
        for entry in changes.added + changes.updated {
            let id = entry.article.id
            removed.remove(id)
            if idsByPath[entry.article.path] != nil {
                if let index = added.firstIndex(where: { $0.article.id == id }) { added[index] = entry } else { replaced[id] = entry }
                counts.updated += 1
            } else {
                added.append(entry)
                idsByPath[entry.article.path] = id
                counts.added += 1
            }
        }
        return counts
    }
}
