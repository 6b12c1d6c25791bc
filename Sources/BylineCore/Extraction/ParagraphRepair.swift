/// Mends scraper damage in body paragraphs: a word or sentence split across two paragraphs, a drop cap
/// split from its word.
enum ParagraphRepair {
    /// Whether `next` continues `previous`: the previous one stops without punctuation and the next
    /// starts in lower case.
    static func continues(_ previous: String, _ next: String) -> Bool {
        guard let last = previous.unicodeScalars.last, let first = next.unicodeScalars.first else { return false }
        // ASCII scalars answer without the property look-ups (their letters are A–Z and a–z).
        let lastFits = last.value < 0x80 ? (last.value | 0x20) &- 0x61 < 26 || last == "," : last.properties.isAlphabetic
        guard lastFits else { return false }
        return first.value < 0x80 ? first.value &- 0x61 < 26 : first.properties.isLowercase
    }

    /// Joins two halves: without a space when both edge fragments are not words on their own
    /// ("prom" + "ised"), with one otherwise ("the" + "talks").
    static func join(_ previous: String, _ next: String) -> String {
        let tail = previous.lastIndex(of: " ").map { String(previous[previous.index(after: $0)...]) } ?? previous
        let head = next.firstIndex(of: " ").map { String(next[..<$0]) } ?? next
        let tailIsWord = StopWords.contains(Substring(tail.lowercased())) || tail.last == ","
        let headIsWord = StopWords.contains(Substring(head.lowercased()))
        if tailIsWord || headIsWord { return previous + " " + next }
        return previous + next
    }

    /// "T he Davis Cup…" → "The Davis Cup…". A lone capital followed by a lower-case fragment is a drop cap,
    /// except the letters that are words on their own ("A man", "I was", "O pai", "В Москве").
    static func mendDropCap(_ text: String) -> String {
        // Most paragraphs have no space after their first scalar: the bytes say so without a scalar array.
        let spaceAfterFirst = UTF8Text.withBytes(text) { bytes -> Bool in
            guard let lead = bytes.first else { return false }
            let length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
            return length < bytes.count && bytes[length] == 0x20
        }
        guard spaceAfterFirst else { return text }
        let scalars = Array(text.unicodeScalars.prefix(3))
        guard scalars.count == 3, scalars[0].properties.isUppercase, scalars[1] == " ",
              scalars[2].properties.isLowercase, !singleLetterWords.contains(Character(scalars[0]))
        else { return text }
        var result = text
        result.remove(at: result.index(after: result.startIndex))
        return result
    }

    private static let singleLetterWords: Set<Character> = [
        "A", "I", "O", "E", "Y", "U", "À", "É", "Á", "В", "И", "К", "С", "У", "Я", "О", "А",
    ]
}
