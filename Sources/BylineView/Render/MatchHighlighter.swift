import BylineCore

/// Finds where search terms match in a line of text by the search's own rule (`WordStartSearch` through
/// `SearchTerms.matchRanges`): ignoring case, accents and width, from the start of a word, so the spans lit
/// are the ones that made the article match.
public enum MatchHighlighter {
    /// For each grapheme of `text`, whether it is part of a match of one of the folded `terms`.
    public static func mask(for text: String, terms: [String]) -> [Bool] {
        let graphemes = Array(text)
        var mask = Array(repeating: false, count: graphemes.count)
        guard !terms.isEmpty, !graphemes.isEmpty else { return mask }
        // Fold grapheme by grapheme so every folded byte maps back to the grapheme it came from.
        var folded: [UInt8] = []
        var owner: [Int] = []
        for (index, grapheme) in graphemes.enumerated() {
            let before = folded.count
            TextFolding.appendFolded(String(grapheme), to: &folded)
            owner.append(contentsOf: repeatElement(index, count: folded.count - before))
        }
        for range in SearchTerms.matchRanges(of: terms, inFolded: folded) {
            for position in range { mask[owner[position]] = true }
        }
        return mask
    }

    /// Whether any term matches in the line.
    public static func matches(_ text: String, terms: [String]) -> Bool {
        mask(for: text, terms: terms).contains(true)
    }
}
