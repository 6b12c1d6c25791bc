import Foundation

/// Turns scraped article text into title, metadata and body paragraphs, dropping site chrome.
///
/// Rules stand on structure, not on any site's words: the body is the densest run of prose
/// (`BodyLocator`), lists of headlines and link-like lines inside it are removed (`ListDetector`),
/// the headline is the best headline-shaped block before the body (`TitleFinder`), and the blocks
/// between headline and body are read for byline, date and captions. See docs/EXTRACTION.md.
public struct Extractor: Sendable {
    public init() {}

    /// With `keepingBlocks` false the result's `blocks` is empty and every other field the same: a reader that
    /// only shows the article spares building (and freeing) a verdict with text and reason for every block.
    public func extract(_ text: String, boilerplate: Boilerplate = .none, keepingBlocks: Bool = true) -> Extraction {
        let blocks = BlockSplitter.split(text)
        guard !blocks.isEmpty else { return Extraction() }
        var hashes = BlockHashes()
        hashes.contentWords.reserveCapacity(text.utf8.count / 8)
        hashes.sentences.reserveCapacity(text.utf8.count / 64)
        let features = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: LoweredOpening.scratchCapacity) { scratch in
            blocks.map { BlockFeatures($0, boilerplate: boilerplate, hashes: &hashes, scratch: scratch) }
        }
        let stopWordsApply = Self.stopWordsApply(features)
        let initial = features.map { BlockClassifier.classify($0, stopWordsApply: stopWordsApply) }
        let lists = ListDetector.lists(initial, features)
        var classes = initial
        for (index, reason) in lists { classes[index] = .chrome(reason) }
        for (index, reason) in RepeatDetector.repeats(blocks, features, sentenceHashes: hashes.sentences) { classes[index] = .chrome(reason) }
        // Cells of a data table repeat ("1", "Chevrolet") without being labels of the site.
        for index in ListDetector.tableCells(initial, features)
        where classes[index] == .short || classes[index] == .chrome(RepeatDetector.repeatedLabel) {
            classes[index] = .tableCell
        }
        let layout = Self.layout(blocks, features, hashes.contentWords, initial, classes)
        var assembler = ExtractionAssembler(
            blocks: blocks, features: features, classes: classes, layout: layout, keepingBlocks: keepingBlocks)
        return assembler.assemble()
    }

    /// Where the parts of the page are: headline, body range.
    struct Layout {
        var title: Int?
        /// Why that block was taken for the headline.
        var titleReason = ""
        var body: Range<Int>
    }

    static func layout(
        _ blocks: [TextBlock], _ features: [BlockFeatures], _ contentWordHashes: [UInt64],
        _ initialClasses: [InitialClass], _ classes: [InitialClass]
    ) -> Layout {
        // A closure, not the key path `\.lineCount`: the key path went through the runtime for every block.
        let lineCounts = blocks.map { $0.lineCount }
        var body = BodyLocator.locate(classes, features, lineCounts: lineCounts) ?? Self.fallbackBody(classes)
        body = BodyLocator.extendForward(body, classes, features, blocks)
        // Byline or date line, decided once per block: the title finder asks many times.
        let metaFlags: [Bool] = blocks.indices.map { index in
            let feature = features[index]
            if feature.wordCount <= 16, classes[index] != .prose, feature.isDateLike {
                return true
            }
            if BylineFinder.explicitByline(blocks[index], feature) != nil { return true }
            return feature.wordCount <= 2 && feature.opening.isMetaLabel
        }
        let isMeta: (Int) -> Bool = { metaFlags[$0] }
        var titleReason = ""
        let title = TitleFinder.find(
            blocks, features, initialClasses, contentWordHashes: contentWordHashes, bodyStart: body.lowerBound, isMeta: isMeta,
            isListed: { if case .chrome = classes[$0] { return true } else { return false } }, reason: &titleReason)
        if let title, title >= body.lowerBound, title + 1 < body.upperBound {
            body = (title + 1)..<body.upperBound
        }
        return Layout(title: title, titleReason: titleReason, body: body)
    }

    /// With no prose at all (a very short text), everything that is not chrome is the body.
    static func fallbackBody(_ classes: [InitialClass]) -> Range<Int> {
        let kept = classes.indices.filter { if case .chrome = classes[$0] { return false } else { return true } }
        guard let first = kept.first, let last = kept.last else { return 0..<classes.count }
        return first..<(last + 1)
    }

    /// Stop-word density means nothing for a language without a list (CJK, Korean…): then it is ignored.
    static func stopWordsApply(_ features: [BlockFeatures]) -> Bool {
        var words = 0.0, stops = 0.0
        for feature in features where feature.wordCount >= 10 {
            words += Double(feature.wordCount)
            stops += feature.stopWordDensity * Double(feature.wordCount)
        }
        return words == 0 || stops / words >= 0.1
    }
}

/// Label lines that introduce a date or an author ("Published", "on", "by"): a hint that a headline is just above.
enum MetaLabels {
    /// Whether the UTF-8 of a lower-cased text is one of `list` (as `String`s compare); `isNFC` is
    /// `LoweredOpening.isNFC` of it.
    static func contains(_ lowercased: UnsafeBufferPointer<UInt8>, isNFC: Bool) -> Bool {
        labels.contains(lowercased, isNFC: isNFC)
    }

    static let list = [
        "published", "published on", "updated", "posted", "posted on", "on", "by", "written by", "publicado",
        "publicado em", "veröffentlicht", "опубликовано", "publié", "publié le", "date", "von", "por",
    ]
    private static let labels = WholeTextSet(list)
}
