/// `BylineFinder.cutName` and the bare-name test on the bytes of a plain ASCII line: there every byte is a
/// character of its own, so splitting, trimming, lower-casing and the capital and digit tests are byte tests.
/// The `String` and `Substring` way cost about fifty thousand instructions a headline, and every headline
/// candidate is asked whether it is a name.
enum ASCIIName {
    /// The byte ranges of the words `cutName` keeps, or nil when the text is not plain ASCII (or holds a line
    /// break, where CR LF would be one character).
    static func parts(_ bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>]? {
        for byte in bytes where byte >= 0x80 || byte == 0x0A || byte == 0x0D { return nil }
        // `trimmingCharacters(in: .whitespaces)`: in ASCII, the space and the tab.
        var start = 0, end = bytes.count
        while start < end && (bytes[start] == 0x20 || bytes[start] == 0x09) { start += 1 }
        while end > start && (bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09) { end -= 1 }
        var kept: [Range<Int>] = []
        var index = start
        while index < end {
            if bytes[index] == 0x20 {
                index += 1
                continue
            }
            var wordEnd = index
            while wordEnd < end && bytes[wordEnd] != 0x20 { wordEnd += 1 }
            let word = index..<wordEnd
            index = wordEnd
            let first = bytes[word.lowerBound]
            if separators.contains(bytes, word) || first == 0x40 || first == 0x28 { break }
            var piece = word
            var ends = false
            let last = bytes[word.upperBound - 1]
            if last == 0x2C || last == 0x7C || last == 0x3B {
                piece = word.lowerBound..<(word.upperBound - 1)
                ends = true
            }
            let isJoiner = joiners.contains(bytes, piece, lowercasing: true)
            let capitalOrDot = !piece.isEmpty && (isCapital(first) || first == 0x2E)
            guard isJoiner || capitalOrDot else { break }
            if !kept.isEmpty, isMonth(piece, bytes) { break }
            if !piece.isEmpty { kept.append(piece) }
            if ends { break }
        }
        while let last = kept.last, joiners.contains(bytes, last, lowercasing: true) { kept.removeLast() }
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
    /// digits, none but the last byte of a word a dot (in words of three or more), some lower-case letter.
    static func isBareName(_ parts: [Range<Int>], _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard parts.count >= 2, parts.count <= 4 else { return false }
        var hasLowercase = false
        for part in parts {
            if part.count > 2, bytes[part.lowerBound..<(part.upperBound - 1)].contains(0x2E) { return false }
            guard isCapital(bytes[part.lowerBound]) else { return false }
            for byte in bytes[part] {
                if byte >= 0x30 && byte <= 0x39 { return false }
                if byte >= 0x61 && byte <= 0x7A { hasLowercase = true }
            }
        }
        return hasLowercase
    }

    @inline(__always) private static func isCapital(_ byte: UInt8) -> Bool { byte >= 0x41 && byte <= 0x5A }

    private static func same(_ left: Range<Int>, _ right: Range<Int>, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        left.count == right.count && bytes[left].elementsEqual(bytes[right])
    }

    /// `BylineFinder.isMonth` for an ASCII word: lower-cased, with the punctuation around it trimmed.
    private static func isMonth(_ word: Range<Int>, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var start = word.lowerBound, end = word.upperBound
        while start < end && BylineFinder.isASCIIPunctuation(bytes[start]) { start += 1 }
        while end > start && BylineFinder.isASCIIPunctuation(bytes[end - 1]) { end -= 1 }
        return months.contains(bytes, start..<end, lowercasing: true)
    }

    private static let separators = ASCIIWords(BylineFinder.separatorWords)
    private static let joiners = ASCIIWords(BylineFinder.joinerWords)
    private static let months = ASCIIWords(DateParser.monthNames)
}
