/// The dateline that opens a news story ("ISTANBUL, Turkey —", "WASHINGTON (AP) —"); it stays in the body.
enum Dateline {
    static func find(in fullParagraph: String) -> String? {
        // Each dash is a space and a dash (or "-"); most paragraphs have none, and need no Foundation search.
        guard mayHoldDash(fullParagraph) else { return nil }
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
                let (value, length) = UTF8Text.decode(bytes, at: index)
                if !ScalarClass.standsAlone(value) { break }
                if scalars == 80 { end = index; break }
                scalars += 1
                index += length
            }
            let searched = UnsafeBufferPointer(rebasing: bytes[0..<(index < bytes.count && end == bytes.count ? bytes.count : end)])
            for dash in dashStarts where UTF8Text.withBytes(dash, { CaptionDetector.contains(searched, $0) }) { return true }
            return false
        }
    }

    private static let dashStarts = [" -", " —", " –"]
}
