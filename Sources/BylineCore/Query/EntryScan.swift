extension SearchIndex {
    /// One entry's words looked up in the index's table while the entry's text is scanned once: for the first
    /// occurrence of each known word, its number, gap and start; every word not known is left over, for after
    /// the scan.
    ///
    /// The words are exactly `WordBoundary.forEachWord`'s (`EntryScanTests`). Most are read by a fast loop: a
    /// word of up to fifteen ASCII letters or digits that ASCII ends is found, keyed and looked up from one or
    /// two eight-byte loads, and the ASCII between words is passed over eight bytes a step. Anything else (a
    /// longer word, a character beyond ASCII, the last bytes of the text) goes to the scalar-by-scalar rule
    /// until the next ASCII character that is no letter or digit, where no word can go on. Kept apart from the
    /// rest of `add` so that the loop's few values stay in registers.
    struct EntryScan {
        let text: UnsafeRawBufferPointer
        let entry: Int32
        let table: UnsafeMutableBufferPointer<Slot>
        let wordStarts: UnsafeBufferPointer<UInt32>
        let arena: UnsafeRawBufferPointer
        /// Pairs from the front: a known word's number and its gap, with its start from bit 32 on; pairs from
        /// the back (the first word left over last): a word left over as its start and end, so that the known
        /// words are read without passing over the rest. Room for one pair a byte of text and one more: a word
        /// takes at least a byte, and each word at most one pair.
        let items: UnsafeMutablePointer<Int>
        /// How many `Int`s `items` has room for.
        let capacity: Int
        private(set) var itemCount = 0
        private(set) var leftOverCount = 0
        /// `WordBoundary.bmpWord`, fetched once an entry: each fetch checks that it is initialised.
        private let bmpBits: [UInt64]

        init(text: UnsafeRawBufferPointer, entry: Int32, table: UnsafeMutableBufferPointer<Slot>,
             wordStarts: UnsafeBufferPointer<UInt32>, arena: UnsafeRawBufferPointer, items: UnsafeMutableBufferPointer<Int>) {
            self.text = text
            self.entry = entry
            self.table = table
            self.wordStarts = wordStarts
            self.arena = arena
            self.items = items.baseAddress!
            self.capacity = items.count
            self.bmpBits = WordBoundary.bmpWord
        }

        /// The `index`-th word left over (in text order): its start and end.
        func leftOver(_ index: Int) -> Range<Int> {
            let position = capacity &- 2 &- 2 &* index
            return items[position]..<items[position &+ 1]
        }

        @inline(never)
        mutating func run() {
            var offset = 0
            while offset < text.count {
                offset = fastRun(from: offset)
                if offset < text.count { offset = ruleRun(from: offset) }
            }
        }

        /// Scans from `start`, where no word goes on from before, while the words are ASCII that the fast loop
        /// reads whole; returns where it stopped: the end, a letter or digit that begins a word it does not read
        /// whole, or a byte beyond ASCII.
        @inline(__always)
        private mutating func fastRun(from start: Int) -> Int {
            let base = text.baseAddress!
            let count = text.count
            let high: UInt64 = 0x8080_8080_8080_8080
            let mask = table.count &- 1
            var offset = start
            while offset &+ 8 <= count {
                let first = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
                let firstOthers = WordBoundary.notASCIIWordBytes(first)
                // No letter or digit here: pass over the ASCII that is none, eight bytes a step.
                let leading = (~firstOthers & high) | (first & high)
                let skip = leading.trailingZeroBitCount &>> 3
                if skip != 0 {
                    offset &+= skip
                    continue
                }
                if first & 0x80 != 0 {
                    // Punctuation beyond ASCII (dashes, curly quotes) is passed over here too; anything that may
                    // belong to a word goes to the rule.
                    let passed = nonWordScalarLength(at: offset)
                    if passed == 0 { return offset }
                    offset &+= passed
                    continue
                }
                // A letter or digit begins a word here.
                let length: Int, key: UInt64
                if firstOthers != 0 {
                    length = firstOthers.trailingZeroBitCount &>> 3
                    key = first & (UInt64.max &>> UInt64(truncatingIfNeeded: 64 &- length &* 8))
                    if (first &>> UInt64(truncatingIfNeeded: length &* 8)) & 0x80 != 0 {
                        // Ended by a character beyond ASCII: the word is whole if that is no word character.
                        let passed = nonWordScalarLength(at: offset &+ length)
                        if passed == 0 { return offset }
                        note(offset, length, key: key, mask: mask)
                        offset &+= length &+ passed
                        continue
                    }
                } else {
                    guard offset &+ 16 <= count else { return offset }
                    let second = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: offset &+ 8, as: UInt64.self))
                    let secondOthers = WordBoundary.notASCIIWordBytes(second)
                    let rest = secondOthers.trailingZeroBitCount &>> 3
                    guard secondOthers != 0 && (second &>> UInt64(truncatingIfNeeded: rest &* 8)) & 0x80 == 0 else { return offset }
                    length = 8 &+ rest
                    // The last eight bytes straddle the two loads.
                    if rest == 0 {
                        key = first
                    } else {
                        let last = first &>> UInt64(truncatingIfNeeded: rest &* 8) | second &<< UInt64(truncatingIfNeeded: 64 &- rest &* 8)
                        key = Key.hash(first: first, last: last, length: length)
                    }
                }
                note(offset, length, key: key, mask: mask)
                // The byte that ended the word is ASCII and no letter or digit: passed over too.
                offset &+= length &+ 1
            }
            return offset
        }

        /// The length of the character at `offset` (beyond ASCII; `WordBoundary.decode` stops at the text's end)
        /// if it is in the basic plane and belongs to no word, so that no word goes on across it; else 0.
        @inline(__always)
        private func nonWordScalarLength(at offset: Int) -> Int {
            let (scalar, length) = WordBoundary.decode(text, at: offset)
            guard scalar < 0x10000, !WordBoundary.isWordScalar(scalar, bmpBits: bmpBits) else { return 0 }
            return length
        }

        /// Looks up the word of `length` bytes at `start` and key `key`, and notes it.
        @inline(__always)
        private mutating func note(_ start: Int, _ length: Int, key: UInt64, mask: Int) {
            var slot = Key.slot(of: key, mask)
            while true {
                let stored = table[slot].word
                if stored == 0 { break }
                if table[slot].key == key && (length <= 8 || sameLongWord(Int(stored) &- 1, start, length)) {
                    // Written whether or not the entry held the word already, and kept only if not: about half
                    // the words are a first occurrence, a branch the processor could not foresee.
                    let last = table[slot].lastEntry
                    items[itemCount] = Int(stored) &- 1
                    items[itemCount &+ 1] = Int(entry &- last) | start &<< 32
                    itemCount &+= last != entry ? 2 : 0
                    table[slot].lastEntry = entry
                    return
                }
                slot = (slot &+ 1) & mask
            }
            leaveOver(start, start &+ length)
        }

        /// Whether known long word `word` is the `length` bytes of the text at `start`.
        @inline(__always)
        private func sameLongWord(_ word: Int, _ start: Int, _ length: Int) -> Bool {
            let from = Int(wordStarts[word])
            return Int(wordStarts[word &+ 1]) &- from == length
                && Key.sameLongWord(arena.baseAddress! + from, text.baseAddress! + start, length)
        }

        @inline(__always)
        private mutating func leaveOver(_ start: Int, _ end: Int) {
            let position = capacity &- 2 &- 2 &* leftOverCount
            items[position] = start
            items[position &+ 1] = end
            leftOverCount &+= 1
        }

        /// Scans from `start` (where no word goes on from before) scalar by scalar by the rule, to just past the
        /// next ASCII character that is no letter or digit (where any word ends), or to the end; returns where
        /// it stopped.
        @inline(never)
        private mutating func ruleRun(from start: Int) -> Int {
            let count = text.count
            var offset = start, wordStart = -1
            var previous: UInt32 = 0x20
            let bmpBits = self.bmpBits
            while offset < count {
                let byte = text[offset]
                if byte < 0x80 {
                    if !WordBoundary.isASCIIWord(byte) {
                        // Any word ends here, and none goes on past it.
                        if wordStart >= 0 { note(wordStart..<offset) }
                        return offset &+ 1
                    }
                    if previous < 0x80 {
                        // ASCII after ASCII: no ASCII character stands alone, so the word goes on while letters
                        // and digits do.
                        if wordStart < 0 { wordStart = offset }
                        offset &+= 1
                        while offset < count && WordBoundary.isASCIIWord(text[offset]) { offset &+= 1 }
                        previous = UInt32(text[offset &- 1])
                        continue
                    }
                }
                let (scalar, length) = WordBoundary.decode(text, at: offset)
                if WordBoundary.isWordScalar(scalar, bmpBits: bmpBits) {
                    if wordStart < 0 {
                        wordStart = offset
                    } else if WordBoundary.standsAlone(previous) || WordBoundary.standsAlone(scalar) {
                        note(wordStart..<offset)
                        wordStart = offset
                    }
                } else if wordStart >= 0 {
                    note(wordStart..<offset)
                    wordStart = -1
                }
                previous = scalar
                offset &+= length
            }
            if wordStart >= 0 { note(wordStart..<count) }
            return count
        }

        /// Notes a word the rule found.
        private mutating func note(_ range: Range<Int>) {
            note(range.lowerBound, range.count, key: Key(text, range, marked: false).value, mask: table.count &- 1)
        }
    }
}
