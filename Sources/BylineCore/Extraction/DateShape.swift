/// A byte test that clears most lines of being a date before `DateParser` tokenises them into strings: every
/// date or time it reads needs a number holding a separator between digits ("2019-11-13", "11:42") or a month
/// name among the words. Answers "maybe" whenever it cannot be sure (a scalar beyond ASCII that may be a
/// letter, text longer than the parser's opening); ExtractionDateShapeTests checks it never clears a date.
enum DateShape {
    /// False only when `DateParser.looksLikeDate` and `DateParser.parse` are certain to find nothing in `text`.
    static func mayHoldDate(_ text: String) -> Bool {
        UTF8Text.withBytes(text) { bytes in
            // The parser reads only its opening of longer text, where a cut word could make a month name.
            guard bytes.count <= 240 else { return true }
            return hasSeparatedDigits(bytes) || hasMonthWord(bytes)
        }
    }

    /// Digits, then `.`, `-`, `/` or `:`, then digits, in one run of the bytes a number token can gather: the
    /// digits, the separators, and the letters of ordinal suffixes ("1st-5" makes the number "1-5").
    static func hasSeparatedDigits(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var sawDigit = false, sawSeparatorAfterDigit = false
        for byte in bytes {
            if byte >= 0x30 && byte <= 0x39 {
                if sawSeparatorAfterDigit { return true }
                sawDigit = true
            } else if byte == 0x2E || byte == 0x2D || byte == 0x2F || byte == 0x3A {
                if sawDigit { sawSeparatorAfterDigit = true }
            } else if !isSuffixLetter(byte) {
                sawDigit = false
                sawSeparatorAfterDigit = false
            }
        }
        return false
    }

    /// A month name among the words: each run of ASCII letters, and what is left of it when letters of ordinal
    /// suffixes at its start went to a number before it. A scalar beyond ASCII outside General Punctuation
    /// (which holds no letters) could be a letter of a month name: the answer is then "maybe".
    static func hasMonthWord(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte >= 0x80 {
                // U+2000–U+206F is E2 80 xx or E2 81 xx (up to E2 81 AF).
                guard byte == 0xE2, index + 2 < bytes.count,
                      bytes[index + 1] == 0x80 || (bytes[index + 1] == 0x81 && bytes[index + 2] <= 0xAF)
                else { return true }
                index += 3
                continue
            }
            guard isLetter(byte) else {
                index += 1
                continue
            }
            let start = index
            while index < bytes.count && isLetter(bytes[index]) { index += 1 }
            var first = start
            while true {
                if index - first <= longestMonth && months.contains(hash(bytes, first..<index)) { return true }
                guard first < index && isSuffixLetter(bytes[first]) else { break }
                first += 1
            }
        }
        return false
    }

    @inline(__always) private static func isLetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A
    }

    /// s, t, n, d, r, h in either case: `DateParser.tokenize` keeps them with a number of two digits or fewer.
    @inline(__always) static func isSuffixLetter(_ byte: UInt8) -> Bool {
        let lowered = byte | 0x20
        return lowered == 0x73 || lowered == 0x74 || lowered == 0x6E || lowered == 0x64 || lowered == 0x72 || lowered == 0x68
    }

    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> UInt64 {
        var hash = StopWords.seed
        for index in range { hash = StopWords.mix(hash, UInt32(bytes[index] | 0x20)) }
        return hash
    }

    /// Hashes of the ASCII month names (a collision only answers "maybe").
    private static let asciiMonthNames = DateParser.monthNames.filter { $0.utf8.allSatisfy { $0 < 0x80 } }
    private static let longestMonth = asciiMonthNames.map(\.utf8.count).max() ?? 0
    private static let months = HashSet64(asciiMonthNames.map { name in
        name.utf8.reduce(StopWords.seed) { StopWords.mix($0, UInt32($1)) }
    })
}
