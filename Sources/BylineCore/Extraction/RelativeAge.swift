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

    /// `matches(WordScanner.words(text))` read from the bytes of plain ASCII text, where a word is a run of
    /// letters, digits and `_` and a number is a run of digits; nil for other text. Most short lines have neither
    /// kind of word, and the byte way makes no substrings.
    static func matchesASCII(_ text: String) -> Bool? {
        UTF8Text.withBytes(text) { bytes -> Bool? in
            for byte in bytes where byte >= 0x80 { return nil }
            return withUnsafeTemporaryAllocation(of: Range<Int>.self, capacity: bytes.count / 2 + 1) { words in
                var count = 0, index = 0
                while index < bytes.count {
                    guard WordScanner.isWordByte(bytes[index]) else {
                        index += 1
                        continue
                    }
                    let start = index
                    while index < bytes.count && WordScanner.isWordByte(bytes[index]) { index += 1 }
                    words[count] = start..<index
                    count += 1
                }
                for index in 0..<count {
                    if asciiAgoWords.contains(bytes, words[index]) { return true }
                    if index > 0, asciiUnits.contains(bytes, words[index]),
                       bytes[words[index - 1]].allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), count <= 4 || index == count - 1 {
                        return true
                    }
                }
                return false
            }
        }
    }

    private static let agoList = ["ago", "назад", "yesterday", "gestern", "ontem", "вчера", "hier"]
    private static let unitList = [
        "min", "mins", "minute", "minutes", "hour", "hours", "hr", "hrs", "day", "days", "week", "weeks",
        "minuten", "stunden", "tagen", "minutos", "horas", "dias", "минут", "минуты", "часа", "часов", "дня", "дней",
    ]
    private static let agoWords = StringSet(agoList)
    private static let units = StringSet(unitList)
    private static let asciiAgoWords = ASCIIWords(agoList)
    private static let asciiUnits = ASCIIWords(unitList)
}
