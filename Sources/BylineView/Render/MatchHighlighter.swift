import BylineCore

/// Finds where search terms occur in a line of text, ignoring case, accents and width like the search does.
public enum MatchHighlighter {
    /// For each grapheme of `text`, whether it is part of a match of one of the folded `terms`.
    public static func mask(for text: String, terms: [String]) -> [Bool] {
        let graphemes = Array(text)
        var mask = Array(repeating: false, count: graphemes.count)
        guard !terms.isEmpty, !graphemes.isEmpty else { return mask }
        // Fold grapheme by grapheme so every folded character maps back to the grapheme it came from.
        var folded: [Character] = []
        var owner: [Int] = []
        for (index, grapheme) in graphemes.enumerated() {
            for character in TextFolding.fold(String(grapheme)) {
                folded.append(character)
                owner.append(index)
            }
        }
        for term in terms {
            let needle = Array(term)
            guard !needle.isEmpty, needle.count <= folded.count else { continue }
            var start = 0
            while start + needle.count <= folded.count {
                if folded[start] == needle[0] && Array(folded[start..<(start + needle.count)]) == needle {
                    for position in start..<(start + needle.count) { mask[owner[position]] = true }
                    start += needle.count
                } else {
                    start += 1
                }
            }
        }
        return mask
    }

    /// Whether any term occurs in the line.
    public static func matches(_ text: String, terms: [String]) -> Bool {
        mask(for: text, terms: terms).contains(true)
    }
}
