import BylineCore

extension AppState {
    /// Shows files added, changed or removed under the opened folders, keeping the selected article
    /// selected (and on the same row), and says in the status line what changed.
    public mutating func applyLiveChanges(_ changes: LiveChanges) {
        guard !changes.isEmpty else { return }
        let anchor = selectionAnchor
        let counts = live.record(changes, current: snapshot.entries)
        snapshot = live.apply(to: storeSnapshot)
        // Removals and replacements are not appends: count the sources again.
        sourcesCountedThrough = Int.max
        countSources()
        for entry in changes.updated { markKeys[entry.article.id] = nil }
        computeMarkKeys()
        // Updated articles keep their id; drop their cached layout so the new text shows.
        cache.removeAll()
        refilter(keeping: anchor)
        startDwellIfSelectionChanged()
        var parts: [String] = []
        if counts.added > 0 { parts.append("+\(counts.added) new") }
        if counts.updated > 0 { parts.append("\(counts.updated) updated") }
        if counts.removed > 0 { parts.append("\(counts.removed) removed") }
        if !parts.isEmpty { message = Message(parts.joined(separator: " · ")) }
    }
}
