/// Finds blocks that repeat text the page already showed: a second copy of the body (pages that embed
/// their text again as metadata), a paragraph printed twice, a lone URL.
enum RepeatDetector {
    static let repeatedLabel = "short label repeated on the page"

    /// Indices of blocks whose sentences mostly appeared in earlier blocks, with the reason.
    /// `sentenceHashes` holds each block's `sentenceHashes(text)` where its features say (`BlockHashes`).
    static func repeats(_ blocks: [TextBlock], _ features: [BlockFeatures], sentenceHashes: [Int]) -> [Int: String] {
        var found: [Int: String] = [:]
        // A short line printed three times or more on one page is a label of the site ("Company Town",
        // "Share"), not text of the article.
        // Keys hash the UTF-8 once; `String` keys would normalise the text at every lookup.
        var shortCounts = [TextKey: Int](minimumCapacity: blocks.count)
        var shortKeys = [Int: TextKey](minimumCapacity: blocks.count)
        // By index, reading a block's text only where it is asked: taking each block whole retained its lines and
        // its text.
        for index in blocks.indices where features[index].wordCount <= 4 && features[index].wordCount > 0 {
            let key = TextKey(blocks[index].text)
            shortKeys[index] = key
            shortCounts[key, default: 0] += 1
        }
        // A longer block can still equal a repeated label when written in another Unicode form.
        if shortCounts.values.contains(where: { $0 >= 3 }) {
            for index in blocks.indices where !features[index].endsLikeSentence {
                let key = shortKeys[index] ?? TextKey(blocks[index].text)
                if (shortCounts[key] ?? 0) >= 3 { found[index] = repeatedLabel }
            }
        }
        // Sized once: growing the sets rehashed every member at each doubling. The sentence hashes are hashes
        // already: a table of their own does not hash them again.
        var seen = HashTable64(capacity: sentenceHashes.count)
        var texts = Set<TextKey>()
        // Long blocks are told apart by `TextKey.sampledDigest` first: equal texts share it, and a text whose
        // sample no earlier block had is new. Only blocks whose samples meet go into `texts` (the first of them
        // when a second comes: its index is kept with the sample until then, -1 after).
        var samples = HashMap64(capacity: blocks.count)
        for index in blocks.indices {
            let wordCount = features[index].wordCount
            if wordCount > 3 && wordCount < 8 { continue }
            if found[index] != nil { continue }
            if wordCount <= 3 {
                if isURL(blocks[index].text) { found[index] = "a bare URL" }
                continue
            }
            let sample = TextKey.sampledDigest(blocks[index].text)
            if let earlier = samples.value(for: sample, orInsert: index) {
                if earlier >= 0 {
                    texts.insert(TextKey(blocks[earlier].text))
                    samples.replaceValue(for: sample, with: -1)
                }
                if !texts.insert(TextKey(blocks[index].text)).inserted {
                    found[index] = "repeats a paragraph shown earlier on the page"
                    continue
                }
            }
            // A long block made mostly of sentences already shown: the body printed a second time.
            let sentences = sentenceHashes[features[index].sentences]
            var known = 0
            for sentence in sentences where seen.contains(UInt64(truncatingIfNeeded: sentence)) { known += 1 }
            if sentences.count >= 3 && known * 2 > sentences.count {
                found[index] = "repeats text shown earlier on the page"
            }
            for sentence in sentences { seen.insert(UInt64(truncatingIfNeeded: sentence)) }
        }
        return found
    }

    static func isURL(_ text: String) -> Bool {
        !text.utf8.contains(0x20) && (CaptionDetector.contains(text, "://") || text.hasPrefix("www."))
    }

    /// Hashes of the sentences (of six words or more) in a text, split at sentence punctuation: each the
    /// `SentenceHash` of its words' `WordHash`es. The plain scalar-by-scalar definition the word pass of
    /// `BlockFeatures` stands in for.
    static func sentenceHashes(_ text: String) -> [Int] {
        let table = ScalarTable.shared
        return UTF8Text.withBytes(text) { bytes in
            var hashes: [Int] = []
            var sentence = SentenceHash()
            var word: WordHash? = nil
            var index = 0
            while index < bytes.count {
                let (value, length, isWord) = WordScanner.wordScalar(bytes, at: index, table)
                index += length
                if isWord {
                    word = word ?? WordHash()
                    word?.append(lowered: table.lowercased(value))
                } else {
                    if let finished = word { sentence.add(word: finished.value) }
                    word = nil
                    if value == 0x2E || value == 0x21 || value == 0x3F || value == 0x2026 {
                        if sentence.words >= 6 { hashes.append(sentence.value(endsInWord: false)) }
                        sentence = SentenceHash()
                    }
                }
            }
            if let finished = word { sentence.add(word: finished.value) }
            if sentence.words >= 6 { hashes.append(sentence.value(endsInWord: word != nil)) }
            return hashes
        }
    }
}
