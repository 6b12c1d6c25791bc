/// The orders the list can be sorted in.
public enum SortOrder: String, Sendable, CaseIterable {
    case date, source, title, path

    /// Shown in the title bar.
    public var label: String {
        switch self {
        case .date: "newest first"
        case .source: "by source"
        case .title: "by title"
        case .path: "by path"
        }
    }

    /// The order after this one, for the `o` key.
    public var next: SortOrder {
        let all = SortOrder.allCases
        return all[(all.firstIndex(of: self)! + 1) % all.count]
    }
}

/// Which articles to show and in what order; one code path for the TUI and `byline list`.
public struct ArticleQuery: Sendable, Equatable {
    /// Sources to show; empty means all.
    public var sources: Set<String> = []
    public var search: String = ""
    public var sort: SortOrder = .date

    public init(sources: Set<String> = [], search: String = "", sort: SortOrder = .date) {
        self.sources = sources
        self.search = search
        self.sort = sort
    }

    /// Indices into `entries` of the articles that match, in display order.
    ///
    /// Fast on repeated calls over the same (or a grown) array of entries: see `QueryCache`.
    public func apply(to entries: [StoredArticle]) -> [Int] {
        QueryCache.shared.apply(self, to: entries)
    }

    /// `apply`, or, when the search would read many articles through, its first `firstRows` matches at once
    /// (down to entry `reaching` at least, when given: it must be one that matches) while the rest is worked
    /// out in the background (`isAnswered(for:)` turns true when it is ready).
    public func answer(for entries: [StoredArticle], firstRows: Int, reaching: Int? = nil) -> QueryAnswer {
        QueryCache.shared.answer(self, for: entries, firstRows: firstRows, reaching: reaching)
    }

    /// Whether `apply` over `entries` would answer without reading: the full answer is ready.
    public func isAnswered(for entries: [StoredArticle]) -> Bool {
        QueryCache.shared.isAnswered(self, for: entries)
    }
}

/// A parsed search: every word must begin a word of the text (`kyi` finds `Kyiv`, `rain` does not find
/// `Ukraine`); a `"quoted phrase"` must occur as written (folded) from the start of a word. Case, accents and
/// width are ignored; CJK ideographs, kana and hangul each start a word, so any run of them is found.
public struct SearchTerms: Sendable, Equatable {
    public let terms: [String]

    public init(_ text: String) {
        var terms: [String] = []
        var inQuote = false
        for (index, part) in text.split(separator: "\"", omittingEmptySubsequences: false).enumerated() {
            inQuote = index % 2 == 1
            let folded = TextFolding.fold(String(part))
            if inQuote {
                let phrase = folded.split(whereSeparator: \.isWhitespace).joined(separator: " ")
                if !phrase.isEmpty { terms.append(phrase) }
            } else {
                terms += folded.split(whereSeparator: \.isWhitespace).map(String.init)
            }
        }
        self.terms = terms
    }

    public var isEmpty: Bool { terms.isEmpty }

    /// The byte ranges of `foldedBytes` where one of the folded `terms` matches, by the rule `matches` uses.
    public static func matchRanges(of terms: [String], inFolded foldedBytes: [UInt8]) -> [Range<Int>] {
        terms.flatMap { WordStartSearch.matches(foldedBytes, Array($0.utf8)) }
    }

    public func matches(_ foldedText: String) -> Bool {
        let haystack = Array(foldedText.utf8)
        return WordStartSearch.containsAll(haystack, terms.map { Array($0.utf8) })
    }
}
