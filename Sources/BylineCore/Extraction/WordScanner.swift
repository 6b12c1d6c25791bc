/// Splits text into words: runs of letters and digits, with inner apostrophes and hyphens kept.
enum WordScanner {
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 {
            // ASCII fast path: property look-ups dominate the cost on long English text.
            let value = scalar.value
            return (value >= 0x30 && value <= 0x39) || (value >= 0x41 && value <= 0x5A)
                || (value >= 0x61 && value <= 0x7A) || value == 0x5F
        }
        if ScalarClass.isPunctuationBlock(scalar.value) { return false }
        let properties = scalar.properties
        return properties.isAlphabetic || properties.numericType != nil || scalar == "_"
    }

    /// `isWordScalar` for an ASCII byte: a letter, a digit or `_`.
    @inline(__always) static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || byte == 0x5F
    }

    /// The scalar at `index` of UTF-8 `bytes`, its length, and whether it belongs to a word (`isWordScalar`):
    /// ASCII without decoding or a table look-up.
    @inline(__always)
    static func wordScalar(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, _ table: ScalarTable)
        -> (value: UInt32, length: Int, isWord: Bool) {
        let byte = bytes[index]
        if byte < 0x80 { return (UInt32(byte), 1, isWordByte(byte)) }
        let (value, length) = UTF8Text.decode(bytes, at: index)
        return (value, length, table.flags(value) & ScalarTable.word != 0)
    }

    /// Calls `body` with the stop-word hash (`StopWords.hash`) of every word of three characters or more,
    /// reading the UTF-8 once: no substrings.
    @inline(__always)
    static func forEachLongWordHash(_ text: String, _ body: (UInt64) -> Void) {
        let table = ScalarTable.shared
        UTF8Text.withBytes(text) { bytes in
            var index = 0
            var start = -1
            var hash = WordHash()
            var scalars = 0
            // A scalar among the first three that does not stand alone may join the others into fewer characters.
            var mayJoin = false
            func finish(_ end: Int) {
                let long: Bool
                if mayJoin {
                    let utf8 = text.utf8
                    let from = utf8.index(utf8.startIndex, offsetBy: start), to = utf8.index(utf8.startIndex, offsetBy: end)
                    long = text[from..<to].count >= 3
                } else {
                    long = scalars >= 3
                }
                if long { body(hash.value) }
            }
            while index < bytes.count {
                let (value, length, isWord) = wordScalar(bytes, at: index, table)
                if isWord {
                    if start < 0 {
                        start = index
                        hash = WordHash()
                        scalars = 0
                        mayJoin = false
                    }
                    if scalars < 3 && !ScalarClass.standsAlone(value) { mayJoin = true }
                    scalars += 1
                    hash.append(lowered: table.lowercased(value))
                } else if start >= 0 {
                    finish(index)
                    start = -1
                }
                index += length
            }
            if start >= 0 { finish(bytes.count) }
        }
    }

    /// `text.prefix(characters).split(separator: " ").count`, or `limit + 1` once it passes `limit`, read from
    /// the bytes; nil when some scalar read may join its neighbours into one character (then ask `Character`s).
    static func spaceSeparatedCount(_ text: String, characters: Int, atMost limit: Int) -> Int? {
        UTF8Text.withBytes(text) { bytes -> Int? in
            var counter = SpaceSeparatedWords(limit: limit)
            var scalars = 0, index = 0
            while index < bytes.count {
                // Eight ASCII bytes short of the cut, none a CR: eight characters; a word starts at each non-space
                // whose previous byte is a space (or that opens the text).
                if scalars + 8 <= characters && index + 8 <= bytes.count {
                    let word = ByteLanes.load(bytes, at: index)
                    if word & ByteLanes.high == 0 && !ByteLanes.contains(word, 0x0D) {
                        let apart = word ^ (ByteLanes.ones &* 0x20)
                        let nonSpaces = ((apart &+ ByteLanes.ones &* 0x7F) | apart) & ByteLanes.high
                        let starts = nonSpaces & ~(nonSpaces << 8 | (counter.inWord ? 0x80 : 0))
                        if counter.passedLimit(starting: starts.nonzeroBitCount, endingInWord: nonSpaces >> 63 != 0) {
                            break
                        }
                        scalars += 8
                        index += 8
                        continue
                    }
                }
                let byte = bytes[index]
                let value: UInt32
                if byte < 0x80 {
                    value = UInt32(byte)
                    index += 1
                } else {
                    let decoded = UTF8Text.decode(bytes, at: index)
                    value = decoded.value
                    index += decoded.length
                }
                // The scalar just past the prefix must not join the last character kept.
                if !ScalarClass.standsAlone(value) { return nil }
                if scalars == characters { break }
                scalars += 1
                if counter.passedLimit(after: value == 0x20) { break }
            }
            return counter.words
        }
    }

    /// `spaceSeparatedCount` by `Character`, for text whose scalars may join (Cyrillic, CJK, marks): it stops
    /// once the count passes `limit`, where splitting `prefix(characters)` walked and cut the whole opening
    /// (about 160,000 instructions a paragraph).
    static func spaceSeparatedCountByCharacter(_ text: String, characters: Int, atMost limit: Int) -> Int {
        var counter = SpaceSeparatedWords(limit: limit)
        for (seen, character) in text.enumerated() {
            if seen == characters || counter.passedLimit(after: character == " ") { break }
        }
        return counter.words
    }

    /// Counts runs of non-spaces, one character at a time, as `split(separator: " ")` would.
    private struct SpaceSeparatedWords {
        let limit: Int
        private(set) var words = 0
        private(set) var inWord = false

        init(limit: Int) { self.limit = limit }

        /// Takes eight characters at once, in which `starts` words start; true once the count has passed `limit`
        /// (then it is `limit + 1`, as one character at a time would leave it).
        mutating func passedLimit(starting starts: Int, endingInWord: Bool) -> Bool {
            words += starts
            inWord = endingInWord
            if words > limit {
                words = limit + 1
                return true
            }
            return false
        }

        /// Takes the next character; true once the count has passed `limit` (then it stays `limit + 1`).
        mutating func passedLimit(after isSpace: Bool) -> Bool {
            if isSpace {
                inWord = false
            } else if !inWord {
                inWord = true
                words += 1
            }
            return words > limit
        }
    }

    static func words(_ text: String) -> [Substring] {
        // Walks the UTF-8 by offset and makes string indices only at word ends: index arithmetic on the
        // string validates every step, and scalar properties cost more than the table look-up.
        let table = ScalarTable.shared
        let ranges: [Range<Int>] = UTF8Text.withBytes(text) { bytes in
            var ranges: [Range<Int>] = []
            var start = -1
            var index = 0
            while index < bytes.count {
                let (_, length, isWord) = wordScalar(bytes, at: index, table)
                let next = index + length
                if isWord {
                    if start < 0 { start = index }
                } else if start >= 0 {
                    ranges.append(start..<index)
                    start = -1
                }
                index = next
            }
            if start >= 0 { ranges.append(start..<bytes.count) }
            return ranges
        }
        let utf8 = text.utf8
        return ranges.map { range in
            text[utf8.index(utf8.startIndex, offsetBy: range.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: range.upperBound)]
        }
    }

    /// `word.count >= 3` without walking graphemes when the first three scalars lie below the combining
    /// marks (U+0300): such scalars never join, so they are three characters already.
    static func hasThreeCharacters(_ word: Substring) -> Bool {
        var seen = 0
        for scalar in word.unicodeScalars {
            if scalar.value >= 0x300 { return word.count >= 3 }
            seen += 1
            if seen == 3 { return true }
        }
        return false
    }
}
