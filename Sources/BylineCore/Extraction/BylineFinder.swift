import Foundation

/// Recognises byline blocks ("By …", "Written by …", "Von …", "Текст: …", a bare name after the headline,
/// "Our Correspondent" signing off) and cuts the name out of them.
enum BylineFinder {
    /// The byline in a block that starts with a by-phrase, or nil.
    static func explicitByline(_ block: TextBlock, _ features: BlockFeatures) -> String? {
        guard features.wordCount <= 40 else { return nil }
        let line = block.firstLine
        let datedLine = features.wordCount <= 14 && features.isDateLike
        // Every by-phrase starts with one of these letters; a line that starts with another ASCII byte has none.
        if !datedLine, let first = line.utf8.first, first < 0x80, !prefixInitials.contains(first | 0x20) { return nil }
        // Most lines that pass the first letter still start with no by-phrase: the bytes tell without lower-casing
        // the whole line.
        let mayHavePrefix = mayStartWithPrefix(line)
        if !datedLine, !mayHavePrefix { return nil }
        let lower = FastCase.lowercased(line)
        for prefix in prefixes where mayHavePrefix && lower.hasPrefix(prefix) {
            let name = cutName(String(line.dropFirst(prefix.count)))
            return name.isEmpty ? nil : name
        }
        // "Monday November 18, 2019 7:45 am PST by Joe Rossignol": a date line that names its author.
        if datedLine, let offset = charactersThroughBy(lower) {
            let name = cutName(String(line.dropFirst(offset)))
            return name.isEmpty ? nil : name
        }
        return nil
    }

    /// The characters of `lower` up to the end of its first " by ", or nil when it holds none: Foundation's
    /// `range(of:)` (a literal search) and `distance(from:to:)`. By bytes when every scalar stands alone
    /// (`LoweredOpening.standsAlone`): then the bytes of " by " are found where the code units are, and each
    /// scalar is a character. Foundation's search cost about six thousand instructions a date line.
    static func charactersThroughBy(_ lower: String) -> Int? {
        let byBytes = UTF8Text.withBytes(lower) { bytes -> Int?? in
            guard LoweredOpening.standsAlone(bytes) else { return nil }
            var start = 0
            while start + 4 <= bytes.count {
                if bytes[start] == 0x20 && bytes[start + 1] == 0x62 && bytes[start + 2] == 0x79 && bytes[start + 3] == 0x20 {
                    var characters = 0
                    for index in 0..<(start + 4) where bytes[index] & 0xC0 != 0x80 { characters += 1 }
                    return .some(characters)
                }
                start += 1
            }
            return .some(nil)
        }
        if let byBytes { return byBytes }
        guard let range = lower.range(of: " by ") else { return nil }
        return lower.distance(from: lower.startIndex, to: range.upperBound)
    }

    /// False only when the lower-cased line cannot start with one of the `prefixes`. Each prefix starts with a
    /// letter that no other character equals, so the line's lower-cased first scalar must be that letter. For a
    /// line led by an ASCII byte, an ASCII prefix then matches only the line's first bytes ASCII-lower-cased (an
    /// ASCII character equals no other, and no scalar but U+0130 and U+212A lower-cases to ASCII, neither of them
    /// leading to a prefix).
    static func mayStartWithPrefix(_ line: String) -> Bool {
        UTF8Text.withBytes(line) { bytes in
            guard let first = bytes.first else { return false }
            if first >= 0x80 {
                let lowered = UTF8Text.scalar(UTF8Text.decode(bytes, at: 0).value).properties.lowercaseMapping
                return lowered.unicodeScalars.first.map { prefixInitialScalars.contains($0.value) } ?? false
            }
            search: for prefix in asciiPrefixes where prefix.count <= bytes.count {
                for offset in 0..<prefix.count {
                    let byte = bytes[offset]
                    if (byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte) != prefix[offset] { continue search }
                }
                return true
            }
            return false
        }
    }

    /// A bare name (two to four capitalised words, no digits, no sentence): "Zac Hall", "Our Correspondent".
    static func bareName(_ block: TextBlock, _ features: BlockFeatures) -> String? {
        guard features.wordCount <= 8, !features.hasChromePhrase, !features.endsLikeSentence,
              !features.isCaption, !block.firstLine.utf8.contains(0x3A) else { return nil }
        // A name's first word starts with a capital (or is an initial's dot): a line led by any other ASCII
        // byte, a lower-case joiner included, cannot give one.
        if let first = block.firstLine.utf8.first, first < 0x80, !(first >= 0x41 && first <= 0x5A), first != 0x2E {
            return nil
        }
        guard secondWordMayBeCapitalised(block.firstLine) else { return nil }
        let simple = UTF8Text.withBytes(block.firstLine) { bytes -> (isSimple: Bool, name: String?) in
            guard let parts = SimpleName.parts(bytes) else { return (false, nil) }
            return (true, SimpleName.isBareName(parts, bytes) ? SimpleName.joined(parts, bytes) : nil)
        }
        return simple.isSimple ? simple.name : bareNameByCharacter(block.firstLine)
    }

    /// The bare-name test of a line by `Character`s, for text with scalars that are not simple (`SimpleName`).
    static func bareNameByCharacter(_ line: String) -> String? {
        let name = cutNameByCharacter(line)
        let words = ASCIISplit.split(name, separator: 0x20)
        // A web address or a word glued to a domain is not a name; initials ("L.") are.
        guard !words.contains(where: { $0.count > 2 && $0.dropLast().utf8.contains(0x2E) }) else { return nil }
        guard words.count >= 2, words.count <= 4,
              words.allSatisfy({ $0.first?.isUppercase == true && !$0.contains(where: \.isNumber) }),
              name.contains(where: \.isLowercase)
        else { return nil }
        return name
    }

    /// False when the line's second word (the name's second, which must be capitalised) is missing or starts
    /// with a plain ASCII character that is not a capital, read from the bytes while everything up to it is
    /// ASCII: there every byte is a character of its own, as `cutName`'s split sees it. Most lines fail here,
    /// before `cutName` and its strings.
    static func secondWordMayBeCapitalised(_ line: String) -> Bool {
        UTF8Text.withBytes(line) { bytes in
            var index = 0
            while index < bytes.count && bytes[index] != 0x20 {
                if bytes[index] >= 0x80 { return true }
                index += 1
            }
            while index < bytes.count && bytes[index] == 0x20 { index += 1 }
            guard index < bytes.count else { return false }
            let first = bytes[index]
            if first >= 0x80 || (index + 1 < bytes.count && bytes[index + 1] >= 0x80) { return true }
            return first >= 0x41 && first <= 0x5A
        }
    }

    /// Keeps the name part: stops at a date, a separator, a handle or the first word that is not a name.
    static func cutName(_ raw: String) -> String {
        if let name = UTF8Text.withBytes(raw, { bytes in SimpleName.parts(bytes).map { SimpleName.joined($0, bytes) } }) {
            return name
        }
        return cutNameByCharacter(raw)
    }

    /// `cutName` by `Character`s, for text with scalars that are not simple (`SimpleName`). Most such lines are
    /// long text in a script without capitals, whose first word ends the name: the words are taken one at a
    /// time (as `split(separator: " ")` cuts them), the trimming is skipped when neither end is whitespace,
    /// and a word that neither starts like a name nor can be a joiner ends it before anything else is asked.
    static func cutNameByCharacter(_ raw: String) -> String {
        var kept: [Substring] = []
        let trimmed: String
        if let first = raw.unicodeScalars.first, let last = raw.unicodeScalars.last,
           !CharacterSet.whitespaces.contains(first), !CharacterSet.whitespaces.contains(last) {
            trimmed = raw
        } else {
            trimmed = raw.trimmingCharacters(in: .whitespaces)
        }
        var position = trimmed.startIndex
        words: while true {
            while position < trimmed.endIndex && trimmed[position] == " " { position = trimmed.index(after: position) }
            guard position < trimmed.endIndex else { break }
            let start = position
            while position < trimmed.endIndex && trimmed[position] != " " { position = trimmed.index(after: position) }
            let word = trimmed[start..<position]
            var piece = word
            var ends = false
            if let last = piece.last, ",|·;".contains(last) { piece = piece.dropLast(); ends = true }
            let lowered = asciiLowercased(piece)
            let capitalOrDot = piece.first?.isUppercase == true || piece.first == "."
            let isJoiner = !capitalOrDot && piece.utf8.count <= joinerBytes && joiners.contains(lowered ?? piece.lowercased())
            guard isJoiner || capitalOrDot else { break }
            if separators.contains(word) || word.hasPrefix("@") || word.hasPrefix("(") { break }
            if !kept.isEmpty, isMonth(piece, asciiLowercased: lowered) { break }
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

    /// The word lower-cased when it is plain ASCII, else nil.
    static func asciiLowercased(_ word: Substring) -> String? {
        guard word.utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
        return String(decoding: word.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
    }

    /// A month name, lower-cased, with punctuation around it trimmed ("Nov.").
    static func isMonth(_ word: Substring, asciiLowercased lowered: String?) -> Bool {
        guard let lowered else {
            return DateParser.monthNumber(word.lowercased().trimmingCharacters(in: .punctuationCharacters)) != nil
        }
        let bytes = Array(lowered.utf8)
        var start = 0, end = bytes.count
        while start < end && asciiPunctuation[Int(bytes[start])] { start += 1 }
        while end > start && asciiPunctuation[Int(bytes[end - 1])] { end -= 1 }
        return DateParser.monthNumber(String(decoding: bytes[start..<end], as: UTF8.self)) != nil
    }

    /// Which ASCII bytes Foundation's `punctuationCharacters` holds.
    private static let asciiPunctuation: [Bool] = (0..<128).map { value in
        CharacterSet.punctuationCharacters.contains(Unicode.Scalar(UInt8(value)))
    }

    static let prefixes = [
        "by:", "by ", "written by ", "posted by ", "words by ", "reporting by ", "von ", "por ", "par ", "di ",
        "door ", "text: ", "texto: ", "текст: ", "автор: ", "author: ", "reporter: ",
    ]
    private static let asciiPrefixes: [[UInt8]] = prefixes.map { Array($0.utf8) }.filter { $0.allSatisfy { $0 < 0x80 } }
    private static let prefixInitialScalars: Set<UInt32> = Set(prefixes.compactMap { $0.unicodeScalars.first?.value })
    /// The first bytes of the ASCII `prefixes`, lower case (the others start with Cyrillic letters).
    private static let prefixInitials: Set<UInt8> = Set(prefixes.compactMap { $0.utf8.first }.filter { $0 < 0x80 })
    static let separatorWords = ["|", "/", "-", "—", "–", "·", "•", "on", "am", "em", "el", "le"]
    static let joinerWords = ["and", "und", "e", "et", "y", "и", "de", "da", "van", "von", "der", "del"]
    private static let separators = StringSet(separatorWords)
    private static let joiners = StringSet(joinerWords)
    /// A word of more UTF-8 bytes than this has more scalars than any joiner, each its own canonical decomposition
    /// (a test checks), and so have its lower-case form (each scalar maps to one or more) and that form's
    /// decomposition: it is no joiner.
    private static let joinerBytes = 4 * joinerWords.map { $0.unicodeScalars.count }.max()!
}
