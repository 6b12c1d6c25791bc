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
/// of recent searches (a longer search only re-checks what the shorter one matched). A search that would
/// still have to read thousands of articles through is answered for the reader with its first rows, and in
/// full by a background job (`answer(_:for:firstRows:reaching:)`).
///
/// The entries array is kept, so its buffer cannot be freed and reused: the same buffer address and count
/// mean the same entries; a longer array whose first entries carry the same serial numbers is the same
/// store grown, and a shorter one whose entries all match is an older snapshot of it.
public final class QueryCache: Sendable {
    public static let shared = QueryCache()
    private let state = Locked(State())
    /// Whether a background task is indexing (at most one at a time).
    private let backgroundIndexing = Atomic<Bool>(false)
    /// Bumped by each request to complete a search in the background; a reading job whose number is no
    /// longer current stops.
    private let completionGeneration = Atomic<Int>(0)
    private let completionQueue = DispatchQueue(label: "byline.search-completion", qos: .userInitiated)
    private let longRead = Atomic<Int>(QueryCache.defaultLongRead)
    /// While set, background jobs wait before reading (tests hold them to see the first rows reliably).
    private let completionHeld = Atomic<Bool>(false)
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
        answer(query, for: entries, firstRows: nil, reaching: nil).indices
    }

    /// The entries matching `query`, in display order. With `firstRows`, a search that would have to read
    /// many articles through (the second word of a phrase whose first word is in most articles) answers
    /// with its first `firstRows` matches in display order (or as many as a short read finds), and the full
    /// answer is worked out in the background: `isAnswered` says when it is ready. The first matches reach
    /// at least down to entry `reaching` (the selected article, known to match), so it can stay selected.
    func answer(_ query: ArticleQuery, for entries: [StoredArticle], firstRows: Int?, reaching: Int?) -> QueryAnswer {
        var unindexed: [StoredArticle]?
        var completeLater = false
        defer {
            if let unindexed { indexInBackground(unindexed) }
            if completeLater {
                completeInBackground(query, entries)
            } else if firstRows != nil {
                // The reader moved on to a query answered at once: a reading job for an older one is waste.
                completionGeneration.add(1, ordering: .relaxed)
            }
        }
        return state.withLock { state in
            Self.synchronize(&state, with: entries)
            defer { if state.index.entryCount < state.entries.count && !query.search.isEmpty { unindexed = state.entries } }
            let visible = entries.count
            let needles = Self.needles(query)
            var allowedSources: [Bool]?
            if !query.sources.isEmpty {
                var allowed = [Bool](repeating: false, count: state.sourceNumbers.count)
                for name in query.sources { if let number = state.sourceNumbers[name] { allowed[number] = true } }
                allowedSources = allowed
            }
            let order = state.orders.order(query.sort, of: state.entries)
            var matches: MatchBits?
            if !needles.isEmpty {
                var plan = Self.plan(&state, needles)
                if let firstRows, plan.articlesToReadThrough > longRead.load(ordering: .relaxed) {
                    completeLater = true
                    let first = Self.firstMatches(of: plan, in: order, visible: visible, rows: firstRows, reaching: reaching,
                                                  allowed: { allowedSources?[Int(state.entrySources[$0])] ?? true })
                    return QueryAnswer(indices: first, isComplete: false)
                }
                _ = Self.execute(&plan, parallel: true, cancelled: { false })
                Self.remember(&state, plan)
                matches = plan.matches
            }
            var result: [Int] = []
            result.reserveCapacity(matches == nil && allowedSources == nil ? order.count : 1024)
            for index in order {
                let position = Int(index)
                if position >= visible { continue }
                if let matches, !matches[position] { continue }
                if let allowedSources, !allowedSources[Int(state.entrySources[position])] { continue }
                result.append(position)
            }
            return QueryAnswer(indices: result, isComplete: true)
        }
    }

    /// Whether the full answer to `query` over `entries` is at hand (remembered), so asking costs no reading.
    func isAnswered(_ query: ArticleQuery, for entries: [StoredArticle]) -> Bool {
        let needles = Self.needles(query)
        guard !needles.isEmpty else { return true }
        return state.withLock { state in
            Self.synchronize(&state, with: entries)
            return state.searches.contains { $0.needles == needles && $0.matches.count == entries.count }
        }
    }

    /// Articles a search reads through (without places known) above which `answer` gives a first screen:
    /// about 8,000 articles of 4 KB are read in a frame's time (16 ms) on two cores.
    public static let defaultLongRead = 8_192

    /// Sets the number of articles that makes a search long (tests lower it).
    public func setLongRead(_ articles: Int) {
        longRead.store(articles, ordering: .relaxed)
    }

    /// Holds background completion jobs before they read, or lets them go (for tests: on a busy machine a job
    /// can otherwise finish before the first rows are even looked at).
    public func holdBackgroundCompletion(_ held: Bool) {
        completionHeld.store(held, ordering: .relaxed)
    }

    private static func needles(_ query: ArticleQuery) -> [[UInt8]] {
        SearchTerms(query.search).terms.map { Array($0.utf8) }.filter { !$0.isEmpty }
    }

    /// Works out the full answer to `query` off the calling thread, reading outside the lock so the reader's
    /// keystrokes are not held up, and remembers it; a newer request cancels an older one still reading.
    private func completeInBackground(_ query: ArticleQuery, _ entries: [StoredArticle]) {
        let generation = completionGeneration.add(1, ordering: .relaxed).newValue
        completionQueue.async {
            let cancelled: @Sendable () -> Bool = { self.completionGeneration.load(ordering: .relaxed) != generation }
            while self.completionHeld.load(ordering: .relaxed) && !cancelled() { usleep(1_000) }
            guard !cancelled() else { return }
            let needles = Self.needles(query)
            var plan = self.state.withLock { state in
                Self.synchronize(&state, with: entries)
                return Self.plan(&state, needles)
            }
            // On one thread: the reader's keystrokes keep the other core.
            guard Self.execute(&plan, parallel: false, cancelled: cancelled) else { return }
            self.state.withLock { state in
                Self.synchronize(&state, with: entries)
                // Remembered only over the entries it was worked out on, which the cache still holds.
                // (Compared by buffer: checking 100,000 serial numbers under the lock would hold the reader up.)
                guard state.entries.count == entries.count, Self.baseAddress(state.entries) == Self.baseAddress(entries) else { return }
                Self.remember(&state, plan)
            }
        }
    }

    /// Indexes `entries` for search now, on the calling thread (the loader's, so the first search does not wait).
    ///
    /// The indexing runs outside the lock, so the reader's queries (which take it on every key and every new
    /// snapshot) are not held up; the finished index is swapped in if the entries it covers are still the
    /// cache's and the cache has not meanwhile indexed as far.
    ///
    /// With `file`, an index saved there for exactly these entries is read back instead of built, and an index
    /// built here is saved there for the next load.
    public func prepare(_ entries: [StoredArticle], savedIn file: SearchIndexFile? = nil) {
        var index = state.withLock { state -> SearchIndex in
            Self.synchronize(&state, with: entries)
            return state.index
        }
        guard index.entryCount < entries.count else { return }
        if index.entryCount == 0, let saved = file?.load(for: entries[...]) {
            index = saved
        } else {
            Self.index(entries, into: &index)
            file?.save(index, for: entries[...])
        }
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
        for part in 1..<parts { index.append(&pieces[part]) }
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

    /// How a search is answered: the candidates the index and the narrowest remembered search it refines
    /// leave, and what must be read of them. A value, so that reading can go on outside the lock.
    ///
    /// A needle that is one word (or its beginning) is answered exactly by the index; any other (a phrase,
    /// a word with punctuation) narrows by the index to the entries holding each of its words, which are
    /// then read (only at the places a shorter form of it matched, when one is remembered).
    private struct SearchPlan {
        let needles: [[UInt8]]
        /// Candidates, then (after `execute`) the matches.
        var matches: MatchBits
        var occurrences: [[UInt8]: MatchPlaces] = [:]
        /// Needles to read in the candidates below `indexed`, with the places each can only match at.
        var toRead: [[UInt8]] = []
        var known: [MatchPlaces?] = []
        /// Candidates the index does not cover yet: every needle is read in them.
        var unindexed: [Int32] = []
        let indexed: Int
        let texts: [[UInt8]]
        /// Whether a remembered search already answered exactly these needles over these entries.
        var answered = false

        func isUnindexedCandidate(_ entry: Int32) -> Bool {
            var low = 0, high = unindexed.count
            while low < high {
                let middle = (low + high) / 2
                if unindexed[middle] < entry { low = middle + 1 } else { high = middle }
            }
            return low < unindexed.count && unindexed[low] == entry
        }

        /// How many articles must be read through, not only compared at known places.
        var articlesToReadThrough: Int {
            if answered { return 0 }
            return (known.contains { $0 == nil } ? matches.setCount : 0) + unindexed.count
        }
    }

    private static func plan(_ state: inout State, _ needles: [[UInt8]]) -> SearchPlan {
        if state.entries.count - state.index.entryCount <= entriesIndexedInline { indexNewEntries(&state) }
        let indexed = state.index.entryCount
        let count = state.entries.count
        var base: SearchMatches?
        for remembered in state.searches where refines(needles, remembered.needles) {
            if remembered.needles == needles {
                base = remembered
                break
            }
            if base == nil || remembered.matches.setCount < base!.matches.setCount { base = remembered }
        }
        if let base, base.needles == needles, base.matches.count == count {
            var plan = SearchPlan(needles: needles, matches: base.matches, indexed: indexed, texts: state.texts)
            plan.occurrences = base.occurrences
            plan.answered = true
            return plan
        }
        var plan = SearchPlan(needles: needles,
                              matches: base?.matches.extended(to: count, with: true) ?? MatchBits(count: count, set: true),
                              indexed: indexed, texts: state.texts)
        plan.unindexed = (indexed..<count).filter { plan.matches[$0] }.map { Int32($0) }
        for needle in needles {
            let words = WordBoundary.words(needle)
            if words.count == 1 && words[0] == needle.indices {
                plan.matches.formIntersection(state.index.entries(withWordStarting: needle, limit: count))
                continue
            }
            plan.toRead.append(needle)
            // Where a shorter form of this needle matched, comparing there is cheaper than the index.
            if let places = base?.occurrences.first(where: { earlier, _ in needle.starts(with: earlier) })?.value {
                plan.known.append(places)
                continue
            }
            plan.known.append(nil)
            // Every word of the needle but one that ends it is a whole word of any text it matches.
            for word in words {
                let bytes = Array(needle[word])
                plan.matches.formIntersection(word.upperBound == needle.count
                    ? state.index.entries(withWordStarting: bytes, limit: count)
                    : state.index.entries(withWord: bytes, limit: count))
            }
        }
        return plan
    }

    /// Reads what `plan` must read, leaving the matches in it; false if `cancelled` stopped it.
    private static func execute(_ plan: inout SearchPlan, parallel: Bool, cancelled: @Sendable () -> Bool) -> Bool {
        guard !plan.answered else { return true }
        let texts = plan.texts
        if !plan.toRead.isEmpty {
            guard let found = read(plan.matches.setIndices, of: texts, for: plan.toRead, knownPlaces: plan.known,
                                   into: &plan.matches, parallel: parallel, cancelled: cancelled) else { return false }
            plan.occurrences = Dictionary(zip(plan.toRead, found), uniquingKeysWith: { first, _ in first })
        }
        if !plan.unindexed.isEmpty {
            for position in plan.unindexed { plan.matches.set(Int(position)) }
            guard let found = read(plan.unindexed, of: texts, for: plan.needles, knownPlaces: plan.needles.map { _ in nil },
                                   into: &plan.matches, parallel: parallel, cancelled: cancelled) else { return false }
            // Entries already read above (no needle narrowed by the index) are skipped by the append.
            for (number, needle) in plan.needles.enumerated() where plan.occurrences[needle] != nil {
                plan.occurrences[needle]!.append(contentsOf: found[number])
            }
        }
        plan.answered = true
        return true
    }

    private static func remember(_ state: inout State, _ plan: SearchPlan) {
        state.searches.removeAll { $0.needles == plan.needles }
        state.searches.append(SearchMatches(needles: plan.needles, matches: plan.matches, occurrences: plan.occurrences))
        if state.searches.count > rememberedSearches { state.searches.removeFirst() }
    }

    /// The first `rows` matches of a planned search in display order, reading candidates one by one in that
    /// order; stops early after reading a bounded number of articles, so a rare phrase cannot make it long,
    /// but not before entry `reaching`.
    private static func firstMatches(of plan: SearchPlan, in order: [Int32], visible: Int, rows: Int, reaching: Int?,
                                     allowed: (Int) -> Bool) -> [Int] {
        let readingLimit = 2 * rows + 512
        var result: [Int] = []
        var reads = 0
        var found: [Int32] = []
        var reached = reaching == nil
        for index in order {
            if reached && (result.count >= rows || reads >= readingLimit) { break }
            let position = Int(index)
            if position == reaching { reached = true }
            guard position < visible, allowed(position) else { continue }
            let needles: [[UInt8]], known: [MatchPlaces?]
            if position < plan.indexed {
                guard plan.matches[position] else { continue }
                (needles, known) = (plan.toRead, plan.known)
            } else {
                guard plan.isUnindexedCandidate(index) else { continue }
                (needles, known) = (plan.needles, plan.needles.map { _ in nil })
            }
            reads += 1
            let matched = plan.texts[position].withUnsafeBytes { hay in
                needles.indices.allSatisfy { number in
                    var cursor = known[number]?.firstPosition(atOrAbove: index) ?? 0
                    places(of: needles[number], in: hay, knownPlaces: known[number]?.offsets(of: index, from: &cursor),
                           into: &found)
                    return !found.isEmpty
                }
            }
            if matched { result.append(position) }
        }
        return result
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
                             knownPlaces: [MatchPlaces?], into matches: inout MatchBits, parallel: Bool,
                             cancelled: @Sendable () -> Bool) -> [MatchPlaces]? {
        guard !candidates.isEmpty else { return needles.map { _ in MatchPlaces() } }
        // Comparing at known places costs about a quarter of reading (mostly the wait for each text to reach
        // the cache): below a few thousand candidates, waking a second thread would cost more than it saves.
        let work = knownPlaces.contains { $0 == nil } ? candidates.count : candidates.count / 4
        let stripes = parallel ? min(16, max(1, work / 1024)) : 1
        var results = [StripeResult](repeating: StripeResult(), count: stripes)
        let cancelledFlag = CancelFlag()
        results.withUnsafeMutableBufferPointer { buffer in
            let target = SharedStripes(buffer, cancelledFlag)
            @Sendable func readStripe(_ stripe: Int) {
                let start = candidates.count * stripe / stripes, end = candidates.count * (stripe + 1) / stripes
                guard start < end else { return }
                var result = StripeResult(places: needles.map { _ in MatchPlaces() })
                var cursors = knownPlaces.map { $0?.firstPosition(atOrAbove: candidates[start]) ?? 0 }
                var found = needles.map { _ in [Int32]() }
                for (step, candidate) in candidates[start..<end].enumerated() {
                    if step & 255 == 255 && target.stopped(cancelled) { return }
                    let matchedAll = texts[Int(candidate)].withUnsafeBytes { hay in
                        needles.indices.allSatisfy { number in
                            QueryCache.places(of: needles[number], in: hay,
                                   knownPlaces: knownPlaces[number]?.offsets(of: candidate, from: &cursors[number]),
                                   into: &found[number])
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
        if cancelledFlag.value { return nil }
        var places = needles.map { _ in MatchPlaces() }
        for result in results {
            for miss in result.misses { matches.clear(Int(miss)) }
            for number in result.places.indices { places[number].append(contentsOf: result.places[number]) }
        }
        return places
    }
}

extension QueryCache {
    /// Every place `needle` matches in `hay` at a word start, into `found` (emptied first); only at
    /// `knownPlaces` when given.
    fileprivate static func places(of needle: [UInt8], in hay: UnsafeRawBufferPointer, knownPlaces: ArraySlice<Int32>?,
                                   into found: inout [Int32]) {
        found.removeAll(keepingCapacity: true)
        needle.withUnsafeBytes { pattern in
            if let knownPlaces {
                for offset in knownPlaces where Int(offset) + pattern.count <= hay.count
                    && memcmp(hay.baseAddress! + Int(offset), pattern.baseAddress!, pattern.count) == 0 {
                    found.append(offset)
                }
                return
            }
            var from = 0
            while let offset = WordStartSearch.firstMatch(hay, pattern, from: from) {
                found.append(Int32(offset))
                from = offset + 1
            }
        }
    }
}

/// Set when a stripe saw the reading cancelled, so the others and the caller stop too.
private final class CancelFlag: @unchecked Sendable {
    private let flag = Atomic<Bool>(false)
    var value: Bool { flag.load(ordering: .relaxed) }
    func set() { flag.store(true, ordering: .relaxed) }
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
    let cancelled: CancelFlag
    init(_ buffer: UnsafeMutableBufferPointer<StripeResult>, _ cancelled: CancelFlag) {
        self.buffer = buffer
        self.cancelled = cancelled
    }
    func set(_ index: Int, _ value: StripeResult) { buffer[index] = value }
    /// Whether to stop: another stripe saw the cancellation, or `check` says so now.
    func stopped(_ check: () -> Bool) -> Bool {
        if cancelled.value { return true }
        if check() { cancelled.set() }
        return cancelled.value
    }
}
