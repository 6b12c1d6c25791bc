/// Recognises byline blocks ("By …", "Written by …", "Von …", "Текст: …", a bare name after the headline,
/// "Our Correspondent" signing off) and cuts the name out of them.
enum BylineFinder {
    /// The byline in a block that starts with a by-phrase, or nil.
    static func explicitByline(_ block: TextBlock, _ features: BlockFeatures) -> String? {
        guard features.wordCount <= 40 else { return nil }
        let line = block.lines[0]
        let lower = FastCase.lowercased(line)
        for prefix in prefixes where lower.hasPrefix(prefix) {
            let name = cutName(String(line.dropFirst(prefix.count)))
            return name.isEmpty ? nil : name
        }
        // "Monday November 18, 2019 7:45 am PST by Joe Rossignol": a date line that names its author.
        if features.wordCount <= 14, features.isDateLike, let range = lower.range(of: " by ") {
            let offset = lower.distance(from: lower.startIndex, to: range.upperBound)
            let name = cutName(String(line.dropFirst(offset)))
            return name.isEmpty ? nil : name
        }
        return nil
    }

    /// A bare name (two to four capitalised words, no digits, no sentence): "Zac Hall", "Our Correspondent".
    static func bareName(_ block: TextBlock, _ features: BlockFeatures) -> String? {
        guard features.wordCount <= 8, !features.hasChromePhrase, !features.endsLikeSentence,
              !features.isCaption, !block.lines[0].utf8.contains(0x3A) else { return nil }
        let name = cutName(block.lines[0])
        let words = name.split(separator: " ")
        // A web address or a word glued to a domain is not a name; initials ("L.") are.
        guard !words.contains(where: { $0.count > 2 && $0.dropLast().utf8.contains(0x2E) }) else { return nil }
        guard words.count >= 2, words.count <= 4,
              words.allSatisfy({ $0.first?.isUppercase == true && !$0.contains(where: \.isNumber) }),
              name.contains(where: \.isLowercase)
        else { return nil }
        return name
    }

    /// Keeps the name part: stops at a date, a separator, a handle or the first word that is not a name.
    static func cutName(_ raw: String) -> String {
        var kept: [Substring] = []
        let trimmed = raw.trimmingCharacters(in: .whitespaces)
        for word in trimmed.split(separator: " ") {
            if separators.contains(String(word)) || word.hasPrefix("@") || word.hasPrefix("(") { break }
            var piece = word
            var ends = false
            if let last = piece.last, ",|·;".contains(last) { piece = piece.dropLast(); ends = true }
            let isJoiner = joiners.contains(piece.lowercased())
            guard isJoiner || piece.first?.isUppercase == true || piece.first == "." else { break }
            if DateParser.monthNumber(piece.lowercased().trimmingCharacters(in: .punctuationCharacters)) != nil
                && !kept.isEmpty { break }
            if !piece.isEmpty { kept.append(piece) }
            if ends { break }
        }
        while let last = kept.last, joiners.contains(last.lowercased()) { kept.removeLast() }
        // "Sean Martin Sean Martin": a name the page printed twice.
        if kept.count >= 2, kept.count % 2 == 0, Array(kept[..<(kept.count / 2)]) == Array(kept[(kept.count / 2)...]) {
            kept.removeLast(kept.count / 2)
        }
        return kept.joined(separator: " ")
    }

    private static let prefixes = [
        "by:", "by ", "written by ", "posted by ", "words by ", "reporting by ", "von ", "por ", "par ", "di ",
        "door ", "text: ", "texto: ", "текст: ", "автор: ", "author: ", "reporter: ",
    ]
    private static let separators: Set<String> = ["|", "/", "-", "—", "–", "·", "•", "on", "am", "em", "el", "le"]
    private static let joiners: Set<String> = ["and", "und", "e", "et", "y", "и", "de", "da", "van", "von", "der", "del"]
}
