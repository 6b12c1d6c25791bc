import Dispatch
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif


/// What `ArticleQuery.apply` remembers between calls, so that a keystroke or a source toggle does not
/// re-sort and re-scan 100,000 articles: the sort orders of the entries last seen (merged forward as the
/// store grows), each entry's source number, the word index of every entry (`SearchIndex`), and the matches
/// of recent searches (a longer search only re-checks what the shorter one matched).
///
/// The entries array is kept, so its buffer cannot be freed and reused: the same buffer address and count
/// mean the same entries; a longer array whose first entries carry the same serial numbers is the same
/// store grown, and a shorter one whose entries all match is an older snapshot of it.
final class QueryCache: Sendable {
    static let shared = QueryCache()
    private let state = Locked(State())
    /// Whether a background task is indexing (at most one at a time).
    private let backgroundIndexing = Atomic<Bool>(false)
    /// A search indexes at most this many new entries itself; more (a live change re-numbered the entries, or
    /// loading is under way) are read instead while a background task indexes them: reading an article costs
    /// about a hundredth of indexing it, and a keystroke must not wait seconds for an index.
    static let entriesIndexedInline = 256

    private struct State {
        var entries: [StoredArticle] = []
        var orders = EntryOrders()
        var sourceNumbers: [String: Int] = [:]
        /// Source names by number.
        var sourceNames: [String] = []
        var entrySources: [Int32] = []
        /// Each entry's `SourceRule`, as its position in `QueryCache.rules`.
        var entryRules: [UInt8] = []
        /// Each entry's folded text (the article's own buffer, not a copy), so reading 70,000 candidates walks
        /// one array instead of four objects per entry.
        var texts: [[UInt8]] = []
        var index = SearchIndex()
        /// Recent searches, newest last.
        var searches: [SearchMatches] = []
    }

    /// Which entries (of the first `matches.count`) match every needle.
    private struct SearchMatches {
        let needles: [[UInt8]]
        var matches: MatchBits
        /// For each needle that had to be read: where it matched in each matching entry, so a longer needle
        /// that begins with it is only compared there (typing a phrase reads each article once).
        var occurrences: [[UInt8]: MatchPlaces] = [:]
    }

    private static let rememberedSearches = 32

    func apply(_ query: ArticleQuery, to entries: [StoredArticle]) -> [Int] {
        var unindexed: [StoredArticle]?
        defer { if let unindexed { indexInBackground(unindexed) } }
        return state.withLock { state in
            Self.synchronize(&state, with: entries)
            defer { if state.index.entryCount < state.entries.count && !query.search.isEmpty { unindexed = state.entries } }
            let visible = entries.count
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
                if position >= visible { continue }
                if let matches, !matches[position] { continue }
                if let allowedSources, !allowedSources[Int(state.entrySources[position])] { continue }
                result.append(position)
            }
            return result
        }
    }

    /// Indexes `entries` for search now, on the calling thread (the loader's, so the first search does not wait).
    ///
    /// The indexing runs outside the lock, so the reader's queries (which take it on every key and every new
    /// snapshot) are not held up; the finished index is swapped in if the entries it covers are still the
    /// cache's and the cache has not meanwhile indexed as far.
    func prepare(_ entries: [StoredArticle]) {
        var index = state.withLock { state -> SearchIndex in
            Self.synchronize(&state, with: entries)
            return state.index
        }
        guard index.entryCount < entries.count else { return }
        Self.index(entries, into: &index)
        state.withLock { state in
            Self.synchronize(&state, with: entries)
            guard state.index.entryCount < index.entryCount, state.entries.count >= index.entryCount,
                  (0..<index.entryCount).allSatisfy({ state.entries[$0].serial == entries[$0].serial }) else { return }
            state.index = index
        }
    }

    /// Indexes the entries past `index.entryCount`: in parts on every core when there are many (the index
    /// is a fifth of the loader's work, and otherwise ran on one core after loading), joined in entry order.
    private static func index(_ entries: [StoredArticle], into index: inout SearchIndex) {
        let start = index.entryCount
        let cores = max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN)))
        let parts = min(cores, (entries.count - start) / 2048)
        guard parts > 1 else {
            for position in start..<entries.count { index.add(entries[position].searchBytes) }
            return
        }
        var pieces = [SearchIndex](repeating: SearchIndex(), count: parts)
        // The first part continues `index` itself; moved out so that adding to it does not copy it.
        swap(&pieces[0], &index)
        pieces.withUnsafeMutableBufferPointer { buffer in
            let shared = SharedIndexes(buffer)
            DispatchQueue.concurrentPerform(iterations: parts) { part in
                let from = start + (entries.count - start) * part / parts
                let to = start + (entries.count - start) * (part + 1) / parts
                shared.add(entries[from..<to], to: part)
            }
        }
        swap(&pieces[0], &index)
        for part in 1..<parts { index.append(pieces[part]) }
    }

    private func indexInBackground(_ entries: [StoredArticle]) {
        guard backgroundIndexing.compareExchange(expected: false, desired: true, ordering: .acquiringAndReleasing).exchanged else { return }
        DispatchQueue.global(qos: .utility).async {
            self.prepare(entries)
            self.backgroundIndexing.store(false, ordering: .releasing)
        }
    }

    /// How many entries the search index covers (for tests).
    var indexedCount: Int { state.withLock { $0.index.entryCount } }

    private static let rules: [SourceRule] = [.sidecarSource, .sidecarURL, .folder, .urlInText, .parentFolder]

    /// How many different sources `entries` has (the title bar asks on every frame).
    func sourceCount(in entries: [StoredArticle]) -> Int {
        state.withLock { state in
            Self.synchronize(&state, with: entries)
            if entries.count < state.entries.count { return Set(state.entrySources[0..<entries.count]).count }
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
        if entries.count < old.count && (0..<entries.count).allSatisfy({ entries[$0].serial == old[$0].serial }) { return }
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
            state.texts.append(entries[index].searchBytes)
        }
    }

    private static func baseAddress(_ entries: [StoredArticle]) -> UnsafeRawPointer? {
        entries.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) }
    }

    private static func indexNewEntries(_ state: inout State) {
        let entries = state.entries
        for position in state.index.entryCount..<entries.count { state.index.add(entries[position].searchBytes) }
    }

    /// Matches for `needles` over every entry, starting from the narrowest remembered search they refine.
    ///
    /// A needle that is one word (or its beginning) is answered exactly by the index; any other (a phrase,
    /// a word with punctuation) narrows by the index to the entries holding each of its words, which are
    /// then read.
    private static func searchMatches(_ state: inout State, _ needles: [[UInt8]]) -> MatchBits {
        if state.entries.count - state.index.entryCount <= entriesIndexedInline { indexNewEntries(&state) }
        let indexed = state.index.entryCount
        let entries = state.entries
        let texts = state.texts
        var base: SearchMatches?
        var baseSlot: Int?
        for (slot, remembered) in state.searches.enumerated() where refines(needles, remembered.needles) {
            if remembered.needles == needles {
                base = remembered
                baseSlot = slot
                break
            }
            if base == nil || remembered.matches.setCount < base!.matches.setCount {
                base = remembered
                baseSlot = slot
            }
        }
        var matches: MatchBits
        var occurrences: [[UInt8]: MatchPlaces] = [:]
        if let base, base.needles == needles, base.matches.count == entries.count {
            matches = base.matches
            occurrences = base.occurrences
        } else {
            matches = base?.matches.extended(to: entries.count, with: true) ?? MatchBits(count: entries.count, set: true)
            // Entries the index does not cover yet are read for every needle below.
            let unindexed = (indexed..<entries.count).filter { matches[$0] }.map { Int32($0) }
            var toRead: [[UInt8]] = []
            for needle in needles {
                let words = WordBoundary.words(needle)
                if words.count == 1 && words[0] == needle.indices {
                    matches.formIntersection(state.index.entries(withWordStarting: needle, limit: entries.count))
                    continue
                }
                toRead.append(needle)
                // Where a shorter form of this needle matched, comparing there is cheaper than the index.
                if base?.occurrences.contains(where: { earlier, _ in needle.starts(with: earlier) }) == true { continue }
                // Every word of the needle but one that ends it is a whole word of any text it matches.
                for word in words {
                    let bytes = Array(needle[word])
                    matches.formIntersection(word.upperBound == needle.count
                        ? state.index.entries(withWordStarting: bytes, limit: entries.count)
                        : state.index.entries(withWord: bytes, limit: entries.count))
                }
            }
            if !toRead.isEmpty {
                // Where an earlier needle that each begins with matched: only those places can match.
                let known = toRead.map { needle in
                    base?.occurrences.first { earlier, _ in needle.starts(with: earlier) }?.value
                }
                let found = read(matches.setIndices, of: texts, for: toRead, knownPlaces: known, into: &matches)
                occurrences = Dictionary(zip(toRead, found), uniquingKeysWith: { first, _ in first })
            }
            if !unindexed.isEmpty {
                for position in unindexed { matches.set(Int(position)) }
                let found = read(unindexed, of: texts, for: needles, knownPlaces: needles.map { _ in nil }, into: &matches)
                // Entries already read above (no needle narrowed by the index) are skipped by the append.
                for (number, needle) in needles.enumerated() where occurrences[needle] != nil {
                    occurrences[needle]!.append(contentsOf: found[number])
                }
            }
        }
        if let baseSlot, state.searches[baseSlot].needles == needles { state.searches.remove(at: baseSlot) }
        state.searches.append(SearchMatches(needles: needles, matches: matches, occurrences: occurrences))
        if state.searches.count > rememberedSearches { state.searches.removeFirst() }
        return matches
    }

    /// Whether every text matching `needles` also matches `earlier`: each earlier needle matches inside a new
    /// one (where a word may start, so it also does in any text the new one matches).
    private static func refines(_ needles: [[UInt8]], _ earlier: [[UInt8]]) -> Bool {
        earlier.allSatisfy { old in needles.contains { new in new.count >= old.count && WordStartSearch.contains(new, old) } }
    }

    /// Reads the candidates' text on every core, clearing those that lack a needle; returns, for each needle,
    /// where it matched in each entry that matched them all. `knownPlaces` gives, per needle, the only places
    /// it can match in the entries listed (where a needle it begins with matched).
    private static func read(_ candidates: [Int32], of texts: [[UInt8]], for needles: [[UInt8]],
                             knownPlaces: [MatchPlaces?], into matches: inout MatchBits) -> [MatchPlaces] {
        guard !candidates.isEmpty else { return needles.map { _ in MatchPlaces() } }
        // Comparing at known places costs about a quarter of reading (mostly the wait for each text to reach
        // the cache): below a few thousand candidates, waking a second thread would cost more than it saves.
        let work = knownPlaces.contains { $0 == nil } ? candidates.count : candidates.count / 4
        let stripes = min(16, max(1, work / 1024))
        var results = [StripeResult](repeating: StripeResult(), count: stripes)
        results.withUnsafeMutableBufferPointer { buffer in
            let target = SharedStripes(buffer)
            @Sendable func readStripe(_ stripe: Int) {
                let start = candidates.count * stripe / stripes, end = candidates.count * (stripe + 1) / stripes
                guard start < end else { return }
                var result = StripeResult(places: needles.map { _ in MatchPlaces() })
                var cursors = knownPlaces.map { $0?.firstPosition(atOrAbove: candidates[start]) ?? 0 }
                var found = needles.map { _ in [Int32]() }
                for candidate in candidates[start..<end] {
                    let matchedAll = texts[Int(candidate)].withUnsafeBytes { hay in
                        needles.indices.allSatisfy { number in
                            found[number].removeAll(keepingCapacity: true)
                            needles[number].withUnsafeBytes { pattern in
                                if let known = knownPlaces[number]?.offsets(of: candidate, from: &cursors[number]) {
                                    for offset in known where Int(offset) + pattern.count <= hay.count
                                        && memcmp(hay.baseAddress! + Int(offset), pattern.baseAddress!, pattern.count) == 0 {
                                        found[number].append(offset)
                                    }
                                    return
                                }
                                var from = 0
                                while let offset = WordStartSearch.firstMatch(hay, pattern, from: from) {
                                    found[number].append(Int32(offset))
                                    from = offset + 1
                                }
                            }
                            return !found[number].isEmpty
                        }
                    }
                    if matchedAll {
                        for number in needles.indices { result.places[number].append(candidate, found[number]) }
                    } else {
                        result.misses.append(candidate)
                    }
                }
                target.set(stripe, result)
            }
            if stripes == 1 { readStripe(0) } else { DispatchQueue.concurrentPerform(iterations: stripes, execute: readStripe) }
        }
        var places = needles.map { _ in MatchPlaces() }
        for result in results {
            for miss in result.misses { matches.clear(Int(miss)) }
            for number in result.places.indices { places[number].append(contentsOf: result.places[number]) }
        }
        return places
    }
}

/// What one stripe of `QueryCache.read` found: per needle, its places in the candidates that matched them all,
/// and the candidates that did not.
private struct StripeResult {
    var places: [MatchPlaces] = []
    var misses: [Int32] = []
}

/// Indexes built by concurrent parts; each is written by exactly one part.
private struct SharedIndexes: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<SearchIndex>
    init(_ buffer: UnsafeMutableBufferPointer<SearchIndex>) { self.buffer = buffer }
    func add(_ entries: ArraySlice<StoredArticle>, to part: Int) {
        for entry in entries { buffer[part].add(entry.searchBytes) }
    }
}

/// Results written by concurrent stripes; each index is written by exactly one stripe.
private struct SharedStripes: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<StripeResult>
    init(_ buffer: UnsafeMutableBufferPointer<StripeResult>) { self.buffer = buffer }
    func set(_ index: Int, _ value: StripeResult) { buffer[index] = value }
}
