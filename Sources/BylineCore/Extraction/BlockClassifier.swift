/// The first, context-free judgement of a block, jusText-style: prose, chrome, or undecided.
enum InitialClass: Equatable, Sendable {
    /// Running prose: long enough, punctuated like sentences, dense in function words.
    case prose
    /// Undecided: short or plain; its neighbours decide.
    case short
    /// A cell of a data table (a run of short blocks, many of them numbers): content, not a menu.
    case tableCell
    /// Chrome whatever its neighbours say, with the reason.
    case chrome(String)
}

/// Classifies blocks on their own features.
enum BlockClassifier {
    /// `stopWordsApply` is false for a text whose language has no stop-word list (CJK, Korean…):
    /// then punctuation and length alone decide.
    static func classify(_ features: BlockFeatures, stopWordsApply: Bool) -> InitialClass {
        if features.isBoilerplate { return .chrome("repeated in other files of this source") }
        if features.wordCount == 0 { return .chrome("no words") }
        if features.hasChromePhrase && features.wordCount <= 8 { return .chrome("chrome phrase") }
        if features.hasRelativeAge && !features.endsLikeSentence { return .chrome("relative age of another story") }
        if features.wordCount <= 10, features.opening.startsWithArrow {
            return .chrome("line led by a navigation arrow")
        }
        let density = features.stopWordDensity
        let proseDensity = stopWordsApply ? 0.22 : 0
        let punctuated = features.endsLikeSentence || features.innerSentenceEnds > 0
        if features.wordCount >= 10 && punctuated && density >= proseDensity { return .prose }
        if features.wordCount >= 40 && density >= proseDensity + 0.05 { return .prose }
        if features.wordCount >= 30 && !punctuated && stopWordsApply && density < 0.08
            && features.capitalisedShare > 0.6 {
            return .chrome("title-case list without sentences")
        }
        return .short
    }
}
