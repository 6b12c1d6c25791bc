/// The word pass: what BlockFeatures counts in one walk over a block's bytes, and the hashes it leaves for the
/// repeat and title tests.
extension BlockFeatures {
    /// What one pass over a block's UTF-8 counts.
    struct Scan {
        var words = 0, stops = 0, capitalised = 0, longWords = 0
        /// Words of three characters or more, where `longWords` counts scalars.
        var longWordsByCharacter = 0
        /// Upper-case and cased letters among the first 400 scalars.
        var upper = 0, cased = 0
        var innerSentenceEnds = 0
    }

    /// Words (hashing each lower-cased word for the stop-word test, no per-word strings), capitals and sentence
    /// ends, reading the UTF-8 with the Unicode property look-ups left to the scalar table.
    ///
    /// Two simple loops, not one: with words, capitals and sentence ends tracked in one loop, the state did not
    /// fit in registers and each byte cost about ninety instructions. (Sentence ends are counted in the word
    /// loop, but only at the marks, where it stops anyway.)
    static func scan(_ text: String) -> Scan {
        var hashes = BlockHashes()
        return scan(text, hashes: &hashes)
    }

    /// `scan`, appending the stop-word hash of every long word that is not a function word and the hash of every
    /// sentence (`RepeatDetector.sentenceHashes`) to `hashes`.
    static func scan(_ text: String, hashes: inout BlockHashes) -> Scan {
        let table = ScalarTable.shared
        let stopWords = StopWords.table
        return UTF8Text.withBytes(text) { bytes in
            var result = Scan()
            // A word of three characters or more takes three bytes and a separator: at most a quarter of the bytes
            // (and one) are such words; a sentence of six words takes eleven bytes and its end. The hashes go to
            // scratch buffers first: appending to the shared arrays inside the loop paid their uniqueness and
            // capacity checks at every word.
            withUnsafeTemporaryAllocation(of: UInt64.self, capacity: bytes.count / 4 + 1) { words in
                withUnsafeTemporaryAllocation(of: Int.self, capacity: bytes.count / 8 + 1) { sentences in
                    var found = Found(
                        contentWords: words, sentences: sentences, sentenceEndLimit: openingEnd(bytes, scalars: 4001))
                    stopWords.withLookup { stopWords in
                        countWords(bytes, table: table, stopWords: stopWords, into: &result, found: &found)
                    }
                    result.innerSentenceEnds = found.innerSentenceEnds
                    hashes.contentWords.append(contentsOf: UnsafeBufferPointer(rebasing: words[..<found.contentWordCount]))
                    hashes.sentences.append(contentsOf: UnsafeBufferPointer(rebasing: sentences[..<found.sentenceCount]))
                }
            }
            countCapitals(bytes, table: table, into: &result)
            return result
        }
    }

    /// The scalar at `index`: its value, byte length and `ScalarTable` flags.
    @inline(__always)
    fileprivate static func scalar(
        _ bytes: UnsafeBufferPointer<UInt8>, at index: Int, table: ScalarTable
    ) -> (value: UInt32, length: Int, flags: UInt8) {
        let byte = bytes[index]
        if byte < 0x80 { return (UInt32(byte), 1, table.flags(UInt32(byte))) }
        let (value, length) = UTF8Text.decode(bytes, at: index)
        return (value, length, table.flags(value))
    }

    /// The hashes one block's word pass writes.
    struct Found {
        let contentWords: UnsafeMutableBufferPointer<UInt64>
        let sentences: UnsafeMutableBufferPointer<Int>
        var contentWordCount = 0, sentenceCount = 0
        /// `sentenceEnds` of the block: the marks followed by a space and a scalar that starts before
        /// `sentenceEndLimit`.
        var innerSentenceEnds = 0
        /// Where the scalars after the first 4001 start (the end of the block when it has no more).
        let sentenceEndLimit: Int

        init(
            contentWords: UnsafeMutableBufferPointer<UInt64>, sentences: UnsafeMutableBufferPointer<Int>,
            sentenceEndLimit: Int
        ) {
            self.contentWords = contentWords
            self.sentences = sentences
            self.sentenceEndLimit = sentenceEndLimit
        }

        /// At a sentence mark (`.`, `!`, `?` or `…`): `next` is where the scalar after it starts; when a space and
        /// an upper-case scalar or opening quote follow, counts an inner sentence end as `sentenceEnds` does.
        /// Kept out of the word loop: most words end at no mark.
        @inline(never) mutating func countSentenceEnd(bytes: UnsafeBufferPointer<UInt8>, next: Int, table: ScalarTable) {
            if next + 1 < sentenceEndLimit && bytes[next] == 0x20 {
                let (value, _, flags) = BlockFeatures.scalar(bytes, at: next + 1, table: table)
                if flags & ScalarTable.upper != 0 || value == 0x22 || value == 0x201C || value == 0xAB { innerSentenceEnds += 1 }
            }
        }

        @inline(__always) mutating func addSentence(_ hash: Int) {
            assert(sentenceCount < sentences.count, "sentence beyond the buffer sized for the block")
            guard sentenceCount < sentences.count else { return }
            sentences[sentenceCount] = hash
            sentenceCount += 1
        }
    }

    /// Words, stop words, long (three scalars or more) and capitalised long words; the hashes of the content
    /// words of three characters or more and of the sentences (as `RepeatDetector.sentenceHashes` takes them).
    /// For a block of 4001 bytes or fewer (all its scalars lie among the first 4001), also the sentence ends
    /// `sentenceEnds` counts, read at the marks this pass meets anyway.
    ///
    /// Runs of ASCII letters (most of any text) go eight bytes a step: their lanes found and lower-cased by
    /// arithmetic and hashed with one multiply (`WordHash`), where a byte at a time paid a table look-up and two
    /// serial multiplies (word and sentence hash) for every byte. The sentence hash takes one multiply a word.
    /// An ASCII scalar always stands alone, so it never makes a word shorter in characters than in scalars.
    /// (Reading every eight bytes by lanes, words and all, cost more: text holds about one word in eight bytes,
    /// so the work per word stayed and the lanes came on top.)
    private static func countWords(
        _ bytes: UnsafeBufferPointer<UInt8>, table: ScalarTable, stopWords: HashSet64.Lookup, into result: inout Scan,
        found: inout Found
    ) {
        let wordBytes = ASCIIClass.loweredWordBytes
        // Counted in locals and stored once: counters of `result` were read and written through memory at every word.
        var words = 0, stops = 0, capitalised = 0, longWords = 0, longWordsByCharacter = 0
        var sentence = SentenceHash()
        var index = 0
        let count = bytes.count
        guard let base = bytes.baseAddress else { return }
        // Every word's hash is written after the content words kept so far (the quick path for short words writes
        // it too) and kept by counting it or not, with no branch on whether it is a function word. A write lands
        // at the number of content words kept before it, k, and those k words (three letters or more and a
        // separator each) take 4k bytes, the word written at least one more: every write lies below
        // bytes.count / 4 + 1, the buffer's size.
        let contentWords = found.contentWords.baseAddress!
        var contentWordCount = found.contentWordCount
        while index < count {
            // A word of one to seven ASCII letters that an ASCII byte other than a word byte closes (most words of
            // most text) is read from one load: its hash is `WordHash.ofShortRun`, and nothing else about it needs
            // the general loop below. (A word of eight letters or more is long and stands alone.)
            if index &+ 8 <= count {
                let chunk = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                let letters = ByteLanes.asciiLetters(chunk)
                let run = (~letters & ByteLanes.high).trailingZeroBitCount &>> 3
                // A word of eight to fifteen letters: the same from a second load.
                if run == 8 && index &+ 16 <= count {
                    let rest = UnsafeRawPointer(base + (index &+ 8)).loadUnaligned(as: UInt64.self)
                    let restLetters = ByteLanes.asciiLetters(rest)
                    let restRun = (~restLetters & ByteLanes.high).trailingZeroBitCount &>> 3
                    let ending = UInt8(truncatingIfNeeded: rest &>> UInt64(truncatingIfNeeded: restRun &* 8))
                    if restRun <= 7, ending < 0x80, wordBytes[Int(ending)] == 0 {
                        let bits = UInt64(truncatingIfNeeded: restRun &* 8)
                        let lowered = (rest | restLetters &>> 2) & ~(UInt64.max &<< bits)
                        let hash = WordHash.ofLongerRun(chunk | letters &>> 2, lowered, bits: bits)
                        sentence.add(word: hash)
                        index &+= 9 &+ restRun
                        if isSentenceMark(UInt32(ending)) {
                            endSentence(&sentence, next: index, bytes: bytes, table: table, found: &found)
                        }
                        let isStopWord = stopWords.contains(hash)
                        words &+= 1
                        stops &+= isStopWord ? 1 : 0
                        longWords &+= 1
                        capitalised &+= chunk & 0x20 == 0 ? 1 : 0
                        longWordsByCharacter &+= 1
                        assert(contentWordCount < found.contentWords.count, "content word beyond the buffer sized for the block")
                        contentWords[contentWordCount] = hash
                        contentWordCount &+= isStopWord ? 0 : 1
                        continue
                    }
                }
                let ending = UInt8(truncatingIfNeeded: chunk &>> UInt64(truncatingIfNeeded: run &* 8))
                if run >= 1, run <= 7, ending < 0x80, wordBytes[Int(ending)] == 0 {
                    let bits = UInt64(truncatingIfNeeded: run &* 8)
                    let lowered = (chunk | letters &>> 2) & (UInt64.max &>> (64 &- bits))
                    let hash = WordHash.ofShortRun(lowered, bits: bits)
                    sentence.add(word: hash)
                    index &+= run &+ 1
                    if isSentenceMark(UInt32(ending)) {
                        endSentence(&sentence, next: index, bytes: bytes, table: table, found: &found)
                    }
                    let isStopWord = stopWords.contains(hash)
                    let long = run >= 3
                    words &+= 1
                    stops &+= isStopWord ? 1 : 0
                    longWords &+= long ? 1 : 0
                    // A letter without its 0x20 bit is a capital.
                    capitalised &+= long && chunk & 0x20 == 0 ? 1 : 0
                    longWordsByCharacter &+= long ? 1 : 0
                    assert(contentWordCount < found.contentWords.count, "content word beyond the buffer sized for the block")
                    contentWords[contentWordCount] = hash
                    contentWordCount &+= long && !isStopWord ? 1 : 0
                    continue
                }
            }
            let wordStart = index
            let lead = bytes[index]
            let startsUpper: Bool
            if wordBytes[Int(lead)] != 0 {
                startsUpper = lead &- 0x41 < 26
            } else if lead < 0x80 {
                index &+= 1
                if isSentenceMark(UInt32(lead)) { endSentence(&sentence, next: index, bytes: bytes, table: table, found: &found) }
                continue
            } else {
                let (value, length, flags) = scalar(bytes, at: index, table: table)
                guard flags & ScalarTable.word != 0 else {
                    index &+= length
                    if isSentenceMark(value) { endSentence(&sentence, next: index, bytes: bytes, table: table, found: &found) }
                    continue
                }
                startsUpper = flags & ScalarTable.upper != 0
            }
            var word = WordHash()
            var wordLength = 0, wordEnd = index
            // A scalar among the first three that may join its neighbour can make fewer than three characters.
            var mayJoin = false
            // The non-word scalar that ended the word, if the text did not end first.
            var ending: UInt32? = nil
            while true {
                // ASCII letters, eight a step.
                while true {
                    let chunk = index &+ 8 <= count ? ByteLanes.load(bytes, at: index) : ByteLanes.loadTail(bytes, at: index)
                    let letters = ByteLanes.asciiLetters(chunk)
                    let run = (~letters & ByteLanes.high).trailingZeroBitCount &>> 3
                    if run == 0 { break }
                    let lowered = (chunk | letters &>> 2) & (UInt64.max &>> UInt64(truncatingIfNeeded: 64 &- run &* 8))
                    word.append(lowered, count: run)
                    index &+= run
                    wordLength &+= run
                    if run < 8 { break }
                }
                wordEnd = index
                guard index < count else { break }
                let byte = bytes[index]
                // Digits and `_` are word bytes too: rare inside words, taken one at a time.
                let lowered = wordBytes[Int(byte)]
                if lowered != 0 {
                    word.append(UInt64(lowered), count: 1)
                    index &+= 1
                    wordLength &+= 1
                    continue
                }
                if byte < 0x80 {
                    // An ASCII byte that is no word byte ends the word.
                    index &+= 1
                    ending = UInt32(byte)
                    break
                }
                let (value, length, flags) = scalar(bytes, at: index, table: table)
                index &+= length
                if flags & ScalarTable.word == 0 {
                    ending = value
                    break
                }
                // A word scalar that is not ASCII.
                wordLength &+= 1
                if wordLength <= 3 && !ScalarClass.standsAlone(value) { mayJoin = true }
                word.append(lowered: table.lowercased(value, flags: flags))
            }
            let hash = word.value
            sentence.add(word: hash)
            if let ending {
                if isSentenceMark(ending) { endSentence(&sentence, next: index, bytes: bytes, table: table, found: &found) }
            } else if sentence.words >= 6 {
                // The text ends inside this word.
                found.addSentence(sentence.value(endsInWord: true))
                sentence = SentenceHash()
            }
            let isStopWord = stopWords.contains(hash)
            let long = wordLength >= 3
            words &+= 1
            stops &+= isStopWord ? 1 : 0
            longWords &+= long ? 1 : 0
            capitalised &+= long && startsUpper ? 1 : 0
            if long,
               !mayJoin || String(decoding: UnsafeBufferPointer(rebasing: bytes[wordStart..<wordEnd]), as: UTF8.self).count >= 3 {
                longWordsByCharacter &+= 1
                assert(contentWordCount < found.contentWords.count, "content word beyond the buffer sized for the block")
                contentWords[contentWordCount] = hash
                contentWordCount &+= isStopWord ? 0 : 1
            }
        }
        if sentence.words >= 6 { found.addSentence(sentence.value(endsInWord: false)) }
        found.contentWordCount = contentWordCount
        result.words = words
        result.stops = stops
        result.capitalised = capitalised
        result.longWords = longWords
        result.longWordsByCharacter = longWordsByCharacter
    }

    /// At a sentence mark: keeps the sentence's hash when it has six words or more, and starts the next.
    @inline(__always) private static func endSentence(
        _ sentence: inout SentenceHash, next: Int, bytes: UnsafeBufferPointer<UInt8>, table: ScalarTable,
        found: inout Found
    ) {
        if sentence.words >= 6 { found.addSentence(sentence.value(endsInWord: false)) }
        sentence = SentenceHash()
        found.countSentenceEnd(bytes: bytes, next: next, table: table)
    }

    /// `.`, `!`, `?` or `…`: the marks that end a sentence.
    @inline(__always) static func isSentenceMark(_ value: UInt32) -> Bool {
        value == 0x2E || value == 0x21 || value == 0x3F || value == 0x2026
    }

    /// Upper-case and cased letters among the first 400 scalars.
    private static func countCapitals(
        _ bytes: UnsafeBufferPointer<UInt8>, table: ScalarTable, into result: inout Scan
    ) {
        var upper = 0, cased = 0
        var seen = 0, index = 0
        while index < bytes.count && seen < 400 {
            // Eight ASCII bytes are eight scalars: their capitals (A–Z) and small letters (a–z) counted at once.
            if seen + 8 <= 400 && index + 8 <= bytes.count {
                let word = ByteLanes.load(bytes, at: index)
                if word & ByteLanes.high == 0 {
                    // A letter with its 0x20 bit set is a–z; a letter without it (bit 5, shifted to bit 7) is A–Z.
                    let letters = ByteLanes.asciiLetters(word)
                    cased += ByteLanes.count(letters)
                    upper += ByteLanes.count(letters & ~(word << 2))
                    seen += 8
                    index += 8
                    continue
                }
            }
            let (_, length, flags) = scalar(bytes, at: index, table: table)
            index += length
            if flags & ScalarTable.upper != 0 { upper += 1; cased += 1 } else if flags & ScalarTable.lower != 0 { cased += 1 }
            seen += 1
        }
        result.upper = upper
        result.cased = cased
    }

    /// Where the scalar after the first `scalars` starts: the end of `bytes` when they hold no more. Lead bytes
    /// are counted eight at a time (a continuation byte is 10xxxxxx).
    static func openingEnd(_ bytes: UnsafeBufferPointer<UInt8>, scalars: Int) -> Int {
        guard bytes.count > scalars else { return bytes.count }
        var seen = 0, index = 0
        while index + 8 <= bytes.count {
            let word = ByteLanes.load(bytes, at: index)
            let leads = 8 - ByteLanes.count(word & ~(word << 1) & ByteLanes.high)
            if seen + leads > scalars { break }
            seen += leads
            index += 8
        }
        while index < bytes.count {
            if bytes[index] & 0xC0 != 0x80 {
                if seen == scalars { return index }
                seen += 1
            }
            index += 1
        }
        return bytes.count
    }

    /// The sentence ends the word pass counts for every block at the marks it meets, found by a scan of their own:
    /// the reference ExtractionWordRunTests compares the word pass with. ". X" among the first 4001 scalars: a
    /// space after `.`, `!`, `?` or `…`, then a scalar that is upper case or an opening quote (`"`, `“`, `«`). Read at the marks, found eight bytes at a time (an ASCII byte is a
    /// scalar of its own, and `…` is the only scalar ending in 0xA6 after 0xE2 0x80): a scalar by scalar walk of
    /// every block cost about twenty-five instructions a scalar.
    static func sentenceEnds(_ bytes: UnsafeBufferPointer<UInt8>, table: ScalarTable) -> Int {
        // Where the first 4001 scalars end: lead bytes counted only when there may be more scalars than that.
        var end = bytes.count
        if bytes.count > 4001 {
            var scalars = 0
            end = 0
            while end < bytes.count {
                if bytes[end] & 0xC0 != 0x80 {
                    if scalars == 4001 { break }
                    scalars += 1
                }
                end += 1
            }
        }
        var count = 0
        var mark = 0
        // The mark, then a space, then a scalar that starts before `end`.
        while mark + 2 < end {
            // Most runs of eight bytes hold no sentence mark (nor the last byte of `…`).
            if mark + 8 <= bytes.count {
                let word = ByteLanes.load(bytes, at: mark)
                if !ByteLanes.contains(word, 0x2E) && !ByteLanes.contains(word, 0x21) && !ByteLanes.contains(word, 0x3F)
                    && !ByteLanes.contains(word, 0xA6) {
                    mark += 8
                    continue
                }
            }
            let byte = bytes[mark]
            let endsSentence = byte == 0x2E || byte == 0x21 || byte == 0x3F
                || (byte == 0xA6 && mark >= 2 && bytes[mark - 1] == 0x80 && bytes[mark - 2] == 0xE2)
            if endsSentence && bytes[mark + 1] == 0x20 {
                let (value, _, flags) = scalar(bytes, at: mark + 2, table: table)
                if flags & ScalarTable.upper != 0 || value == 0x22 || value == 0x201C || value == 0xAB { count += 1 }
            }
            mark += 1
        }
        return count
    }
}

