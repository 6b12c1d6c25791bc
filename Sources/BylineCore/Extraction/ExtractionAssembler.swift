/// Gives every block its verdict and reason, and gathers title, metadata, captions and repaired paragraphs.
struct ExtractionAssembler {
    let blocks: [TextBlock]
    let features: [BlockFeatures]
    let classes: [InitialClass]
    let layout: Extractor.Layout
    private var result = Extraction()
    private var verdicts: [ClassifiedBlock] = []
    private var bodyTexts: [(text: String, block: Int)] = []
    private var authorBoxStarted = false
    /// The byline and its first two words, kept while the byline stays the same: each block in the second half
    /// of the body asks for them.
    private var authorName: (byline: String, name: String)?
    /// `isDateLine` of each block once asked (nil: not asked yet): a block can be asked up to three times, and
    /// parsing a date is the dearest test here.
    private var dateLines: [String??]

    init(blocks: [TextBlock], features: [BlockFeatures], classes: [InitialClass], layout: Extractor.Layout) {
        self.blocks = blocks
        self.features = features
        self.classes = classes
        self.layout = layout
        dateLines = Array(repeating: nil, count: blocks.count)
    }

    mutating func assemble() -> Extraction {
        let sectionIndex = findSection()
        for index in blocks.indices {
            let block = blocks[index]
            if index == layout.title {
                result.title = block.text
                record(index, .title, layout.titleReason)
            } else if block.text.utf8.count <= 200, repeatsTitle(index) {
                record(index, .chrome, "the headline repeated")
            } else if index == sectionIndex {
                result.section = Self.sectionName(block.text)
                record(index, .meta, "section label: short line just before the headline")
            } else if index < layout.body.lowerBound {
                classifyHead(index)
            } else if layout.body.contains(index) {
                classifyBody(index)
            } else {
                classifyTail(index)
            }
        }
        buildParagraphs()
        result.blocks = verdicts
        return result
    }

    /// Whether the block's lower-cased opening is the headline's: the digests first, the strings when they agree.
    private func repeatsTitle(_ index: Int) -> Bool {
        guard let title = layout.title, features[index].opening.digest == features[title].opening.digest else { return false }
        return LoweredOpening.string(blocks[index].text) == LoweredOpening.string(blocks[title].text)
    }

    private mutating func record(_ index: Int, _ verdict: BlockVerdict, _ reason: String) {
        verdicts.append(ClassifiedBlock(text: blocks[index].text, verdict: verdict, reason: reason))
    }

    /// The closest one-to-three-word label line in the three blocks before the headline.
    private mutating func findSection() -> Int? {
        guard let title = layout.title, title > 0 else { return nil }
        for index in stride(from: title - 1, through: max(0, title - 3), by: -1) {
            let feature = features[index]
            if case .chrome = classes[index] { continue }
            if feature.wordCount >= 1, feature.wordCount <= 3, !feature.hasChromePhrase, !feature.endsLikeSentence,
               !feature.isBoilerplate, feature.startsLikeHeadline, isDateLine(index) == nil,
               BylineFinder.explicitByline(blocks[index], feature) == nil,
               !blocks[index].text.contains(where: { $0.isNumber }), !blocks[index].text.utf8.contains(0x2E),
               // A section label is a capitalised name ("World", "Company Town"), not a phrase ("Supported by").
               blocks[index].text.split(separator: " ").allSatisfy({ $0.first?.isLowercase != true }) {
                return index
            }
        }
        return nil
    }

    /// "News > Nation" → "Nation".
    static func sectionName(_ text: String) -> String {
        for separator in [">", "»", "/", "|"] {
            if let last = text.split(separator: Character(separator)).last, text.contains(separator) {
                return last.trimmingCharacters(in: .whitespaces)
            }
        }
        return text
    }

    /// The ISO date when the block is a short date line.
    private mutating func isDateLine(_ index: Int) -> String? {
        if let known = dateLines[index] { return known }
        guard features[index].wordCount <= 16, classes[index] != .prose, !features[index].hasRelativeAge else {
            return nil
        }
        let date = DateParser.parse(blocks[index].text)
        dateLines[index] = .some(date)
        return date
    }

    private mutating func takeMeta(_ index: Int, afterTitle: Bool) -> Bool {
        let block = blocks[index], feature = features[index]
        if let byline = BylineFinder.explicitByline(block, feature) {
            if result.byline == nil { result.byline = byline }
            if result.published == nil, let date = DateParser.parse(block.text) { result.published = date }
            record(index, .meta, "byline: starts with a by-phrase")
            return true
        }
        if let date = isDateLine(index) {
            let isUpdate = result.published != nil && CaptionDetector.contains(LoweredOpening.string(block.text), "updated")
            if result.published == nil || (!isUpdate && result.published == nil) { result.published = date }
            record(index, .meta, "date line")
            return true
        }
        if afterTitle, result.byline == nil, let title = layout.title, index - title <= 4, !isChrome(index),
           let name = BylineFinder.bareName(block, feature) {
            result.byline = name
            record(index, .meta, "byline: a bare name just after the headline")
            return true
        }
        return false
    }

    private func isChrome(_ index: Int) -> Bool {
        if case .chrome = classes[index] { return true }
        return false
    }

    private mutating func classifyHead(_ index: Int) {
        let afterTitle = layout.title.map { index > $0 } ?? false
        if takeMeta(index, afterTitle: afterTitle) { return }
        let feature = features[index]
        if case .chrome(let reason) = classes[index] { return record(index, .chrome, reason) }
        if feature.isCaption {
            result.captions.append(blocks[index].text)
            return record(index, .caption, "caption or photo credit")
        }
        if !afterTitle { return record(index, .chrome, "before the headline") }
        if feature.isLinkLike || feature.wordCount < 3 { return record(index, .chrome, "label line before the body") }
        if classes[index] == .prose { return record(index, .chrome, "prose before the body starts") }
        result.captions.append(blocks[index].text)
        record(index, .caption, "short line between headline and body")
    }

    private mutating func classifyBody(_ index: Int) {
        let feature = features[index]
        if authorBoxStarted || startsAuthorBox(index) {
            authorBoxStarted = true
            return record(index, .chrome, "author box: the byline's name again after the body")
        }
        if case .chrome(let reason) = classes[index] { return record(index, .chrome, reason) }
        if feature.isCaption {
            result.captions.append(blocks[index].text)
            return record(index, .caption, "caption or photo credit")
        }
        if index - layout.body.lowerBound < 3, classes[index] != .prose, takeMeta(index, afterTitle: true) { return }
        if isDateLine(index) != nil && feature.wordCount <= 10 { return record(index, .chrome, "date line in the body") }
        bodyTexts.append((blocks[index].text, index))
        let reason = classes[index] == .prose ? "prose"
            : classes[index] == .tableCell ? "table cell inside the body" : "short block inside the body"
        record(index, .body, reason)
    }

    /// In the second half of the body, a short heading naming the author, or a paragraph that opens with the
    /// author's name, starts the author's box ("About Jane Doe", "Jane Doe is a writer…").
    private mutating func startsAuthorBox(_ index: Int) -> Bool {
        // The name without a role that may follow it ("Meg James Staff Writer" → "Meg James").
        guard let fullByline = result.byline, fullByline.count >= 5, !bodyTexts.isEmpty,
              index > (layout.body.lowerBound + layout.body.upperBound) / 2 else { return false }
        if authorName?.byline != fullByline {
            authorName = (fullByline, fullByline.split(separator: " ").prefix(2).joined(separator: " "))
        }
        let byline = authorName!.name
        let text = blocks[index].text
        if features[index].wordCount <= 6 && text.contains(byline) { return true }
        return text.hasPrefix(byline + " ")
    }

    private mutating func classifyTail(_ index: Int) {
        let feature = features[index]
        if index == layout.body.upperBound, result.byline == nil, classes[index] != .prose {
            if let name = BylineFinder.explicitByline(blocks[index], feature) ?? BylineFinder.bareName(blocks[index], feature) {
                result.byline = name
                return record(index, .meta, "byline: a name signing off the body")
            }
        }
        if result.published == nil, let date = isDateLine(index),
           CaptionDetector.contains(LoweredOpening.string(blocks[index].text), "publi") {
            result.published = date
            return record(index, .meta, "date line after the body")
        }
        if case .chrome(let reason) = classes[index] { return record(index, .chrome, reason + ", after the body") }
        record(index, .chrome, "after the body")
    }

    private mutating func buildParagraphs() {
        var texts: [String] = []
        for (text, _) in bodyTexts {
            let mended = ParagraphRepair.mendDropCap(text)
            if let previous = texts.last, ParagraphRepair.continues(previous, mended) {
                texts[texts.count - 1] = ParagraphRepair.join(previous, mended)
            } else {
                texts.append(mended)
            }
        }
        result.paragraphs = texts.map { Paragraph($0, kind: Self.kind(of: $0)) }
        if let first = texts.first { result.dateline = Dateline.find(in: first) }
    }

    static func kind(of text: String) -> Paragraph.Kind {
        let words = WordScanner.spaceSeparatedCount(text, characters: 200, atMost: 12)
            ?? WordScanner.spaceSeparatedCountByCharacter(text, characters: 200, atMost: 12)
        if words <= 12, !BlockFeatures.endsLikeSentence(text), text.first?.isUppercase == true { return .subhead }
        // Compared one `Character` at a time: `contains` on a string literal broke the literal into characters.
        if let first = text.first, let last = text.last, first == "“" || first == "\"" || first == "«",
           last == "”" || last == "\"" || last == "»" {
            return .quote
        }
        return .body
    }
}
