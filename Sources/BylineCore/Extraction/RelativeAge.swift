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

    /// `matches(WordScanner.words(text))` of the lower-cased text whose UTF-8 is `lowered`, by bytes when `isNFC`
    /// (`LoweredOpening.isNFC(lowered)`).
    static func matches(_ lowered: UnsafeBufferPointer<UInt8>, isNFC: Bool) -> Bool {
        if isNFC { return matchesNFCWords(lowered) }
        return matches(WordScanner.words(String(decoding: lowered, as: UTF8.self)))
    }

    /// `matches(WordScanner.words(text))` for text whose scalars are all their own NFC form whatever surrounds
    /// them (`LoweredOpening.isNFC`): words are split as `WordScanner.words` splits them, and each is one of the
    /// listed words (all such text too) only byte for byte. Cyrillic and accented lines took substrings and a
    /// normalising set look-up for every word. One pass over the words, each asked when it ends: a listed "ago"
    /// word decides at once; a unit after a number counts when the line has four words or fewer, or when it is
    /// the last word.
    private static func matchesNFCWords(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        // In ASCII without a digit no word is a number, so only an "ago" word can match, and most lines hold
        // none of them even inside a word.
        if isASCIIWithoutDigit(bytes) && !asciiAgoPatterns.occurs(in: bytes) { return false }
        let table = ScalarTable.shared
        var count = 0, start = -1, index = 0
        var previous = 0..<0
        var unitAfterNumber = false, lastIsUnitAfterNumber = false
        while true {
            let isWord: Bool, length: Int
            if index < bytes.count {
                (_, length, isWord) = WordScanner.wordScalar(bytes, at: index, table)
            } else {
                (length, isWord) = (1, false)
            }
            if isWord {
                if start < 0 { start = index }
            } else if start >= 0 {
                let word = start..<index
                let wordBytes = UnsafeBufferPointer(rebasing: bytes[word])
                if agoPatterns.isWhole(wordBytes) { return true }
                lastIsUnitAfterNumber = count > 0 && unitPatterns.isWhole(wordBytes)
                    && isNumber(UnsafeBufferPointer(rebasing: bytes[previous]))
                if lastIsUnitAfterNumber { unitAfterNumber = true }
                previous = word
                count += 1
                start = -1
            }
            if index >= bytes.count { break }
            index += length
        }
        return unitAfterNumber && (count <= 4 || lastIsUnitAfterNumber)
    }

    /// Whether every byte is ASCII and none a digit, eight bytes a step.
    static func isASCIIWithoutDigit(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index + 8 <= bytes.count {
            let word = ByteLanes.load(bytes, at: index)
            if word & ByteLanes.high != 0 || ByteLanes.between(word, 0x2F, 0x3A) != 0 { return false }
            index += 8
        }
        while index < bytes.count {
            if bytes[index] >= 0x80 || bytes[index] &- 0x30 < 10 { return false }
            index += 1
        }
        return true
    }

    /// `allSatisfy(\.isNumber)` of a word: ASCII digits by bytes, anything else by `Character`.
    private static func isNumber(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        if word.allSatisfy({ $0 < 0x80 }) { return word.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }
        return String(decoding: word, as: UTF8.self).allSatisfy(\.isNumber)
    }

    private static let agoList = ["ago", "назад", "yesterday", "gestern", "ontem", "вчера", "hier"]
    private static let unitList = [
        "min", "mins", "minute", "minutes", "hour", "hours", "hr", "hrs", "day", "days", "week", "weeks",
        "minuten", "stunden", "tagen", "minutos", "horas", "dias", "минут", "минуты", "часа", "часов", "дня", "дней",
    ]
    private static let agoWords = StringSet(agoList)
    private static let units = StringSet(unitList)
    private static let agoPatterns = BytePatterns(agoList)
    private static let asciiAgoPatterns = BytePatterns(agoList.filter { $0.utf8.allSatisfy { $0 < 0x80 } })
    private static let unitPatterns = BytePatterns(unitList)
}
