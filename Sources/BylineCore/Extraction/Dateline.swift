/// The dateline that opens a news story ("ISTANBUL, Turkey —", "WASHINGTON (AP) —"); it stays in the body.
enum Dateline {
    static func find(in fullParagraph: String) -> String? {
        // Each dash is a space and a dash (or "-"); most paragraphs have none, and need no Foundation search.
        guard mayHoldDash(fullParagraph) else { return nil }
        if let found = UTF8Text.withBytes(fullParagraph, findByBytes) { return found }
        return findByCharacter(in: fullParagraph)
    }

    /// `find` by `Character`s and Foundation's search.
    static func findByCharacter(in fullParagraph: String) -> String? {
        let paragraph = String(fullParagraph.prefix(80))
        for dash in [" — ", " – ", " -- ", " - "] {
            // Foundation's search finds only what the bytes hold: no other scalars equal a space or these dashes.
            guard CaptionDetector.contains(paragraph, dash), let range = paragraph.range(of: dash) else { continue }
            let prefix = trimmed(paragraph[..<range.lowerBound])
            let words = prefix.split(separator: " ")
            guard !prefix.isEmpty, prefix.count <= 50, words.count <= 6,
                  let first = words.first, first.first?.isUppercase == true,
                  first.filter(\.isLetter).count >= 2, first.allSatisfy({ !$0.isLetter || $0.isUppercase }),
                  !BlockFeatures.endsLikeSentence(prefix)
            else { continue }
            return prefix
        }
        return nil
    }

    /// `find` read from the UTF-8 where its first 81 scalars stand alone (`ScalarClass.standsAlone`), so that the
    /// first 80 characters are the first 80 scalars and every match of the bytes is a match of the characters,
    /// and where the text before the dash is plain ASCII, whose characters' properties the bytes tell. `.some(nil)`
    /// when there is no dateline, nil when the bytes cannot tell: the `Character` way cost about sixty thousand
    /// instructions a paragraph with a dash.
    static func findByBytes(_ bytes: UnsafeBufferPointer<UInt8>) -> String?? {
        var end = 0, scalars = 0
        while end < bytes.count {
            let (value, length) = UTF8Text.decode(bytes, at: end)
            if !ScalarClass.standsAlone(value) { return nil }
            if scalars == 80 { break }
            scalars += 1
            end += length
        }
        let paragraph = UnsafeBufferPointer(rebasing: bytes[0..<end])
        for dash in dashBytes {
            guard let at = firstOccurrence(of: dash, in: paragraph) else { continue }
            for byte in paragraph[0..<at] where byte >= 0x80 { return nil }
            var start = 0, stop = at
            while start < stop && (paragraph[start] == 0x20 || paragraph[start] == 0x09) { start += 1 }
            while stop > start && (paragraph[stop - 1] == 0x20 || paragraph[stop - 1] == 0x09) { stop -= 1 }
            let prefix = UnsafeBufferPointer(rebasing: paragraph[start..<stop])
            var words = 0, inWord = false
            for byte in prefix {
                if byte == 0x20 {
                    inWord = false
                } else if !inWord {
                    inWord = true
                    words += 1
                }
            }
            guard !prefix.isEmpty, prefix.count <= 50, words <= 6, prefix[0] >= 0x41 && prefix[0] <= 0x5A else { continue }
            var letters = 0, lowerLetters = 0
            for byte in prefix {
                if byte == 0x20 { break }
                if byte >= 0x41 && byte <= 0x5A { letters += 1 }
                if byte >= 0x61 && byte <= 0x7A { letters += 1; lowerLetters += 1 }
            }
            let text = String(decoding: prefix, as: UTF8.self)
            guard letters >= 2, lowerLetters == 0, !BlockFeatures.endsLikeSentence(text) else { continue }
            return .some(text)
        }
        return .some(nil)
    }

    private static let dashBytes = [" — ", " – ", " -- ", " - "].map { Array($0.utf8) }

    private static func firstOccurrence(of needle: [UInt8], in haystack: UnsafeBufferPointer<UInt8>) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        var start = 0
        while start <= haystack.count - needle.count {
            var offset = 0
            while offset < needle.count && haystack[start + offset] == needle[offset] { offset += 1 }
            if offset == needle.count { return start }
            start += 1
        }
        return nil
    }

    /// `text.trimmingCharacters(in: .whitespaces)`, by bytes when what is left starts and ends with ASCII: Foundation
    /// trims only spaces and tabs there, and its trimming cost about twenty thousand instructions.
    static func trimmed(_ text: Substring) -> String {
        let kept = UTF8Text.withBytes(text) { bytes -> Range<Int>? in
            var start = 0, end = bytes.count
            while start < end && (bytes[start] == 0x20 || bytes[start] == 0x09) { start += 1 }
            while end > start && (bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09) { end -= 1 }
            guard start == end || (bytes[start] < 0x80 && bytes[end - 1] < 0x80) else { return nil }
            return start..<end
        }
        guard let kept else { return text.trimmingCharacters(in: .whitespaces) }
        let utf8 = text.utf8
        return String(Substring(utf8[utf8.index(utf8.startIndex, offsetBy: kept.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: kept.upperBound)]))
    }

    /// Whether a space followed by "-", "—" or "–" occurs in the first 80 characters (counted by scalars while
    /// every scalar is a character of its own; past that, anywhere in the paragraph).
    static func mayHoldDash(_ paragraph: String) -> Bool {
        UTF8Text.withBytes(paragraph) { bytes in
            var index = 0, scalars = 0
            var end = bytes.count
            while index < bytes.count {
                // Eight ASCII bytes but CR are eight scalars that stand alone.
                if scalars + 8 <= 80 && index + 8 <= bytes.count {
                    let word = ByteLanes.load(bytes, at: index)
                    if word & ByteLanes.high == 0 && !ByteLanes.contains(word, 0x0D) {
                        index += 8
                        scalars += 8
                        continue
                    }
                }
                let (value, length) = UTF8Text.decode(bytes, at: index)
                if !ScalarClass.standsAlone(value) { break }
                if scalars == 80 { end = index; break }
                scalars += 1
                index += length
            }
            let searched = index < bytes.count && end == bytes.count ? bytes.count : end
            return holdsDash(UnsafeBufferPointer(rebasing: bytes[0..<searched]))
        }
    }

    /// Whether the bytes hold one of `dashStarts` (" -", " —", " –"): the pairs of neighbouring bytes of seven
    /// positions tested at once, where a search for each pattern byte by byte branched at every space.
    static func holdsDash(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index + 8 <= bytes.count {
            let word = ByteLanes.load(bytes, at: index)
            // Spaces in the first seven lanes, and the byte after each in the same lane of `next`.
            let spaces = ByteLanes.equal(word, 0x20) & (ByteLanes.high &>> 8)
            let next = word &>> 8
            if spaces & ByteLanes.equal(next, 0x2D) != 0 { return true }
            if spaces & ByteLanes.equal(next, 0xE2) != 0 {
                for start in index..<(index + 7) where isDashStart(bytes, at: start) { return true }
            }
            index += 7
        }
        while index + 1 < bytes.count {
            if isDashStart(bytes, at: index) { return true }
            index += 1
        }
        return false
    }

    /// Whether " -", " —" (20 E2 80 94) or " –" (20 E2 80 93) starts at `index`, whole within the bytes.
    @inline(__always) private static func isDashStart(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        guard index + 1 < bytes.count, bytes[index] == 0x20 else { return false }
        let next = bytes[index + 1]
        if next == 0x2D { return true }
        return next == 0xE2 && index + 3 < bytes.count && bytes[index + 2] == 0x80
            && (bytes[index + 3] == 0x94 || bytes[index + 3] == 0x93)
    }

    /// The byte searches `holdsDash` stands in for: a test compares the two.
    static func holdsDashBySearch(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        dashStarts.contains { dash in UTF8Text.withBytes(dash) { CaptionDetector.contains(bytes, $0) } }
    }

    private static let dashStarts = [" -", " —", " –"]
}
