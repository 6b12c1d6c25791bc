/// Measurements of one block that the rules decide on; computed once, in one pass over the words.
struct BlockFeatures: Sendable {
    let wordCount: Int
    /// Share of words that are common function words (in any of the languages known).
    let stopWordDensity: Double
    /// Share of words (of three letters or more) that start with a capital letter.
    let capitalisedShare: Double
    /// Letters that are upper case, over all cased letters: near 1 for an ALL-CAPS line.
    let upperCaseShare: Double
    /// Ends like a sentence: `.`, `!`, `?`, `…`, or a closing quote after one of them.
    let endsLikeSentence: Bool
    /// Sentence ends inside the block (". " followed by more text).
    let innerSentenceEnds: Int
    /// Starts with a lower-case letter: the rest of a paragraph the scraper cut.
    let startsLowercase: Bool
    /// Starts with an upper-case letter, a digit or an opening quote.
    let startsLikeHeadline: Bool
    /// Every line of the block repeats across other files of the same source.
    let isBoilerplate: Bool
    /// Begins with a chrome phrase ("Read more", "Share on", "Leia mais"…).
    let hasChromePhrase: Bool
    /// Contains a relative age ("13 minutes ago", "2 days"…), which dates another article.
    let hasRelativeAge: Bool
    let lowercased: String
    /// A short line that reads as a date or a time.
    let isDateLike: Bool
    /// An image caption or photo credit.
    private(set) var isCaption = false
    /// Words of three characters or more (`WordScanner.forEachLongWordHash`'s words).
    let longWordsByCharacter: Int
    /// Where the stop-word hashes of those long words that are not function words lie in
    /// `BlockHashes.contentWords`, in text order.
    let contentWords: Range<Int>
    /// Where the block's sentence hashes lie in `BlockHashes.sentences`.
    let sentences: Range<Int>

    /// `hashes` collects every block's word and sentence hashes: the word pass hashes each word anyway.
    init(_ block: TextBlock, boilerplate: Boilerplate, hashes: inout BlockHashes) {
        let text = block.text
        let firstContentWord = hashes.contentWords.count, firstSentence = hashes.sentences.count
        let scan = Self.scan(text, hashes: &hashes)
        contentWords = firstContentWord..<hashes.contentWords.count
        sentences = firstSentence..<hashes.sentences.count
        longWordsByCharacter = scan.longWordsByCharacter
        wordCount = scan.words
        let words = scan.words
        stopWordDensity = words == 0 ? 0 : Double(scan.stops) / Double(words)
        capitalisedShare = scan.longWords == 0 ? 0 : Double(scan.capitalised) / Double(scan.longWords)
        upperCaseShare = scan.cased == 0 ? 0 : Double(scan.upper) / Double(scan.cased)
        innerSentenceEnds = scan.innerSentenceEnds
        endsLikeSentence = Self.endsLikeSentence(text)
        let first = text.unicodeScalars.first
        startsLowercase = first.map { ScalarClass.isLower($0) } ?? false
        startsLikeHeadline = first.map {
            // ASCII answers without the property look-up: a capital, a digit, `"`, `'` or `[`.
            $0.value < 0x80 ? ($0.value >= 0x41 && $0.value <= 0x5A) || ($0.value >= 0x30 && $0.value <= 0x39)
                || $0.value == 0x22 || $0.value == 0x27 || $0.value == 0x5B
                : $0.properties.isUppercase || $0.properties.numericType != nil || "\"'“‘«[".unicodeScalars.contains($0)
        } ?? false
        isBoilerplate = !boilerplate.lineHashes.isEmpty && block.lines.allSatisfy { boilerplate.contains(Substring($0)) }
        // Only the opening matters to the phrase and caption tests; the whole block is lower-cased when short.
        lowercased = text.utf8.count > 200 ? FastCase.lowercasedPrefix(text, characters: 200) : FastCase.lowercased(text)
        // Chrome phrases label short lines; a paragraph that happens to begin with "Related" is not one.
        hasChromePhrase = words <= 30 && ChromePhrases.matches(lowercased)
        hasRelativeAge = words <= 12
            && (RelativeAge.matchesASCII(lowercased) ?? RelativeAge.matches(WordScanner.words(lowercased)))
        isDateLike = words <= 16 && DateParser.looksLikeDate(text)
        isCaption = CaptionDetector.isCaption(self)
    }

    /// Short, unpunctuated, few function words: a menu item, a tag, a share button.
    var isLinkLike: Bool {
        wordCount <= 4 && !endsLikeSentence && innerSentenceEnds == 0
    }

    /// "Tags: a, b", "Wordcount: 717", "Edited by: Jane Doe": a label, a colon, a short value.
    var isLabelValue: Bool {
        // Most lines hold no colon at all: the bytes say so faster than a search by `Character`.
        guard wordCount <= 12, !endsLikeSentence, UTF8Text.withBytes(lowercased, { $0.contains(0x3A) }),
              let colon = lowercased.firstIndex(of: ":") else { return false }
        let label = lowercased[..<colon]
        return !label.isEmpty && label.split(separator: " ").count <= 3 && lowercased.index(after: colon) < lowercased.endIndex
    }

    /// A line shaped like a headline: a handful of words, no sentence end, starts with a capital.
    var isHeadlineLike: Bool {
        wordCount >= 4 && wordCount <= 22 && startsLikeHeadline && innerSentenceEnds == 0 && !isDateLike
            && !FastCase.endsWith(lowercased, 0x2E) && !FastCase.endsWith(lowercased, 0x21)
            && !FastCase.endsWith(lowercased, 0x3A) && !FastCase.endsWith(lowercased, 0x2C)
    }

    static func endsLikeSentence(_ text: String) -> Bool {
        // The last byte decides when it is plain ASCII and not a closing quote or bracket.
        if let last = text.utf8.last, last < 0x80, last != 0x22, last != 0x27, last != 0x29, last != 0x5D {
            return last == 0x2E || last == 0x21 || last == 0x3F
        }
        var scalars = text.unicodeScalars.reversed().makeIterator()
        while let scalar = scalars.next() {
            if "\"'”’»)]".unicodeScalars.contains(scalar) { continue }
            return ".!?…".unicodeScalars.contains(scalar)
        }
        return false
    }
}

