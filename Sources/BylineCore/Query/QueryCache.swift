import Dispatch


/// What `ArticleQuery.apply` remembers between calls, so that a keystroke or a source toggle does not
/// re-sort and re-scan 100,000 articles: the sort orders of the entries last seen (merged forward as the
/// store grows), each entry's source number, and the search matches of recent searches (a longer search
/// only re-checks what the shorter one matched).
///
/// The entries array is kept, so its buffer cannot be freed and reused: the same buffer address and count
/// mean the same entries; a longer array whose first entries carry the same serial numbers is the same
/// store grown.
final class QueryCache: Sendable {
    static let shared = QueryCache()
    private let state = Locked(State())

    private struct State {
        var entries: [StoredArticle] = []
        var orders = EntryOrders()
        var sourceNumbers: [String: Int] = [:]
        /// Source names by number.
        var sourceNames: [String] = []
        var entrySources: [Int32] = []
        /// Each entry's `SourceRule`, as its position in `QueryCache.rules`.
        var entryRules: [UInt8] = []
        /// Recent searches, newest last.
        var searches: [SearchMatches] = []
    }

    /// Which entries (of the first `matches.count`) contain every needle.
    private struct SearchMatches {
        let needles: [[UInt8]]
        var matches: [Bool]
        var matchCount: Int
    }

    private static let rememberedSearches = 32

    func apply(_ query: ArticleQuery, to entries: [StoredArticle]) -> [Int] {
        state.withLock { state in
            Self.synchronize(&state, with: entries)
            let needles = SearchTerms(query.search).terms.map { Array($0.utf8) }.filter { !$0.isEmpty }
            let matches = needles.isEmpty ? nil : Self.searchMatches(&state, needles)
            var allowedSources: [Bool]?
            if !query.sources.isEmpty {
                var allowed = [Bool](repeating: false, count: state.sourceNumbers.count)
                for name in query.sources { if let number = state.sourceNumbers[name] { allowed[number] = true } }
                allowedSources = allowed
            }
            let order = state.orders.order(query.sort, of: state.entries)
            var result: [Int] = []
            result.reserveCapacity(matches == nil && allowedSources == nil ? order.count : 1024)
            for index in order {
                let position = Int(index)
                if let matches, !matches[position] { continue }
                if let allowedSources, !allowedSources[Int(state.entrySources[position])] { continue }
                result.append(position)
            }
            return result
        }
    }

    private static let rules: [SourceRule] = [.sidecarSource, .sidecarURL, .folder, .urlInText, .parentFolder]

    /// How many different sources `entries` has (the title bar asks on every frame).
    func sourceCount(in entries: [StoredArticle]) -> Int {
        state.withLock { state in
            Self.synchronize(&state, with: entries)
            return state.sourceNames.count
        }
    }

    /// `SourceSummary.summarize`, counting by source number instead of hashing every name.
    func summarize(_ entries: [StoredArticle], indices: [Int]?) -> [SourceSummary] {
        state.withLock { state in
            Self.synchronize(&state, with: entries)
            let ruleCount = Self.rules.count
            var counts = [Int](repeating: 0, count: state.sourceNames.count)
            var ruleCounts = [Int](repeating: 0, count: state.sourceNames.count * ruleCount)
            func count(_ index: Int) {
                let source = Int(state.entrySources[index])
                counts[source] += 1
                ruleCounts[source * ruleCount + Int(state.entryRules[index])] += 1
            }
            if let indices { indices.forEach(count) } else { (0..<entries.count).forEach(count) }
            var summaries: [SourceSummary] = []
            for (source, total) in counts.enumerated() where total > 0 {
                var rules: [String: Int] = [:]
                for (position, rule) in Self.rules.enumerated() where ruleCounts[source * ruleCount + position] > 0 {
                    rules[rule.rawValue] = ruleCounts[source * ruleCount + position]
                }
                summaries.append(SourceSummary(name: state.sourceNames[source], count: total, rules: rules))
            }
            return summaries.sorted { $0.count != $1.count ? $0.count > $1.count : $0.name < $1.name }
        }
    }

    /// Forgets everything when `entries` is not the array seen last nor a grown copy of it.
    private static func synchronize(_ state: inout State, with entries: [StoredArticle]) {
        if entries.count == state.entries.count && baseAddress(entries) == baseAddress(state.entries) { return }
        let old = state.entries
        let grown = entries.count >= old.count && (0..<old.count).allSatisfy { entries[$0].serial == old[$0].serial }
        if !grown { state = State() }
        state.entries = entries
        state.entrySources.reserveCapacity(entries.count)
        for index in state.entrySources.count..<entries.count {
            let source = entries[index].article.source
            let number: Int
            if let known = state.sourceNumbers[source] {
                number = known
            } else {
                number = state.sourceNumbers.count
                state.sourceNumbers[source] = number
                state.sourceNames.append(source)
            }
            state.entrySources.append(Int32(number))
            let rule = entries[index].article.sourceRule
            state.entryRules.append(UInt8(rules.firstIndex(of: rule) ?? 0))
        }
    }

    private static func baseAddress(_ entries: [StoredArticle]) -> UnsafeRawPointer? {
        entries.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) }
    }

    /// Matches for `needles` over every entry, starting from the narrowest remembered search they refine.
    private static func searchMatches(_ state: inout State, _ needles: [[UInt8]]) -> [Bool] {
        let entries = state.entries
        var base: SearchMatches?
        var baseSlot: Int?
        for (slot, remembered) in state.searches.enumerated() where refines(needles, remembered.needles) {
            if base == nil || remembered.matchCount < base!.matchCount || remembered.needles == needles {
                base = remembered
                baseSlot = slot
                if remembered.needles == needles { break }
            }
        }
        var matches = [Bool](repeating: false, count: entries.count)
        var candidates: [Int32] = []
        let coveredByBase = base?.matches.count ?? 0
        if let base {
            if base.needles == needles {
                matches.withUnsafeMutableBufferPointer { target in
                    base.matches.withUnsafeBufferPointer { source in
                        _ = target.initialize(fromContentsOf: source)
                    }
                }
            } else {
                candidates.reserveCapacity(base.matchCount)
                for index in 0..<coveredByBase where base.matches[index] { candidates.append(Int32(index)) }
            }
        }
        candidates.append(contentsOf: (coveredByBase..<entries.count).map { Int32($0) })
        scan(candidates, of: entries, for: needles, into: &matches)
        let found = SearchMatches(needles: needles, matches: matches, matchCount: matches.reduce(0) { $0 + ($1 ? 1 : 0) })
        if let baseSlot, state.searches[baseSlot].needles == needles { state.searches.remove(at: baseSlot) }
        state.searches.append(found)
        if state.searches.count > rememberedSearches { state.searches.removeFirst() }
        return matches
    }

    /// Whether every text matching `needles` also matches `earlier`: each earlier needle lies inside a new one.
    private static func refines(_ needles: [[UInt8]], _ earlier: [[UInt8]]) -> Bool {
        earlier.allSatisfy { old in needles.contains { new in new.count >= old.count && SubstringSearch.contains(new, old) } }
    }

    /// Checks the candidates on every core, writing `matches[candidate]`.
    private static func scan(_ candidates: [Int32], of entries: [StoredArticle], for needles: [[UInt8]],
                             into matches: inout [Bool]) {
        guard !candidates.isEmpty else { return }
        let stripes = min(16, max(1, candidates.count / 512))
        let filters = needles.map { BigramFilter($0) }
        matches.withUnsafeMutableBufferPointer { buffer in
            let target = SharedFlags(buffer)
            DispatchQueue.concurrentPerform(iterations: stripes) { stripe in
                let start = candidates.count * stripe / stripes, end = candidates.count * (stripe + 1) / stripes
                for position in start..<end {
                    let index = Int(candidates[position])
                    let entry = entries[index]
                    let possible = filters.allSatisfy { entry.bigrams.mayContain($0) }
                    target.set(index, possible && SubstringSearch.containsAll(entry.searchBytes, needles))
                }
            }
        }
    }
}

/// Match flags written by concurrent stripes; each index is written by exactly one stripe.
private struct SharedFlags: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<Bool>
    init(_ buffer: UnsafeMutableBufferPointer<Bool>) { self.buffer = buffer }
    func set(_ index: Int, _ value: Bool) { buffer[index] = value }
}
