import BylineCore

/// The source picker overlay: every source with its count, a type-to-narrow filter, marks and a highlight.
public struct SourcePicker: Equatable {
    public let sources: [SourceSummary]
    public var filter = ""
    public var highlighted = 0
    public var marked: Set<String>
    /// Whether the person changed any mark; Enter without a change shows just the highlighted source.
    public var toggled = false

    /// Opens the picker with the sources now shown marked (all of them when no source filter is active).
    public init(sources: [SourceSummary], shown: Set<String>) {
        self.sources = sources
        marked = shown.isEmpty ? Set(sources.map(\.name)) : shown
    }

    /// The sources whose names contain the filter text (ignoring case and accents).
    public var matching: [SourceSummary] {
        guard !filter.isEmpty else { return sources }
        let folded = TextFolding.fold(filter)
        return sources.filter { TextFolding.fold($0.name).contains(folded) }
    }

    public var highlightedSource: SourceSummary? {
        let list = matching
        return list.indices.contains(highlighted) ? list[highlighted] : nil
    }

    mutating func move(by delta: Int) {
        let count = matching.count
        guard count > 0 else { return }
        highlighted = min(max(0, highlighted + delta), count - 1)
    }

    mutating func type(_ character: Character) {
        filter.append(character)
        highlighted = 0
    }

    mutating func deleteBackward() {
        if !filter.isEmpty { filter.removeLast() }
        highlighted = 0
    }

    mutating func toggleHighlighted() {
        guard let name = highlightedSource?.name else { return }
        if marked.contains(name) { marked.remove(name) } else { marked.insert(name) }
        toggled = true
    }

    mutating func markAll() {
        marked = Set(sources.map(\.name))
        toggled = true
    }

    /// The source filter Enter applies: the marked set (empty = all), or just the highlighted source.
    public var chosenSources: Set<String> {
        if !toggled { return highlightedSource.map { [$0.name] } ?? [] }
        if marked.count == sources.count || marked.isEmpty { return [] }
        return marked
    }
}
