/// Finds the article body: the stretch of blocks where prose outweighs the chrome between it.
///
/// Each block scores its words when it is prose and a small penalty otherwise; the body is the
/// run of blocks with the greatest total (maximum-sum subarray, linear time). Menus, share bars,
/// headline lists and footers around the body are many short blocks, so they cost more than
/// they are worth, while a caption or a subhead between two paragraphs costs little.
enum BodyLocator {
    static func locate(_ classes: [InitialClass], _ features: [BlockFeatures]) -> Range<Int>? {
        var best: (sum: Double, range: Range<Int>)?
        var runSum = 0.0
        var runStart = 0
        for index in classes.indices {
            let score = Self.score(classes[index], features[index])
            if runSum <= 0 {
                runSum = score
                runStart = index
            } else {
                runSum += score
            }
            if runSum > 0, best == nil || runSum > best!.sum {
                best = (runSum, runStart..<(index + 1))
            }
        }
        return best?.range
    }

    static func score(_ initial: InitialClass, _ features: BlockFeatures) -> Double {
        switch initial {
        case .prose: return Double(features.wordCount)
        case .chrome: return features.hasRelativeAge ? -15 : -4
        case .short:
            if features.isHeadlineLike { return -3 }
            return features.isLinkLike ? -2 : -1
        }
    }
}
