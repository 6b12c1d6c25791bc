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

    init(_ block: TextBlock, boilerplate: Boilerplate) {
        let text = block.text
        let scan = Self.scan(text)
        wordCount = scan.words
        let words = scan.words
        stopWordDensity = words == 0 ? 0 : Double(scan.stops) / Double(words)
        capitalisedShare = scan.longWords == 0 ? 0 : Double(scan.capitalised) / Double(scan.longWords)
        upperCaseShare = scan.cased == 0 ? 0 : Double(scan.upper) / Double(scan.cased)
        innerSentenceEnds = scan.innerSentenceEnds
        let count = words
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
        let lowerWords: [Substring] = count <= 12 ? WordScanner.words(lowercased) : []
        // Chrome phrases label short lines; a paragraph that happens to begin with "Related" is not one.
        hasChromePhrase = words <= 30 && ChromePhrases.matches(lowercased)
        hasRelativeAge = words <= 12 && RelativeAge.matches(lowerWords)
        isDateLike = words <= 16 && DateParser.looksLikeDate(text)
        isCaption = CaptionDetector.isCaption(self)
    }

    /// What one pass over a block's UTF-8 counts.
    struct Scan {
        var words = 0, stops = 0, capitalised = 0, longWords = 0
        /// Upper-case and cased letters among the first 400 scalars.
        var upper = 0, cased = 0
        var innerSentenceEnds = 0
    }

    /// Words (hashing each lower-cased word for the stop-word test, no per-word strings), capitals and sentence
    /// ends, in one pass over the UTF-8 with the Unicode property look-ups left to non-ASCII scalars.
    static func scan(_ text: String) -> Scan {
        let table = ScalarTable.shared
        let stopWords = StopWords.table
        return UTF8Text.withBytes(text) { bytes in
            var result = Scan()
            var inWord = false, wordLength = 0, wordHash = StopWords.seed, wordStartsUpper = false
            // Sentence ends inside the block: ". X" where X is upper case or an opening quote (first 4001 scalars).
            var previous: UInt32 = 0x20, beforePrevious: UInt32 = 0x20
            var seen = 0
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                let value: UInt32
                let isWord: Bool, isUpper: Bool, isLower: Bool
                if byte < 0x80 {
                    value = UInt32(byte)
                    isUpper = byte >= 0x41 && byte <= 0x5A
                    isLower = byte >= 0x61 && byte <= 0x7A
                    isWord = isUpper || isLower || (byte >= 0x30 && byte <= 0x39) || byte == 0x5F
                    index += 1
                } else {
                    let decoded = UTF8Text.decode(bytes, at: index)
                    value = decoded.value
                    index += decoded.length
                    let flags = table.flags(value)
                    isWord = flags & ScalarTable.word != 0
                    isUpper = flags & ScalarTable.upper != 0
                    isLower = !isUpper && flags & ScalarTable.lower != 0
                }
                if isWord {
                    if !inWord {
                        inWord = true
                        wordLength = 0
                        wordHash = StopWords.seed
                        wordStartsUpper = isUpper
                    }
                    wordLength += 1
                    wordHash = StopWords.mix(
                        wordHash, value < 0x80 ? (isUpper ? value + 0x20 : value) : table.lowercased(value))
                } else if inWord {
                    inWord = false
                    result.endWord(stopWord: stopWords.contains(wordHash), long: wordLength >= 3, capitalised: wordStartsUpper)
                }
                if seen < 400 {
                    if isUpper { result.upper += 1; result.cased += 1 } else if isLower { result.cased += 1 }
                }
                if seen <= 4000 {
                    if previous == 0x20 && (beforePrevious == 0x2E || beforePrevious == 0x21 || beforePrevious == 0x3F
                        || beforePrevious == 0x2026) && (isUpper || value == 0x22 || value == 0x201C || value == 0xAB) {
                        result.innerSentenceEnds += 1
                    }
                    beforePrevious = previous
                    previous = value
                }
                seen += 1
            }
            if inWord {
                result.endWord(stopWord: stopWords.contains(wordHash), long: wordLength >= 3, capitalised: wordStartsUpper)
            }
            return result
        }
    }

    /// Short, unpunctuated, few function words: a menu item, a tag, a share button.
    var isLinkLike: Bool {
        wordCount <= 4 && !endsLikeSentence && innerSentenceEnds == 0
    }

    /// "Tags: a, b", "Wordcount: 717", "Edited by: Jane Doe": a label, a colon, a short value.
    var isLabelValue: Bool {
        guard wordCount <= 12, !endsLikeSentence, let colon = lowercased.firstIndex(of: ":") else { return false }
        let label = lowercased[..<colon]
        return !label.isEmpty && label.split(separator: " ").count <= 3 && lowercased.index(after: colon) < lowercased.endIndex
    }

    /// A line shaped like a headline: a handful of words, no sentence end, starts with a capital.
    var isHeadlineLike: Bool {
        wordCount >= 4 && wordCount <= 22 && startsLikeHeadline && innerSentenceEnds == 0 && !isDateLike
            && !lowercased.hasSuffix(".") && !lowercased.hasSuffix("!") && !lowercased.hasSuffix(":") && !lowercased.hasSuffix(",")
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

extension BlockFeatures.Scan {
    @inline(__always) mutating func endWord(stopWord: Bool, long: Bool, capitalised startsUpper: Bool) {
        words += 1
        if stopWord { stops += 1 }
        if long {
            longWords += 1
            if startsUpper { capitalised += 1 }
        }
    }
}

/// "13 minutes ago", "2 days", "vor 3 Stunden", "há 2 horas", "5 минут назад": the age of some other story.
enum RelativeAge {
    static func matches(_ lowerWords: [Substring]) -> Bool {
        for (index, word) in lowerWords.enumerated() {
            if agoWords.contains(word) { return true }
            if index > 0, units.contains(word), lowerWords[index - 1].allSatisfy(\.isNumber),
               lowerWords.count <= 4 || index == lowerWords.count - 1 {
                return true
            }
        }
        return false
    }

    private static let agoWords = StringSet(["ago", "назад", "yesterday", "gestern", "ontem", "вчера", "hier"])
    private static let units = StringSet([
        "min", "mins", "minute", "minutes", "hour", "hours", "hr", "hrs", "day", "days", "week", "weeks",
        "minuten", "stunden", "tagen", "minutos", "horas", "dias", "минут", "минуты", "часа", "часов", "дня", "дней",
    ])
}
