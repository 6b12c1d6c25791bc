/// The dateline that opens a news story ("ISTANBUL, Turkey —", "WASHINGTON (AP) —"); it stays in the body.
enum Dateline {
    static func find(in fullParagraph: String) -> String? {
        // Each dash is a space and a dash (or "-"); most paragraphs have none, and need no Foundation search.
        guard CaptionDetector.contains(fullParagraph, " -") || CaptionDetector.contains(fullParagraph, " —")
            || CaptionDetector.contains(fullParagraph, " –") else { return nil }
        let paragraph = String(fullParagraph.prefix(80))
        for dash in [" — ", " – ", " -- ", " - "] {
            guard let range = paragraph.range(of: dash) else { continue }
            let prefix = paragraph[..<range.lowerBound].trimmingCharacters(in: .whitespaces)
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
}
