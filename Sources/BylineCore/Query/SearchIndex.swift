#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Which entries hold which folded words, for every entry of the store: a typed word is looked up as the
/// words it begins (a range of the sorted vocabulary) and the union of their entry lists is the exact answer,
/// without reading any article. Built incrementally as entries are added, in entry order.
///
/// Each word's entries are kept as gaps between ascending entry numbers, one to two bytes each as varints.
/// A one-character word start (the first keystroke of a word) has its own list under a key beginning with
/// 0xFF (a byte UTF-8 never holds), so it does not union hundreds of words' lists.
struct SearchIndex {
    /// How many entries are indexed (entries 0..<entryCount).
    private(set) var entryCount = 0
    private var arena: [UInt8] = []
    /// Word `n` is `arena[wordStarts[n]..<wordStarts[n + 1]]`.
    private var wordStarts: [UInt32] = [0]
    /// Each word's key (`Key`): its bytes themselves when they fit in eight, else a hash of them.
    private var keys: [UInt64] = []
    /// Open addressing: word number + 1, or 0 for empty.
    private var slots = [Int32](repeating: 0, count: 1 << 12)
    private var postings: [[UInt8]] = []
    private var lastEntry: [Int32] = []
    /// Word numbers in byte order, for prefix look-ups; covers the first `sorted.count` words.
    private var sorted: [Int32] = []

    private static let oneCharacterMarker: UInt8 = 0xFF
    /// The one-character key of each ASCII character once known (else -1): most words begin with one, and
    /// this spares them a second hash and probe.
    private var asciiStartKeys = [Int32](repeating: -1, count: 128)

    var wordCount: Int { keys.count }

    /// Everything the index holds, as plain arrays, for keeping it in a file (`SearchIndexFile`).
    struct Parts: Equatable {
        var entryCount: Int
        var arena: [UInt8]
        var wordStarts: [UInt32]
        var keys: [UInt64]
        var slots: [Int32]
        var postings: [[UInt8]]
        var lastEntry: [Int32]
        var sorted: [Int32]
        var asciiStartKeys: [Int32]
    }

    init() {}

    var parts: Parts {
        Parts(entryCount: entryCount, arena: arena, wordStarts: wordStarts, keys: keys, slots: slots,
              postings: postings, lastEntry: lastEntry, sorted: sorted, asciiStartKeys: asciiStartKeys)
    }

    /// The index the parts describe; nil when they do not describe one (a damaged file), so that no look-up can
    /// read outside an array: every count agrees, every word lies inside the arena, every number names a word,
    /// every entry list ends a gap, and every entry is below `entryCount`.
    init?(parts: Parts) {
        let words = parts.keys.count
        guard parts.entryCount >= 0, parts.entryCount <= Int(Int32.max),
              parts.wordStarts.count == words + 1, parts.postings.count == words, parts.lastEntry.count == words,
              parts.wordStarts.first == 0, parts.wordStarts.last.map({ Int($0) == parts.arena.count }) == true,
              zip(parts.wordStarts, parts.wordStarts.dropFirst()).allSatisfy({ $0 <= $1 }),
              parts.slots.count >= 2 * words, parts.slots.count.nonzeroBitCount == 1,
              parts.slots.allSatisfy({ $0 >= 0 && Int($0) <= words }),
              parts.sorted.count <= words, parts.sorted.allSatisfy({ $0 >= 0 && Int($0) < words }),
              parts.asciiStartKeys.count == 128, parts.asciiStartKeys.allSatisfy({ $0 >= -1 && Int($0) < words }),
              parts.lastEntry.allSatisfy({ $0 >= -1 && Int($0) < parts.entryCount }),
              parts.postings.allSatisfy({ $0.last.map { $0 < 0x80 } ?? true })
        else { return nil }
        entryCount = parts.entryCount
        arena = parts.arena
        wordStarts = parts.wordStarts
        keys = parts.keys
        slots = parts.slots
        postings = parts.postings
        lastEntry = parts.lastEntry
        sorted = parts.sorted
        asciiStartKeys = parts.asciiStartKeys
    }

    /// Adds the next entry's words.
    mutating func add(_ folded: [UInt8]) {
        let entry = Int32(entryCount)
        entryCount += 1
        // The ASCII characters that begin a word of the entry, one bit each: their keys are recorded once at
        // the end rather than once per word.
        var asciiStarts: (low: UInt64, high: UInt64) = (0, 0)
        // Most words are known already: those are looked up through raw pointers while scanning, and only
        // their first occurrence in the entry leaves a word number to record. New words, and words that begin
        // with a non-ASCII character (which also record their first character), are left for afterwards.
        // Words are disjoint and never empty, so the entry has at most one word a byte: room for all, so
        // that noting one is a store, with no capacity or uniqueness check.
        let room = folded.count + 1
        withUnsafeTemporaryAllocation(of: Int32.self, capacity: 2 * room) { firstSeen in
        withUnsafeTemporaryAllocation(of: Int.self, capacity: 2 * room) { leftOver in
            var firstSeenCount = 0, leftOverCount = 0
            folded.withUnsafeBytes { text in
                slots.withUnsafeBufferPointer { slots in
                keys.withUnsafeBufferPointer { keys in
                wordStarts.withUnsafeBufferPointer { wordStarts in
                arena.withUnsafeBytes { arena in
                lastEntry.withUnsafeMutableBufferPointer { lastEntry in
                    // Everything the scan reads and notes in one value, so that the closure called for each
                    // word takes one address rather than a dozen arguments.
                    var scan = EntryScan(
                        entry: entry, text: text, slots: slots, keys: keys, wordStarts: wordStarts, arena: arena,
                        lastEntry: lastEntry, firstSeen: firstSeen, leftOver: leftOver)
                    WordBoundary.forEachWord(text) { scan.note($0) }
                    asciiStarts = (scan.asciiLow, scan.asciiHigh)
                    firstSeenCount = scan.firstSeenCount
                    leftOverCount = scan.leftOverCount
                }
                }
                }
                }
                }
                for position in stride(from: 0, to: leftOverCount, by: 2) {
                    addWord(text, leftOver[position]..<leftOver[position + 1], entry)
                }
            }
            // Through a pointer to the lists: `postings[word].append` checks the outer array is unique each time.
            postings.withUnsafeMutableBufferPointer { lists in
                for position in stride(from: 0, to: firstSeenCount, by: 2) {
                    Self.appendGap(Int(firstSeen[position + 1]), to: &lists[Int(firstSeen[position])])
                }
            }
        }
        }
        for (offset, bits) in [(0, asciiStarts.low), (0x40, asciiStarts.high)] {
            var rest = bits
            while rest != 0 {
                record(asciiStartKey(UInt8(offset + rest.trailingZeroBitCount)), entry)
                rest &= rest &- 1
            }
        }
    }

    /// One entry's scan: the index's arrays as pointers (none grows while it runs), what the entry's words
    /// begin with, the first occurrence of each known word with its gap, and the words left for `addWord`.
    private struct EntryScan {
        let entry: Int32
        let text: UnsafeRawBufferPointer
        let slots: UnsafeBufferPointer<Int32>
        let keys: UnsafeBufferPointer<UInt64>
        let wordStarts: UnsafeBufferPointer<UInt32>
        let arena: UnsafeRawBufferPointer
        let lastEntry: UnsafeMutableBufferPointer<Int32>
        /// Pairs of word number and gap.
        let firstSeen: UnsafeMutableBufferPointer<Int32>
        /// Pairs of start and end.
        let leftOver: UnsafeMutableBufferPointer<Int>
        var firstSeenCount = 0
        var leftOverCount = 0
        var asciiLow: UInt64 = 0
        var asciiHigh: UInt64 = 0

        init(entry: Int32, text: UnsafeRawBufferPointer, slots: UnsafeBufferPointer<Int32>, keys: UnsafeBufferPointer<UInt64>,
             wordStarts: UnsafeBufferPointer<UInt32>, arena: UnsafeRawBufferPointer,
             lastEntry: UnsafeMutableBufferPointer<Int32>, firstSeen: UnsafeMutableBufferPointer<Int32>,
             leftOver: UnsafeMutableBufferPointer<Int>) {
            self.entry = entry
            self.text = text
            self.slots = slots
            self.keys = keys
            self.wordStarts = wordStarts
            self.arena = arena
            self.lastEntry = lastEntry
            self.firstSeen = firstSeen
            self.leftOver = leftOver
        }

        @inline(__always)
        mutating func note(_ range: Range<Int>) {
            let firstByte = text.load(fromByteOffset: range.lowerBound, as: UInt8.self)
            if firstByte < 0x40 {
                asciiLow |= 1 << UInt64(firstByte)
            } else if firstByte < 0x80 {
                asciiHigh |= 1 << UInt64(firstByte & 0x3F)
            } else {
                leaveOver(range)
                return
            }
            let key = Key(text, range, marked: false)
            guard let word = SearchIndex.find(key, text, range, slots: slots, mask: slots.count &- 1, keys: keys,
                                              wordStarts: wordStarts, arena: arena) else {
                leaveOver(range)
                return
            }
            let last = lastEntry[word]
            if last != entry {
                firstSeen[firstSeenCount] = Int32(truncatingIfNeeded: word)
                firstSeen[firstSeenCount &+ 1] = entry &- last
                firstSeenCount &+= 2
                lastEntry[word] = entry
            }
        }

        @inline(__always)
        private mutating func leaveOver(_ range: Range<Int>) {
            leftOver[leftOverCount] = range.lowerBound
            leftOver[leftOverCount &+ 1] = range.upperBound
            leftOverCount &+= 2
        }
    }

    /// Records one word of entry `entry`, and the first character of one that does not begin with ASCII.
    /// Kept out of `add`'s scanning loop: inlined there, neither was optimised well.
    @inline(never)
    private mutating func addWord(_ text: UnsafeRawBufferPointer, _ range: Range<Int>, _ entry: Int32) {
        record(intern(Key(text, range, marked: false), text, range), entry)
        if text[range.lowerBound] < 0x80 { return }
        let first = WordBoundary.decode(text, at: range.lowerBound)
        // A character that stands alone is a whole word already, indexed just above.
        if !WordBoundary.standsAlone(first.scalar) {
            let start = range.lowerBound..<(range.lowerBound + first.length)
            record(intern(Key(text, start, marked: true), text, start), entry)
        }
    }

    /// Adds the entries `other` indexed (numbered from 0 there) as this index's next entries, so that parts of
    /// a store can be indexed on several cores and joined: the words are looked up once each and their entry
    /// lists copied whole, only the first gap of each re-counted from this index's last entry. `other` is
    /// emptied list by list as it is copied (and left empty), so the two never take twice the memory.
    mutating func append(_ other: inout SearchIndex) {
        let shift = Int32(entryCount)
        other.arena.withUnsafeBytes { words in
            for word in 0..<other.keys.count {
                var start = Int(other.wordStarts[word])
                let end = Int(other.wordStarts[word + 1])
                // 0xFF never occurs in UTF-8, so it can only be the mark of a one-character key.
                let marked = start < end && words[start] == Self.oneCharacterMarker
                if marked { start += 1 }
                let mine = intern(other.keys[word], words, start..<end, marked: marked)
                let list = other.postings[word]
                other.postings[word] = []
                var cursor = 0
                let firstGap = list.withUnsafeBufferPointer { Self.readGap($0, at: &cursor) }
                // Exactly the room needed: growing by doubling would leave up to half of each list unused.
                postings[mine].reserveCapacity(postings[mine].count + 5 + list.count - cursor)
                // Lists start from entry -1, so the first gap is the first entry plus one.
                appendGap(Int(Int32(firstGap - 1) + shift - lastEntry[mine]), to: mine)
                postings[mine].append(contentsOf: list[cursor...])
                lastEntry[mine] = other.lastEntry[word] + shift
            }
        }
        entryCount += other.entryCount
        other = SearchIndex()
    }

    /// The entries (of the first `limit`) with a word that begins with `prefix`, which must be one word
    /// (as `WordBoundary` splits) or its beginning.
    mutating func entries(withWordStarting prefix: [UInt8], limit: Int) -> MatchBits {
        var bits = MatchBits(count: limit, set: false)
        prefix.withUnsafeBytes { key in
            guard !key.isEmpty else { return }
            let first = WordBoundary.decode(key, at: 0)
            if first.length == key.count && !WordBoundary.standsAlone(first.scalar) {
                if let word = probe(Key(key, 0..<key.count, marked: true), key, 0..<key.count).word {
                    collect(word, limit, into: &bits)
                }
                return
            }
            sortNewWords()
            var low = 0, high = sorted.count
            while low < high {
                let middle = (low + high) / 2
                if compare(Int(sorted[middle]), key) < 0 { low = middle + 1 } else { high = middle }
            }
            while low < sorted.count && hasPrefix(Int(sorted[low]), key) {
                collect(Int(sorted[low]), limit, into: &bits)
                low += 1
            }
        }
        return bits
    }

    /// The entries (of the first `limit`) holding exactly the word `word`.
    func entries(withWord word: [UInt8], limit: Int) -> MatchBits {
        var bits = MatchBits(count: limit, set: false)
        word.withUnsafeBytes { key in
            if !key.isEmpty, let found = probe(Key(key, 0..<key.count, marked: false), key, 0..<key.count).word {
                collect(found, limit, into: &bits)
            }
        }
        return bits
    }

    private func collect(_ word: Int, _ limit: Int, into bits: inout MatchBits) {
        var entry = -1
        postings[word].withUnsafeBufferPointer { list in
            var cursor = 0
            while cursor < list.count {
                entry += Self.readGap(list, at: &cursor)
                if entry >= limit { return }
                bits.set(entry)
            }
        }
    }

    /// The gap (a varint, seven bits a byte, low bits first) starting at `cursor`, which moves past it.
    @inline(__always)
    private static func readGap(_ list: UnsafeBufferPointer<UInt8>, at cursor: inout Int) -> Int {
        var gap = 0, shift = 0
        while true {
            let byte = list[cursor]
            cursor += 1
            gap |= Int(byte & 0x7F) << shift
            if byte < 0x80 { return gap }
            shift += 7
        }
    }

    @inline(__always)
    private mutating func asciiStartKey(_ byte: UInt8) -> Int {
        if asciiStartKeys[Int(byte)] >= 0 { return Int(asciiStartKeys[Int(byte)]) }
        return newASCIIStartKey(byte)
    }

    /// Kept apart from `asciiStartKey`: its byte on the stack would cost every word a stack check.
    @inline(never)
    private mutating func newASCIIStartKey(_ byte: UInt8) -> Int {
        let word = withUnsafeBytes(of: byte) { intern(Key($0, 0..<1, marked: true), $0, 0..<1) }
        asciiStartKeys[Int(byte)] = Int32(word)
        return word
    }

    @inline(__always)
    private mutating func record(_ word: Int, _ entry: Int32) {
        guard lastEntry[word] != entry else { return }
        appendGap(Int(entry - lastEntry[word]), to: word)
        lastEntry[word] = entry
    }

    private mutating func appendGap(_ gap: Int, to word: Int) {
        var gap = gap
        while gap >= 0x80 {
            postings[word].append(UInt8(gap & 0x7F) | 0x80)
            gap >>= 7
        }
        postings[word].append(UInt8(gap))
    }

    @inline(__always)
    private static func appendGap(_ gap: Int, to list: inout [UInt8]) {
        var gap = gap
        while gap >= 0x80 {
            list.append(UInt8(gap & 0x7F) | 0x80)
            gap >>= 7
        }
        list.append(UInt8(gap))
    }

    /// What identifies a word in the table: up to eight bytes are the key themselves (little-endian, the
    /// rest zero), with 0xFF before them for a one-character key; a longer word's key is a hash of its bytes,
    /// and equal keys are then told apart by the bytes. Lengths are compared too.
    struct Key {
        let value: UInt64
        /// The word's length in the arena (with the marker of a one-character key).
        let length: Int
        /// Whether `value` is the bytes themselves.
        var isWhole: Bool { length <= 8 }

        @inline(__always)
        init(_ text: UnsafeRawBufferPointer, _ range: Range<Int>, marked: Bool) {
            let length = range.count + (marked ? 1 : 0)
            guard length <= 8 else {
                var value: UInt64 = 0xCBF2_9CE4_8422_2325
                // Indexing by offset: the buffer's iterator is not inlined here.
                for offset in range { value = (value ^ UInt64(text[offset])) &* 0x0000_0100_0000_01B3 }
                self.value = value
                self.length = length
                return
            }
            var value: UInt64
            if range.lowerBound &+ 8 <= text.count && !range.isEmpty {
                // One load, and the bytes past the word masked off (a shift by 0 to 56 bits).
                let word = UInt64(littleEndian: text.loadUnaligned(fromByteOffset: range.lowerBound, as: UInt64.self))
                value = word & (UInt64.max &>> UInt64(truncatingIfNeeded: 64 &- range.count &* 8))
            } else {
                value = 0
                for offset in range.reversed() { value = value << 8 | UInt64(text[offset]) }
            }
            if marked { value = value << 8 | UInt64(SearchIndex.oneCharacterMarker) }
            self.value = value
            self.length = length
        }

        @inline(__always)
        init(value: UInt64, length: Int) {
            self.value = value
            self.length = length
        }

        /// Where the key's probe starts in a table of `mask + 1` slots.
        @inline(__always)
        func slot(_ mask: Int) -> Int { Int(truncatingIfNeeded: (value &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask }
    }

    /// The word's number if it is known, else nil and the empty slot where it would go. `bytes` (the word
    /// without its marker) is read only for a long word whose hash matches.
    @inline(__always)
    private func probe(_ key: Key, _ text: UnsafeRawBufferPointer, _ range: Range<Int>) -> (word: Int?, slot: Int) {
        Self.probe(key, text, range, slots: slots, keys: keys, wordStarts: wordStarts, arena: arena)
    }

    /// The number of the word of key `key` (the bytes `text[range]`, unmarked) if it is known, read through
    /// pointers to the arrays: the look-up of almost every word while an entry is scanned.
    @inline(__always)
    fileprivate static func find(
        _ key: Key, _ text: UnsafeRawBufferPointer, _ range: Range<Int>, slots: UnsafeBufferPointer<Int32>, mask: Int,
        keys: UnsafeBufferPointer<UInt64>, wordStarts: UnsafeBufferPointer<UInt32>, arena: UnsafeRawBufferPointer
    ) -> Int? {
        var slot = key.slot(mask)
        while true {
            let stored = slots[slot]
            if stored == 0 { return nil }
            let word = Int(stored) &- 1
            if keys[word] == key.value {
                let start = Int(wordStarts[word]), end = Int(wordStarts[word &+ 1])
                if end &- start == key.length
                    && (key.isWhole || memcmp(arena.baseAddress! + start, text.baseAddress! + range.lowerBound, key.length) == 0) {
                    return word
                }
            }
            slot = (slot &+ 1) & mask
        }
    }

    /// `probe` given the arrays it reads: a method would take a copy of the whole index at each call.
    @inline(__always)
    private static func probe(
        _ key: Key, _ text: UnsafeRawBufferPointer, _ range: Range<Int>,
        slots: [Int32], keys: [UInt64], wordStarts: [UInt32], arena: [UInt8]
    ) -> (word: Int?, slot: Int) {
        let mask = slots.count - 1
        var slot = key.slot(mask)
        while true {
            let stored = slots[slot]
            if stored == 0 { return (nil, slot) }
            let word = Int(stored) - 1
            if keys[word] == key.value && Int(wordStarts[word + 1] - wordStarts[word]) == key.length
                && (key.isWhole || equals(word, UnsafeRawBufferPointer(rebasing: text[range]), wordStarts, arena)) {
                return (word, slot)
            }
            slot = (slot + 1) & mask
        }
    }

    @inline(__always)
    private mutating func intern(_ key: Key, _ text: UnsafeRawBufferPointer, _ range: Range<Int>) -> Int {
        let (known, slot) = probe(key, text, range)
        if let known { return known }
        return insert(key, UnsafeRawBufferPointer(rebasing: text[range]), slot: slot)
    }

    /// `other`'s word of key `value`, whose bytes (marker left out) are `words[range]`.
    private mutating func intern(_ value: UInt64, _ words: UnsafeRawBufferPointer, _ range: Range<Int>, marked: Bool) -> Int {
        let key = Key(value: value, length: range.count + (marked ? 1 : 0))
        let (known, slot) = probe(key, words, range)
        if let known { return known }
        return insert(key, UnsafeRawBufferPointer(rebasing: words[range]), marked: marked, slot: slot)
    }

    private mutating func insert(_ key: Key, _ bytes: UnsafeRawBufferPointer, marked: Bool? = nil, slot: Int) -> Int {
        let word = keys.count
        // A whole key says itself whether it is marked: its lowest byte is then the marker.
        let isMarked = marked ?? (key.isWhole && key.value & 0xFF == UInt64(Self.oneCharacterMarker))
        if isMarked { arena.append(Self.oneCharacterMarker) }
        arena.append(contentsOf: bytes)
        wordStarts.append(UInt32(arena.count))
        keys.append(key.value)
        postings.append([])
        lastEntry.append(-1)
        slots[slot] = Int32(word + 1)
        if keys.count * 2 > slots.count { grow() }
        return word
    }

    private mutating func grow() {
        var bigger = [Int32](repeating: 0, count: slots.count * 2)
        let mask = bigger.count - 1
        for (word, value) in keys.enumerated() {
            var slot = Key(value: value, length: 0).slot(mask)
            while bigger[slot] != 0 { slot = (slot + 1) & mask }
            bigger[slot] = Int32(word + 1)
        }
        slots = bigger
    }

    /// Whether long word `word` is `bytes`.
    private static func equals(_ word: Int, _ bytes: UnsafeRawBufferPointer, _ wordStarts: [UInt32], _ arena: [UInt8]) -> Bool {
        let start = Int(wordStarts[word])
        let end = Int(wordStarts[word + 1])
        guard end - start == bytes.count else { return false }
        return arena.withUnsafeBytes { memcmp($0.baseAddress! + start, bytes.baseAddress!, bytes.count) == 0 }
    }

    /// Byte order of word `word` against `key`.
    private func compare(_ word: Int, _ key: UnsafeRawBufferPointer) -> Int {
        let start = Int(wordStarts[word]), length = Int(wordStarts[word + 1]) - start
        let common = min(length, key.count)
        let order = arena.withUnsafeBytes { memcmp($0.baseAddress! + start, key.baseAddress!, common) }
        if order != 0 { return Int(order) }
        return length - key.count
    }

    private func hasPrefix(_ word: Int, _ key: UnsafeRawBufferPointer) -> Bool {
        let start = Int(wordStarts[word]), length = Int(wordStarts[word + 1]) - start
        guard length >= key.count else { return false }
        return arena.withUnsafeBytes { memcmp($0.baseAddress! + start, key.baseAddress!, key.count) == 0 }
    }

    /// Sorts words added since the last look-up and merges them into `sorted`.
    private mutating func sortNewWords() {
        guard sorted.count < keys.count else { return }
        let words = (sorted.count..<keys.count).map { Int32($0) }
        let fresh = arena.withUnsafeBytes { bytes in
            words.sorted { lhs, rhs in Self.precedes(Int(lhs), Int(rhs), bytes, wordStarts) }
        }
        if sorted.isEmpty {
            sorted = fresh
            return
        }
        var merged: [Int32] = []
        merged.reserveCapacity(keys.count)
        arena.withUnsafeBytes { bytes in
            var left = 0, right = 0
            while left < sorted.count && right < fresh.count {
                if Self.precedes(Int(fresh[right]), Int(sorted[left]), bytes, wordStarts) {
                    merged.append(fresh[right])
                    right += 1
                } else {
                    merged.append(sorted[left])
                    left += 1
                }
            }
            merged.append(contentsOf: sorted[left...])
            merged.append(contentsOf: fresh[right...])
        }
        sorted = merged
    }

    private static func precedes(_ lhs: Int, _ rhs: Int, _ bytes: UnsafeRawBufferPointer, _ starts: [UInt32]) -> Bool {
        let leftStart = Int(starts[lhs]), leftLength = Int(starts[lhs + 1]) - leftStart
        let rightStart = Int(starts[rhs]), rightLength = Int(starts[rhs + 1]) - rightStart
        let order = memcmp(bytes.baseAddress! + leftStart, bytes.baseAddress! + rightStart, min(leftLength, rightLength))
        return order != 0 ? order < 0 : leftLength < rightLength
    }
}
