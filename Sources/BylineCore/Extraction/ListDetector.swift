/// Finds runs of blocks that are lists rather than text: "More from…" headline lists and menus or share bars.
enum ListDetector {
    /// Indices of blocks that belong to a list, with the reason.
    static func lists(_ classes: [InitialClass], _ features: [BlockFeatures]) -> [Int: String] {
        var found = storyCards(classes, features)
        var index = 0
        let count = features.count
        while index < count {
            // A run of headline-shaped blocks (none of them prose).
            var end = index
            while end < count, classes[end] != .prose, features[end].isHeadlineLike { end += 1 }
            let run = end - index
            // Headlines that lead straight into a date or a byline are the article's own head, not a list.
            let leadsIntoMeta = (end..<min(count, end + 2)).contains {
                features[$0].isDateLike || features[$0].opening.startsWithBy
            }
            if run > 0 && leadsIntoMeta {
                index = end
                continue
            }
            if run > 0 {
                let labelled = index > 0 && isListLabel(classes[index - 1], features[index - 1])
                if run >= 3 || (run >= 2 && labelled) || (run == 1 && labelled && features[index - 1].hasChromePhrase) {
                    for member in index..<end { found[member] = "list of headlines" }
                    if labelled { found[index - 1] = "label of a headline list" }
                }
                index = end
                continue
            }
            // A run of link-like blocks: menus, share buttons, tags.
            while end < count, classes[end] != .prose, features[end].isLinkLike { end += 1 }
            let linkRun = end - index
            if linkRun >= 12 && isTable(features[index..<end]) {
                index = end
                continue
            }
            if linkRun > 0 {
                let words = (index..<end).reduce(0) { $0 + features[$1].wordCount }
                if (linkRun >= 3 && words <= linkRun * 2) || linkRun >= 6 {
                    for member in index..<end { found[member] = "run of short link-like lines" }
                }
                index = end
                continue
            }
            index += 1
        }
        // A short line right above a date or by-line is a headline, even at the end of a menu.
        // (Captions and labels of a few words may sit between the headline and its date.)
        for index in found.keys where features[index].wordCount >= 2 && features[index].startsLikeHeadline {
            var next = index + 1
            while next < count, next <= index + 3, !leadsIntoMeta(features[next]), features[next].wordCount <= 4 {
                next += 1
            }
            if next < count, next <= index + 3, leadsIntoMeta(features[next]) { found[index] = nil }
        }
        return found
    }

    static func leadsIntoMeta(_ next: BlockFeatures) -> Bool {
        (next.isDateLike && next.wordCount >= 3) || next.opening.startsWithBy
    }

    /// A block giving another story's age ("13 minutes ago") closes a card of that story: the headline and
    /// teaser just before it go with it. Also a teaser cut short with "…" next to a headline.
    static func storyCards(_ classes: [InitialClass], _ features: [BlockFeatures]) -> [Int: String] {
        var found: [Int: String] = [:]
        for index in features.indices where features[index].hasRelativeAge && classes[index] != .prose {
            found[index] = "relative age of another story"
            var member = index - 1
            while member >= 0, index - member <= 2, features[member].wordCount <= 40 {
                found[member] = "card of another story (headline, teaser, age)"
                if features[member].isHeadlineLike { break }
                member -= 1
            }
        }
        for index in features.indices where features[index].opening.endsWithEllipsis {
            // A headline cut mid-sentence ("…confirmed in wild a...") links to another story.
            if features[index].wordCount <= 25, features[index].opening.letterBeforeEllipsis,
               features[index].innerSentenceEnds == 0 {
                found[index] = "headline of another story, cut short"
                continue
            }
            guard features[index].wordCount <= 40, index > 0, features[index - 1].isHeadlineLike else { continue }
            found[index] = "teaser of another story, cut short"
            found[index - 1] = "card of another story (headline, teaser)"
        }
        // Alternating headline / one-sentence teaser, three times or more: a block of story cards.
        var start = 0
        while start + 1 < features.count {
            var end = start
            while end + 1 < features.count, features[end].isHeadlineLike,
                  features[end + 1].wordCount <= 30, !features[end + 1].isHeadlineLike {
                end += 2
            }
            if end - start >= 6 {
                for member in start..<end { found[member] = "cards of other stories (headline, teaser)" }
                if start > 0, isListLabel(classes[start - 1], features[start - 1]) {
                    found[start - 1] = "label of a list of stories"
                }
                start = end
            } else {
                start += 1
            }
        }
        return found
    }

    /// Whether the last bytes are `…` or `...`, as they must be for the text to end with either character: few
    /// blocks do, and the `Character` test of the others cost more than the rest of finding story cards.
    static func mayEndWithEllipsis(_ text: String) -> Bool {
        UTF8Text.withBytes(text, mayEndWithEllipsis)
    }

    static func mayEndWithEllipsis(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count >= 3 else { return false }
        let last = (bytes[bytes.count - 3], bytes[bytes.count - 2], bytes[bytes.count - 1])
        return last == (0xE2, 0x80, 0xA6) || last == (0x2E, 0x2E, 0x2E)
    }

    /// Many short cells, a third of them numbers: a table of results, prices or dates.
    static func isTable(_ run: ArraySlice<BlockFeatures>) -> Bool {
        let numeric = run.filter { $0.opening.isNumericCell }.count
        return numeric * 3 >= run.count
    }

    /// Indices of table cells: long runs of short blocks, a third or more of them numbers.
    static func tableCells(_ classes: [InitialClass], _ features: [BlockFeatures]) -> [Int] {
        var cells: [Int] = []
        var index = 0
        while index < features.count {
            var end = index
            while end < features.count, classes[end] != .prose, features[end].isLinkLike { end += 1 }
            if end - index >= 12 && isTable(features[index..<end]) { cells.append(contentsOf: index..<end) }
            index = max(end, index + 1)
        }
        return cells
    }

    /// "More from UK", "Related articles", "You may also like…", "Weitere Beiträge zum Thema".
    static func isListLabel(_ initial: InitialClass, _ features: BlockFeatures) -> Bool {
        guard initial != .prose, features.wordCount >= 1, features.wordCount <= 5 else { return false }
        return features.hasChromePhrase || !features.endsLikeSentence
    }
}
