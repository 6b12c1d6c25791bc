/// Writes sentences, paragraphs, titles and names from `WordLists`, with curly quotes, apostrophes and em dashes.
struct ProseWriter {
    var random: SeededRandom

    /// A headline in title case, five to eleven words.
    mutating func title() -> String {
        var words: [String] = [random.pick(WordLists.places)]
        words.append(random.pick(WordLists.nouns).capitalizedFirst)
        words.append(random.pick(WordLists.verbs).capitalizedFirst)
        for _ in 0..<(2 + random.below(6)) {
            let word = random.chance(0.3) ? random.pick(WordLists.adjectives) : random.pick(WordLists.nouns)
            words.append(word.capitalizedFirst)
        }
        if random.chance(0.15) { words.insert("‘\(random.pick(WordLists.nouns).capitalizedFirst)’", at: 2) }
        return words.joined(separator: " ")
    }

    mutating func personName() -> String { "\(random.pick(WordLists.givenNames)) \(random.pick(WordLists.surnames))" }

    /// One sentence of 8 to 28 words; some carry a quotation, a possessive or an aside between em dashes.
    mutating func sentence() -> String {
        let count = 8 + random.below(21)
        var words: [String] = []
        words.reserveCapacity(count + 4)
        for index in 0..<count {
            let roll = random.below(100)
            var word: String
            switch roll {
            case 0..<34: word = random.pick(WordLists.common)
            case 34..<70: word = random.pick(WordLists.nouns)
            case 70..<82: word = random.pick(WordLists.verbs)
            case 82..<92: word = random.pick(WordLists.adjectives)
            case 92..<96: word = random.pick(WordLists.places)
            default: word = random.pick(WordLists.surnames)
            }
            if roll < 70 && roll >= 34 && random.chance(0.04) { word += "’s" }
            if index > 2 && index < count - 2 && random.chance(0.03) { word += "," }
            words.append(word)
        }
        if count > 12 && random.chance(0.2) {
            let at = 3 + random.below(count - 8)
            words.insert("—", at: at)
            words.insert("—", at: min(words.count - 1, at + 3 + random.below(3)))
        }
        var text = words.joined(separator: " ")
        text = text.capitalizedFirst + (random.chance(0.08) ? "?" : ".")
        if random.chance(0.12) {
            text = "“\(text)” \(random.pick(["said", "added", "told reporters", "wrote"])) \(personName())."
        }
        return text
    }

    /// A paragraph of two to six sentences.
    mutating func paragraph() -> String {
        var sentences: [String] = []
        for _ in 0..<(2 + random.below(5)) { sentences.append(sentence()) }
        return sentences.joined(separator: " ")
    }

    /// A paragraph of pseudo-Russian text.
    mutating func cyrillicParagraph() -> String {
        var sentences: [String] = []
        for _ in 0..<(2 + random.below(4)) {
            let words = (0..<(6 + random.below(12))).map { _ in random.pick(WordLists.cyrillic) }
            sentences.append(words.joined(separator: " ").capitalizedFirst + ".")
        }
        return sentences.joined(separator: " ")
    }

    /// A paragraph of CJK characters with full-width punctuation.
    mutating func cjkParagraph() -> String {
        var text = ""
        for _ in 0..<(2 + random.below(4)) {
            for _ in 0..<(12 + random.below(30)) { text += random.pick(WordLists.cjk) }
            text += random.chance(0.2) ? "，「\(random.pick(WordLists.cjk))\(random.pick(WordLists.cjk))」。" : "。"
        }
        return text
    }

    /// A date in one of the formats news sites print; `style` picks the format so a site stays consistent.
    func formatted(_ date: GeneratedDate, style: Int) -> String {
        switch style % 4 {
        case 0: "\(WordLists.months[date.month - 1]) \(date.day), \(date.year)"
        case 1: "\(date.year)-\(date.month.twoDigits)-\(date.day.twoDigits)"
        case 2: "\(date.day) \(WordLists.months[date.month - 1]) \(date.year)"
        default: "\(date.day.twoDigits).\(date.month.twoDigits).\(date.year)"
        }
    }

    mutating func date() -> GeneratedDate {
        GeneratedDate(year: 2018 + random.below(8), month: 1 + random.below(12), day: 1 + random.below(28),
                      hour: random.below(24), minute: random.below(60))
    }
}

/// A calendar date and time of day for a generated article.
struct GeneratedDate {
    let year: Int, month: Int, day: Int, hour: Int, minute: Int
}

extension String {
    var capitalizedFirst: String {
        guard let first else { return self }
        return first.uppercased() + dropFirst()
    }
}

extension Int {
    var twoDigits: String { self < 10 ? "0\(self)" : "\(self)" }
}
