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
    private(set) var arena: [UInt8] = []
    /// Word `n` is `arena[wordStarts[n]..<wordStarts[n + 1]]`.
    private(set) var wordStarts: [UInt32] = [0]
    /// Each word's key (`Key`): its bytes themselves when they fit in eight, else a hash of them.
    private(set) var keys: [UInt64] = []
    /// Open addressing: each word's key, number and last entry in one place, so that looking a word up and
    /// telling whether the entry holds it already reads one slot.
    private var table = [Slot](repeating: Slot(), count: 1 << 12)
    private(set) var postings: [[UInt8]] = []
    /// Word numbers in byte order, for prefix look-ups; covers the first `sorted.count` words.
    private(set) var sorted: [Int32] = []

    private static let oneCharacterMarker: UInt8 = 0xFF
    /// The one-character key of each ASCII character once known (else -1): most words begin with one, and
    /// this spares them a second hash and probe.
    private(set) var asciiStartKeys = [Int32](repeating: -1, count: 128)

    var wordCount: Int { keys.count }

    /// One slot of `table`.
    struct Slot {
        var key: UInt64 = 0
        /// The word's number + 1, or 0 for an empty slot.
        var word: Int32 = 0
        /// The last entry holding the word (-1 before any).
        var lastEntry: Int32 = -1
    }

    /// Everything the index holds, as plain arrays: what `SearchIndexFile` reads back (it writes the same sections
    /// straight from the index, without making the derived arrays whole).
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

    /// The index as `Parts` (tests compare a read-back index with the one saved by these).
    var parts: Parts {
        Parts(entryCount: entryCount, arena: arena, wordStarts: wordStarts, keys: keys, slots: table.map(\.word),
              postings: postings, lastEntry: lastEntries, sorted: sorted, asciiStartKeys: asciiStartKeys)
    }

    /// How many slots the table has, and the word number in one (0: empty), for `SearchIndexFile`, which writes
    /// them a few at a time instead of as one more array.
    var slotCount: Int { table.count }
    func slotWord(_ slot: Int) -> Int32 { table[slot].word }

    /// Each word's last entry, by word number.
    var lastEntries: [Int32] {
        var last = [Int32](repeating: -1, count: keys.count)
        for slot in table where slot.word > 0 { last[Int(slot.word) - 1] = slot.lastEntry }
        return last
    }

    /// The index the parts describe; nil when they do not describe one (a damaged file), so that no look-up can
    /// read outside an array: every count agrees, every word lies inside the arena, every number names a word,
    /// every word has exactly one slot, every entry list ends a gap, and every entry is below `entryCount`.
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
              parts.postings.allSatisfy({ $0.last.map { $0 < 0x80 } ?? true }),
              Self.eachWordHasOneSlot(parts.slots, words: words)
        else { return nil }
        entryCount = parts.entryCount
        arena = parts.arena
        wordStarts = parts.wordStarts
        keys = parts.keys
        table = parts.slots.map { word in
            word == 0 ? Slot() : Slot(key: parts.keys[Int(word) - 1], word: word, lastEntry: parts.lastEntry[Int(word) - 1])
        }
        postings = parts.postings
        sorted = parts.sorted
        asciiStartKeys = parts.asciiStartKeys
    }

    /// Whether every word number (1...words) is in `slots` exactly once (given each is in 0...words).
    private static func eachWordHasOneSlot(_ slots: [Int32], words: Int) -> Bool {
        var seen = [Bool](repeating: false, count: words + 1)
        for word in slots where word != 0 {
            if seen[Int(word)] { return false }
            seen[Int(word)] = true
        }
        return slots.count - slots.filter({ $0 == 0 }).count == words
    }

    /// Adds the next entry's words.
    mutating func add(_ folded: [UInt8]) {
        let entry = Int32(entryCount)
        entryCount += 1
        // The ASCII characters that begin a word of the entry, one bit each: their keys are recorded once at
        // the end rather than once per word.
        var asciiStarts: (low: UInt64, high: UInt64) = (0, 0)
        func noteStart(_ byte: Int) {
            if byte < 0x40 {
                asciiStarts.low |= 1 << UInt64(byte)
            } else if byte < 0x80 {
                asciiStarts.high |= 1 << UInt64(byte & 0x3F)
            }
        }
        // Most words are known already: those are looked up while scanning, and only their first occurrence
        // in the entry leaves a word number to record (and, when it begins beyond ASCII, its first character
        // to record too); new words are left for afterwards. Words are disjoint
        // and never empty, so the entry has at most one word a byte: room for all, so that noting one is a
        // store, with no capacity or uniqueness check.
        withUnsafeTemporaryAllocation(of: Int.self, capacity: 2 * (folded.count + 1)) { items in
            folded.withUnsafeBytes { text in
                let scan = table.withUnsafeMutableBufferPointer { table in
                    wordStarts.withUnsafeBufferPointer { wordStarts in
                        arena.withUnsafeBytes { arena in
                            var scan = EntryScan(text: text, entry: entry, table: table, wordStarts: wordStarts,
                                                 arena: arena, items: items)
                            scan.run()
                            return scan
                        }
                    }
                }
                let itemCount = scan.itemCount
                // Through a pointer to the lists: `postings[word].append` checks the outer array is unique each time.
                var beyondASCII = false
                postings.withUnsafeMutableBufferPointer { lists in
                    for position in stride(from: 0, to: itemCount, by: 2) {
                        Self.appendGap(items[position + 1] & 0xFFFF_FFFF, to: &lists[items[position]])
                        let byte = Int(text[items[position + 1] >> 32])
                        noteStart(byte)
                        if byte >= 0x80 { beyondASCII = true }
                    }
                }
                if beyondASCII {
                    for position in stride(from: 0, to: itemCount, by: 2) {
                        let start = items[position + 1] >> 32
                        if text[start] >= 0x80 { recordFirstCharacter(text, start, entry) }
                    }
                }
                for index in 0..<scan.leftOverCount {
                    let range = scan.leftOver(index)
                    noteStart(Int(text[range.lowerBound]))
                    addWord(text, range, entry)
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

    /// Records one word of entry `entry`, and the first character of one that does not begin with ASCII.
    /// Kept out of `add`'s scanning loop: inlined there, neither was optimised well.
    @inline(never)
    private mutating func addWord(_ text: UnsafeRawBufferPointer, _ range: Range<Int>, _ entry: Int32) {
        record(intern(Key(text, range, marked: false), text, range), entry)
        if text[range.lowerBound] >= 0x80 { recordFirstCharacter(text, range.lowerBound, entry) }
    }

    /// Records the first character (beyond ASCII) of the word at `start` of entry `entry` as a key of its own.
    @inline(never)
    private mutating func recordFirstCharacter(_ text: UnsafeRawBufferPointer, _ start: Int, _ entry: Int32) {
        let first = WordBoundary.decode(text, at: start)
        // A character that stands alone is a whole word already, indexed as one.
        if !WordBoundary.standsAlone(first.scalar) {
            let range = start..<(start + first.length)
            record(intern(Key(text, range, marked: true), text, range), entry)
        }
    }

    /// Adds the entries `other` indexed (numbered from 0 there) as this index's next entries, so that parts of
    /// a store can be indexed on several cores and joined: the words are looked up once each and their entry
    /// lists copied whole, only the first gap of each re-counted from this index's last entry. `other` is
    /// emptied list by list as it is copied (and left empty), so the two never take twice the memory.
    mutating func append(_ other: inout SearchIndex) {
        let shift = Int32(entryCount)
        let otherLastEntries = other.lastEntries
        other.arena.withUnsafeBytes { words in
            for word in 0..<other.keys.count {
                var start = Int(other.wordStarts[word])
                let end = Int(other.wordStarts[word + 1])
                // 0xFF never occurs in UTF-8, so it can only be the mark of a one-character key.
                let marked = start < end && words[start] == Self.oneCharacterMarker
                if marked { start += 1 }
                let mine = intern(other.keys[word], words, start..<end, marked: marked)
                let slot = slot(of: mine)
                let list = other.postings[word]
                other.postings[word] = []
                var cursor = 0
                let firstGap = list.withUnsafeBufferPointer { Self.readGap($0, at: &cursor) }
                // Exactly the room needed: growing by doubling would leave up to half of each list unused.
                postings[mine].reserveCapacity(postings[mine].count + 5 + list.count - cursor)
                // Lists start from entry -1, so the first gap is the first entry plus one.
                appendGap(Int(Int32(firstGap - 1) + shift - table[slot].lastEntry), to: mine)
                postings[mine].append(contentsOf: list[cursor...])
                table[slot].lastEntry = otherLastEntries[word] + shift
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
        let slot = slot(of: word)
        let last = table[slot].lastEntry
        guard last != entry else { return }
        appendGap(Int(entry - last), to: word)
        table[slot].lastEntry = entry
    }

    /// The slot of known word `word`.
    private func slot(of word: Int) -> Int {
        let mask = table.count - 1
        var slot = Key(value: keys[word], length: 0).slot(mask)
        while table[slot].word != Int32(word + 1) { slot = (slot + 1) & mask }
        return slot
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
    /// and equal keys are then told apart by the bytes and lengths. A hash's lowest byte is zero, and a whole
    /// key's never is (a word does not begin with NUL), so equal whole keys are the same word.
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
                self.value = Self.hash(text, range, length: length)
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

        /// The key of a word longer than eight bytes (with its marker): its bytes eight at a time, the last eight
        /// (overlapping the ones before) as one step, mixed with its length.
        @inline(__always)
        static func hash(_ text: UnsafeRawBufferPointer, _ range: Range<Int>, length: Int) -> UInt64 {
            var value = UInt64(truncatingIfNeeded: length) &* 0x9E37_79B9_7F4A_7C15
            // More than eight bytes with the marker are at least eight without it.
            var offset = range.lowerBound
            while offset &+ 8 < range.upperBound {
                value = step(value, UInt64(littleEndian: text.loadUnaligned(fromByteOffset: offset, as: UInt64.self)))
                offset &+= 8
            }
            return finish(value, UInt64(littleEndian: text.loadUnaligned(fromByteOffset: range.upperBound &- 8, as: UInt64.self)))
        }

        /// `hash` of a word of nine to sixteen bytes given its first and last eight.
        @inline(__always)
        static func hash(first: UInt64, last: UInt64, length: Int) -> UInt64 {
            finish(step(UInt64(truncatingIfNeeded: length) &* 0x9E37_79B9_7F4A_7C15, first), last)
        }

        @inline(__always)
        private static func step(_ value: UInt64, _ bytes: UInt64) -> UInt64 {
            let mixed = (value ^ bytes) &* 0xFF51_AFD7_ED55_8CCD
            return mixed ^ (mixed &>> 32)
        }

        @inline(__always)
        private static func finish(_ value: UInt64, _ last: UInt64) -> UInt64 {
            var value = value ^ last
            value = (value &* 0xC4CE_B9FE_1A85_EC53) ^ (value &>> 29)
            value = (value ^ (value &>> 32)) &* 0x9E37_79B9_7F4A_7C15
            return value & ~0xFF
        }

        /// Whether the `length` bytes (more than eight) at `stored` and `typed` are the same: two loads each up
        /// to sixteen bytes, which most long words are, instead of a call.
        @inline(__always)
        static func sameLongWord(_ stored: UnsafeRawPointer, _ typed: UnsafeRawPointer, _ length: Int) -> Bool {
            guard length <= 16 else { return memcmp(stored, typed, length) == 0 }
            return stored.loadUnaligned(as: UInt64.self) == typed.loadUnaligned(as: UInt64.self)
                && stored.loadUnaligned(fromByteOffset: length &- 8, as: UInt64.self)
                    == typed.loadUnaligned(fromByteOffset: length &- 8, as: UInt64.self)
        }

        /// Where the key's probe starts in a table of `mask + 1` slots.
        @inline(__always)
        func slot(_ mask: Int) -> Int { Self.slot(of: value, mask) }

        /// Where the probe of the key `value` starts in a table of `mask + 1` slots.
        @inline(__always)
        static func slot(of value: UInt64, _ mask: Int) -> Int {
            Int(truncatingIfNeeded: (value &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
        }
    }

    /// The word's number if it is known, else nil and the empty slot where it would go. `bytes` (the word
    /// without its marker) is read only for a long word whose hash matches.
    @inline(__always)
    private func probe(_ key: Key, _ text: UnsafeRawBufferPointer, _ range: Range<Int>) -> (word: Int?, slot: Int) {
        Self.probe(key, text, range, table: table, wordStarts: wordStarts, arena: arena)
    }

    /// `probe` given the arrays it reads: a method would take a copy of the whole index at each call.
    @inline(__always)
    private static func probe(
        _ key: Key, _ text: UnsafeRawBufferPointer, _ range: Range<Int>,
        table: [Slot], wordStarts: [UInt32], arena: [UInt8]
    ) -> (word: Int?, slot: Int) {
        let mask = table.count - 1
        var slot = key.slot(mask)
        while true {
            let stored = table[slot].word
            if stored == 0 { return (nil, slot) }
            let word = Int(stored) - 1
            if table[slot].key == key.value && Int(wordStarts[word + 1] - wordStarts[word]) == key.length
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
        table[slot] = Slot(key: key.value, word: Int32(word + 1), lastEntry: -1)
        if keys.count * 2 > table.count { grow() }
        return word
    }

    private mutating func grow() {
        var bigger = [Slot](repeating: Slot(), count: table.count * 2)
        let mask = bigger.count - 1
        for old in table where old.word != 0 {
            var slot = Key(value: old.key, length: 0).slot(mask)
            while bigger[slot].word != 0 { slot = (slot + 1) & mask }
            bigger[slot] = old
        }
        table = bigger
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
