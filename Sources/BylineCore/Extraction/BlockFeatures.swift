/// Measurements of one block that the rules decide on; computed once, in one pass over the words and one over
/// the lower-cased opening. Plain values only: the features are copied often, and a `String` among them cost
/// reference counting at every copy.
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
    /// A short line that reads as a date or a time.
    let isDateLike: Bool
    /// `DateParser.read` of a block of 16 words or fewer (nothing found in longer ones).
    let date: DateParser.Reading
    /// An image caption or photo credit.
    let isCaption: Bool
    /// Words of three characters or more (`WordScanner.forEachLongWordHash`'s words).
    let longWordsByCharacter: Int
    /// Where the stop-word hashes of those long words that are not function words lie in
    /// `BlockHashes.contentWords`, in text order.
    let contentWords: Range<Int>
    /// Where the block's sentence hashes lie in `BlockHashes.sentences`.
    let sentences: Range<Int>
    /// "Tags: a, b", "Wordcount: 717", "Edited by: Jane Doe": a label, a colon, a short value.
    let isLabelValue: Bool
    /// A line shaped like a headline: a handful of words, no sentence end, starts with a capital.
    let isHeadlineLike: Bool
    /// What the rules ask of the lower-cased opening (`LoweredOpening`).
    let opening: Opening

    /// The answers about a block's lower-cased opening (`LoweredOpening`) that the rules ask.
    struct Opening: Sendable {
        /// `LoweredOpening.digest`: equal for openings that are equal strings. Taken only of blocks of 200 bytes
        /// or fewer or 30 words or fewer (the only ones compared), 0 for others.
        var digest: UInt64 = 0
        /// Ends with the character ".", "?", ":" or ")".
        var endsWithPeriod = false, endsWithQuestionMark = false, endsWithColon = false, endsWithParenthesis = false
        /// Starts with "by ".
        var startsWithBy = false
        /// One of `MetaLabels`; asked only of blocks of 30 words or fewer, false for longer ones.
        var isMetaLabel = false
        /// Only numbers, spaces and `.,-:` (`LoweredOpening.isNumericCell`).
        var isNumericCell = false
        /// Holds a number (a character that `isNumber`); asked only of date lines, false for other blocks.
        var dateHasNumber = false
        /// Ends with "…" or "...", and, when it does, whether a letter comes just before.
        var endsWithEllipsis = false, letterBeforeEllipsis = false
        /// Its first scalar is a navigation arrow or bullet ("»›→▸►•").
        var startsWithArrow = false
    }

    /// `hashes` collects every block's word and sentence hashes: the word pass hashes each word anyway.
    /// `scratch` holds the lower-cased opening while it is read (`LoweredOpening.scratchCapacity` bytes).
    /// The block and the boilerplate are borrowed: taken owned, each block cost a retain by the caller and a
    /// release here of the text, the lines and the boilerplate's set.
    init(
        _ block: borrowing TextBlock, boilerplate: borrowing Boilerplate, hashes: inout BlockHashes,
        scratch: UnsafeMutableBufferPointer<UInt8>
    ) {
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
        let endsLikeSentence = Self.endsLikeSentence(text)
        self.endsLikeSentence = endsLikeSentence
        let first = text.unicodeScalars.first
        startsLowercase = first.map { ScalarClass.isLower($0) } ?? false
        let startsLikeHeadline = first.map { Self.startsLikeHeadline($0) } ?? false
        self.startsLikeHeadline = startsLikeHeadline
        isBoilerplate = !boilerplate.lineHashes.isEmpty
            && (block.lineCount == 1 ? boilerplate.containsLine(text) : block.lines.allSatisfy { boilerplate.containsLine($0) })
        date = words <= 16 ? DateParser.read(text) : DateParser.Reading()
        let isDateLike = date.looksLikeDate
        self.isDateLike = isDateLike
        let innerSentenceEnds = scan.innerSentenceEnds
        let readOpening = LoweredOpening.withBytes(text, scratch: scratch) { lowered in
            Self.read(lowered, words: words, textBytes: text.utf8.count, endsLikeSentence: endsLikeSentence, isDateLike: isDateLike)
        }
        opening = readOpening.opening
        hasChromePhrase = readOpening.hasChromePhrase
        hasRelativeAge = readOpening.hasRelativeAge
        isCaption = readOpening.isCaption
        isLabelValue = readOpening.isLabelValue
        let ending = readOpening.opening
        isHeadlineLike = words >= 4 && words <= 22 && startsLikeHeadline && innerSentenceEnds == 0 && !isDateLike
            && !ending.endsWithPeriod && !readOpening.endsWithExclamation && !ending.endsWithColon && !readOpening.endsWithComma
    }

    /// What `read` finds in an opening.
    private struct ReadOpening {
        var opening = Opening()
        var hasChromePhrase = false, hasRelativeAge = false, isCaption = false, isLabelValue = false
        var endsWithExclamation = false, endsWithComma = false
    }

    /// Reads the lower-cased opening's UTF-8 for everything the rules ask of it; the `String` is made only where
    /// the bytes cannot decide.
    private static func read(
        _ lowered: UnsafeBufferPointer<UInt8>, words: Int, textBytes: Int, endsLikeSentence: Bool, isDateLike: Bool
    ) -> ReadOpening {
        // Made afresh each time it is needed (rarely): a cached one captured as a variable cost a box per block.
        func loweredString() -> String { String(decoding: lowered, as: UTF8.self) }
        func ends(_ mark: UInt8) -> Bool {
            FastCase.endsWith(lowered, mark) ?? loweredString().hasSuffix(String(Unicode.Scalar(mark)))
        }
        var result = ReadOpening()
        // Long paragraphs are never compared whole, nor asked the tests that need the text's NFC form.
        let compared = words <= 30 || textBytes <= 200
        let isNFC = compared && LoweredOpening.isNFC(lowered)
        if compared { result.opening.digest = LoweredOpening.digest(lowered, isNFC: isNFC) }
        result.opening.endsWithPeriod = ends(0x2E)
        result.opening.endsWithQuestionMark = ends(0x3F)
        result.opening.endsWithColon = ends(0x3A)
        result.opening.endsWithParenthesis = ends(0x29)
        result.endsWithExclamation = ends(0x21)
        result.endsWithComma = ends(0x2C)
        result.opening.startsWithBy = LoweredOpening.hasPrefix(lowered, "by ") ?? loweredString().hasPrefix("by ")
        result.opening.isMetaLabel = words <= 30 && MetaLabels.contains(lowered, isNFC: isNFC)
        result.opening.isNumericCell = LoweredOpening.isNumericCell(lowered) ?? LoweredOpening.isNumericCell(loweredString())
        if isDateLike {
            result.opening.dateHasNumber = LoweredOpening.containsNumber(lowered)
                ?? loweredString().contains(where: \.isNumber)
        }
        if ListDetector.mayEndWithEllipsis(lowered) {
            let text = loweredString()
            result.opening.endsWithEllipsis = text.hasSuffix("…") || text.hasSuffix("...")
            if result.opening.endsWithEllipsis {
                let beforeEllipsis = text.dropLast(text.hasSuffix("…") ? 1 : 3).last
                result.opening.letterBeforeEllipsis = beforeEllipsis?.isLetter ?? false
            }
        }
        if let first = lowered.first {
            let value = first < 0x80 ? UInt32(first) : UTF8Text.decode(lowered, at: 0).value
            result.opening.startsWithArrow = arrows.contains(value)
        }
        // Chrome phrases label short lines; a paragraph that happens to begin with "Related" is not one.
        result.hasChromePhrase = words <= 30 && ChromePhrases.matches(lowered, isNFC: isNFC)
        result.hasRelativeAge = words <= 12 && RelativeAge.matches(lowered, isNFC: isNFC)
        result.isCaption = CaptionDetector.isCaption(lowered, wordCount: words)
            ?? CaptionDetector.isCaption(loweredString(), wordCount: words)
        // Most lines hold no colon at all: the bytes say so faster than a search by `Character`.
        if words <= 12, !endsLikeSentence, lowered.contains(0x3A) {
            result.isLabelValue = LoweredOpening.hasLabelShape(lowered) ?? LoweredOpening.hasLabelShape(loweredString())
        }
        return result
    }

    /// Whether a block whose first scalar is `first` starts like a headline: an upper-case scalar, a number or an
    /// opening quote or bracket (`isUppercase || numericType != nil || "\"'“‘«[".contains`). ASCII answers by
    /// value; the rest asks the scalar table for the case (its upper flag is `isUppercase`: General Punctuation,
    /// which the flag leaves out, holds no capital) and the properties only for the number, never for General
    /// Punctuation (no numbers either), where the curly quotes and dashes that open many blocks lie.
    static func startsLikeHeadline(_ first: Unicode.Scalar) -> Bool {
        let value = first.value
        if value < 0x80 {
            return (value >= 0x41 && value <= 0x5A) || (value >= 0x30 && value <= 0x39) || value == 0x22
                || value == 0x27 || value == 0x5B
        }
        return startsLikeHeadline(beyondASCII: first)
    }

    /// Out of line: the number's property look-up set up its type metadata at every call, ASCII or not.
    @inline(never) private static func startsLikeHeadline(beyondASCII first: Unicode.Scalar) -> Bool {
        let value = first.value
        if ScalarTable.shared.flags(value) & ScalarTable.upper != 0 { return true }
        if value == 0x201C || value == 0x2018 || value == 0xAB { return true }
        if ScalarClass.isPunctuationBlock(value) { return false }
        return first.properties.numericType != nil
    }

    /// The navigation arrows and bullets that lead a line of chrome.
    private static let arrows: [UInt32] = "»›→▸►•".unicodeScalars.map(\.value)

    /// Short, unpunctuated, few function words: a menu item, a tag, a share button.
    var isLinkLike: Bool {
        wordCount <= 4 && !endsLikeSentence && innerSentenceEnds == 0
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

