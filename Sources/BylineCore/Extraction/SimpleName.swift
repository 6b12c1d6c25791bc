import Foundation

/// `BylineFinder.cutName` and the bare-name test read from the UTF-8 of a line made only of "simple" scalars:
/// ASCII, Latin (U+00A0–U+02FF but U+0130), Cyrillic letters and signs, and the printing General Punctuation
/// (quotes, dashes). Each of them is a character of its own, no two strings of them are canonically equivalent unless byte for byte equal, and each lower-cases to
/// one scalar, so splitting, trimming, lower-casing and comparing work scalar by scalar, with the `Character`
/// properties of each scalar looked up in a table. The `String` and `Substring` way cost about fifty thousand
/// instructions a headline, and every headline candidate is asked whether it is a name.
enum SimpleName {
    /// The byte ranges of the words `cutName` keeps, or nil when the text holds a scalar that is not simple.
    static func parts(_ bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>]? {
        var index = 0
        while index < bytes.count {
            let (value, length) = UTF8Text.decode(bytes, at: index)
            guard isSimple(value) else { return nil }
            index += length
        }
        // `trimmingCharacters(in: .whitespaces)`: here the space, the tab and the no-break space.
        var start = 0, end = bytes.count
        while start < end {
            if bytes[start] == 0x20 || bytes[start] == 0x09 {
                start += 1
            } else if bytes[start] == 0xC2 && bytes[start + 1] == 0xA0 {
                start += 2
            } else {
                break
            }
        }
        while end > start {
            if bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 {
                end -= 1
            } else if end - start >= 2 && bytes[end - 2] == 0xC2 && bytes[end - 1] == 0xA0 {
                end -= 2
            } else {
                break
            }
        }
        var kept: [Range<Int>] = []
        index = start
        while index < end {
            if bytes[index] == 0x20 {
                index += 1
                continue
            }
            var wordEnd = index
            while wordEnd < end && bytes[wordEnd] != 0x20 { wordEnd += 1 }
            let word = index..<wordEnd
            index = wordEnd
            let first = UTF8Text.decode(bytes, at: word.lowerBound).value
            if separators.contains(word, bytes, lowercasing: false) || first == 0x40 || first == 0x28 { break }
            var piece = word
            var ends = false
            let lastLength = lastScalarLength(bytes, before: word.upperBound)
            let last = UTF8Text.decode(bytes, at: word.upperBound - lastLength).value
            if last == 0x2C || last == 0x7C || last == 0xB7 || last == 0x3B {
                piece = word.lowerBound..<(word.upperBound - lastLength)
                ends = true
            }
            let isJoiner = joiners.contains(piece, bytes, lowercasing: true)
            let capitalOrDot = !piece.isEmpty && (has(first, uppercase) || first == 0x2E)
            guard isJoiner || capitalOrDot else { break }
            if !kept.isEmpty, isMonth(piece, bytes) { break }
            if !piece.isEmpty { kept.append(piece) }
            if ends { break }
        }
        while let last = kept.last, joiners.contains(last, bytes, lowercasing: true) { kept.removeLast() }
        // "Sean Martin Sean Martin": a name the page printed twice.
        if kept.count >= 2, kept.count % 2 == 0 {
            let half = kept.count / 2
            if (0..<half).allSatisfy({ same(kept[$0], kept[$0 + half], bytes) }) { kept.removeLast(half) }
        }
        return kept
    }

    /// The kept words joined with single spaces.
    static func joined(_ parts: [Range<Int>], _ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var utf8: [UInt8] = []
        for (number, part) in parts.enumerated() {
            if number > 0 { utf8.append(0x20) }
            utf8.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[part]))
        }
        return String(decoding: utf8, as: UTF8.self)
    }

    /// `BylineFinder.bareName`'s test of the cut name: two to four words, each led by a capital and without
    /// digits, none but the last scalar of a word a dot (in words of three or more), some lower-case letter.
    static func isBareName(_ parts: [Range<Int>], _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard parts.count >= 2, parts.count <= 4 else { return false }
        var hasLowercase = false
        for part in parts {
            var scalars = 0, dots = 0, lastIsDot = false
            var index = part.lowerBound
            while index < part.upperBound {
                let (value, length) = UTF8Text.decode(bytes, at: index)
                if scalars == 0 && !has(value, uppercase) { return false }
                if has(value, number) { return false }
                if has(value, lowercase) { hasLowercase = true }
                lastIsDot = value == 0x2E
                if lastIsDot { dots += 1 }
                scalars += 1
                index += length
            }
            if scalars > 2 && dots - (lastIsDot ? 1 : 0) > 0 { return false }
        }
        return hasLowercase
    }

    /// ASCII but line breaks, U+00A0–U+02FF but U+0130 (which lower-cases to two scalars), and the Cyrillic
    /// letters and signs (not its combining marks).
    @inline(__always) static func isSimple(_ value: UInt32) -> Bool {
        if value < 0x80 { return value != 0x0A && value != 0x0D }
        return (value >= 0xA0 && value <= 0x2FF && value != 0x130) || (value >= 0x400 && value <= 0x482)
            || (value >= 0x48A && value <= 0x52F) || (value >= 0x2010 && value <= 0x2027)
            || (value >= 0x2030 && value <= 0x205E)
    }

    /// The byte length of the scalar that ends at `end`.
    @inline(__always) private static func lastScalarLength(_ bytes: UnsafeBufferPointer<UInt8>, before end: Int) -> Int {
        var length = 1
        while bytes[end - length] & 0xC0 == 0x80 { length += 1 }
        return length
    }

    private static let uppercase: UInt8 = 1, lowercase: UInt8 = 2, number: UInt8 = 4, punctuation: UInt8 = 8

    /// The `Character` properties of each scalar below U+0530 and in General Punctuation, taken from
    /// `Character` itself, and whether Foundation's `punctuationCharacters` holds it.
    private static let properties: [UInt8] = computeProperties(0..<0x530)
    private static let punctuationProperties: [UInt8] = computeProperties(0x2000..<0x2060)

    /// The table entries of `values`, each `characterProperties` of its scalar, read from the scalar's own
    /// properties where they decide (`Character`'s case tests make strings for every cased letter; the table
    /// is built once per process, and this way costs a fraction of it).
    static func computeProperties(_ values: Range<UInt32>) -> [UInt8] {
        // One set for the whole table: naming `punctuationCharacters` makes it afresh.
        let punctuationSet = CharacterSet.punctuationCharacters
        return values.map { value in
            guard let scalar = Unicode.Scalar(value) else { return 0 }
            let scalarProperties = scalar.properties
            // A scalar that no case mapping changes and that is not cased is neither upper nor lower case.
            let mayBeCased = scalarProperties.isCased || scalarProperties.changesWhenCaseMapped
            let isUppercase = scalarProperties.isUppercase
                || (mayBeCased && !scalarProperties.changesWhenUppercased && Character(scalar).isUppercase)
            let isLowercase = scalarProperties.isLowercase
                || (mayBeCased && !scalarProperties.changesWhenLowercased && Character(scalar).isLowercase)
            return (isUppercase ? uppercase : 0) | (isLowercase ? lowercase : 0)
                | (scalarProperties.numericType != nil ? number : 0)
                | (punctuationSet.contains(scalar) ? punctuation : 0)
        }
    }

    /// A table entry as `Character` and Foundation give it, for the scalar `value`.
    static func characterProperties(_ value: UInt32) -> UInt8 {
        guard let scalar = Unicode.Scalar(value) else { return 0 }
        let character = Character(scalar)
        return (character.isUppercase ? uppercase : 0) | (character.isLowercase ? lowercase : 0)
            | (character.isNumber ? number : 0)
            | (CharacterSet.punctuationCharacters.contains(scalar) ? punctuation : 0)
    }

    @inline(__always) private static func has(_ value: UInt32, _ property: UInt8) -> Bool {
        if value < 0x530 { return properties[Int(value)] & property != 0 }
        if value >= 0x2000 && value < 0x2060 { return punctuationProperties[Int(value - 0x2000)] & property != 0 }
        guard let scalar = Unicode.Scalar(value) else { return false }
        switch property {
        case uppercase: return Character(scalar).isUppercase
        case lowercase: return Character(scalar).isLowercase
        case number: return Character(scalar).isNumber
        default: return CharacterSet.punctuationCharacters.contains(scalar)
        }
    }

    /// The lower-case scalar of a simple scalar.
    @inline(__always) fileprivate static func lowercased(_ value: UInt32) -> UInt32 {
        if value < 0x80 { return value >= 0x41 && value <= 0x5A ? value | 0x20 : value }
        return FastCase.lowercasedScalar(value) ?? value
    }

    /// A word list looked up by a hash of the word's scalars first: most words are none of the members.
    private struct WordList {
        private let words: [[UInt32]]
        private let hashes: HashSet64

        init(_ list: [String]) {
            words = list.map { $0.unicodeScalars.map(\.value) }
            hashes = HashSet64(words.map { $0.reduce(StopWords.seed, StopWords.mix) })
        }

        /// Whether the scalars of `bytes[word]`, lower-cased when asked, are a member's.
        func contains(_ word: Range<Int>, _ bytes: UnsafeBufferPointer<UInt8>, lowercasing: Bool) -> Bool {
            var hash = StopWords.seed
            var index = word.lowerBound
            while index < word.upperBound {
                let (value, length) = UTF8Text.decode(bytes, at: index)
                hash = StopWords.mix(hash, lowercasing ? SimpleName.lowercased(value) : value)
                index += length
            }
            guard hashes.contains(hash) else { return false }
            return words.contains { SimpleName.equals($0, word, bytes, lowercasing: lowercasing) }
        }
    }

    /// Whether the word's scalars, lower-cased when asked, are the candidate's.
    fileprivate static func equals(
        _ candidate: [UInt32], _ word: Range<Int>, _ bytes: UnsafeBufferPointer<UInt8>, lowercasing: Bool
    ) -> Bool {
        var index = word.lowerBound
        for expected in candidate {
            guard index < word.upperBound else { return false }
            let (value, length) = UTF8Text.decode(bytes, at: index)
            if (lowercasing ? lowercased(value) : value) != expected { return false }
            index += length
        }
        return index == word.upperBound
    }

    private static func same(_ left: Range<Int>, _ right: Range<Int>, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        left.count == right.count && bytes[left].elementsEqual(bytes[right])
    }

    /// `BylineFinder.isMonth`: the word lower-cased, with the punctuation around it trimmed, is a month name.
    private static func isMonth(_ word: Range<Int>, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var start = word.lowerBound, end = word.upperBound
        while start < end {
            let (value, length) = UTF8Text.decode(bytes, at: start)
            guard has(lowercased(value), punctuation) else { break }
            start += length
        }
        while end > start {
            let length = lastScalarLength(bytes, before: end)
            guard has(lowercased(UTF8Text.decode(bytes, at: end - length).value), punctuation) else { break }
            end -= length
        }
        return months.contains(start..<end, bytes, lowercasing: true)
    }

    private static let separators = WordList(BylineFinder.separatorWords)
    private static let joiners = WordList(BylineFinder.joinerWords)
    private static let months = WordList(DateParser.monthNames)
}
