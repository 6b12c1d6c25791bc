/// Finds the article body: the stretch of blocks where prose outweighs the chrome between it.
///
/// Each block scores its words when it is prose and a small penalty otherwise; the body is the
/// run of blocks with the greatest total (maximum-sum subarray, linear time). Menus, share bars,
/// headline lists and footers around the body are many short blocks, so they cost more than
/// they are worth, while a caption or a subhead between two paragraphs costs little. A relative age
/// ("2 days ago") dates another story or a comment, so the body never runs across one.
enum BodyLocator {
    static func locate(_ classes: [InitialClass], _ features: [BlockFeatures], lineCounts: [Int]) -> Range<Int>? {
        guard let best = bestRun(classes, features, lineCounts, startingIn: classes.indices) else { return nil }
        // The first full date line (or by-line) of the page usually heads the article. When the best run lies
        // elsewhere (comments, a gallery of teasers) but a run starts just below that line and carries a
        // fair share of the text, the article is that one.
        if let anchor = features.indices.first(where: { isAnchor(features[$0], classes[$0]) }),
           !best.range.contains(anchor + 1), best.range.lowerBound > anchor + 8 || best.range.upperBound <= anchor,
           let anchored = bestRun(classes, features, lineCounts, startingIn: (anchor + 1)..<min(classes.count, anchor + 9)),
           anchored.sum >= 0.25 * best.sum {
            return anchored.range
        }
        return best.range
    }

    static func isAnchor(_ feature: BlockFeatures, _ initial: InitialClass) -> Bool {
        guard initial != .prose, feature.wordCount <= 16, !feature.hasRelativeAge else { return false }
        return (feature.isDateLike && feature.opening.dateHasNumber && feature.wordCount >= 3)
            || feature.opening.startsWithBy
    }

    /// Maximum-sum run of block scores whose first block lies in `starts`.
    static func bestRun(
        _ classes: [InitialClass], _ features: [BlockFeatures], _ lineCounts: [Int], startingIn starts: Range<Int>
    ) -> (sum: Double, range: Range<Int>)? {
        var best: (sum: Double, range: Range<Int>)?
        var runSum = 0.0
        var runStart = 0
        var chromeRun = 0
        for index in starts.lowerBound..<classes.count {
            var score = Self.score(classes[index], features[index], lines: lineCounts[index])
            // Each further chrome block in a row costs one more: a long stretch of chrome means the
            // article has ended, while a short list inside it is crossed.
            if case .chrome = classes[index] {
                chromeRun += 1
                score -= Double(chromeRun - 1)
            } else {
                chromeRun = 0
            }
            if runSum <= 0 {
                if index >= starts.upperBound { break }
                runSum = score
                runStart = index
            } else {
                runSum += score
            }
            if runSum > 0, best == nil || runSum > best!.sum {
                best = (runSum, runStart..<(index + 1))
            }
        }
        return best
    }

    static func score(_ initial: InitialClass, _ features: BlockFeatures, lines: Int) -> Double {
        switch initial {
        case .prose: return Double(features.wordCount)
        case .tableCell: return 0.5
        case .chrome(let reason):
            if features.hasRelativeAge { return -1000 }
            return reason.hasPrefix("list of") || reason.hasPrefix("card") ? -6 : -4
        case .short:
            // Lines broken with <br>: a list of dates, an address, a verse. Content more often than not.
            if lines >= 3 && features.wordCount >= 20 { return 0.5 * Double(features.wordCount) }
            // A date line or a "Label: value" line (tags, word count, "Edited by:") is article furniture,
            // found around the body rather than inside it.
            if features.isDateLike { return -8 }
            if features.isLabelValue { return -3 }
            if features.isHeadlineLike { return -3 }
            return features.isLinkLike ? -2 : -1
        }
    }

    /// jusText-style smoothing at the end of the body: short sentences and multi-line list blocks right
    /// after the last paragraph still belong to it ("This game will help you!", a list of tour dates).
    static func extendForward(
        _ body: Range<Int>, _ classes: [InitialClass], _ features: [BlockFeatures], _ blocks: [TextBlock]
    ) -> Range<Int> {
        var end = body.upperBound
        while end < classes.count, classes[end] == .short {
            let feature = features[end]
            let sentence = feature.endsLikeSentence && feature.wordCount >= 3 && !feature.isDateLike
                && !feature.hasChromePhrase && !feature.isCaption
            let listBlock = blocks[end].lineCount >= 3 && feature.wordCount >= 15
            guard sentence || listBlock else { break }
            end += 1
        }
        return body.lowerBound..<end
    }
}
