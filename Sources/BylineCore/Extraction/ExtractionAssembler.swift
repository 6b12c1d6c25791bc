/// Gives every block its verdict and reason, and gathers title, metadata, captions and repaired paragraphs.
struct ExtractionAssembler {
    let blocks: [TextBlock]
    let features: [BlockFeatures]
    let classes: [InitialClass]
    let layout: Extractor.Layout
    /// Whether `Extraction.blocks` is wanted; without it no verdict, reason or text per block is made.
    let keepingBlocks: Bool
    private var result = Extraction()
    private var verdicts: [ClassifiedBlock] = []
    private var bodyTexts: [(text: String, block: Int)] = []
    private var authorBoxStarted = false
    /// The byline and its first two words, kept while the byline stays the same: each block in the second half
    /// of the body asks for them.
    private var authorName: (byline: String, name: String, standsAlone: Bool, longEnough: Bool)?

    init(
        blocks: [TextBlock], features: [BlockFeatures], classes: [InitialClass], layout: Extractor.Layout,
        keepingBlocks: Bool = true
    ) {
        self.blocks = blocks
        self.features = features
        self.classes = classes
        self.layout = layout
        self.keepingBlocks = keepingBlocks
    }

    mutating func assemble() -> Extraction {
        if keepingBlocks { verdicts.reserveCapacity(blocks.count) }
        bodyTexts.reserveCapacity(layout.body.count)
        let sectionIndex = findSection()
        for index in blocks.indices {
            if index == layout.title {
                result.title = blocks[index].text
                record(index, .title, layout.titleReason)
            } else if blocks[index].text.utf8.count <= 200, repeatsTitle(index) {
                record(index, .chrome, "the headline repeated")
            } else if index == sectionIndex {
                result.section = Self.sectionName(blocks[index].text)
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

    /// A chrome block's reason gets `afterTheBody` appended here, so that without verdicts nothing is joined.
    private mutating func record(_ index: Int, _ verdict: BlockVerdict, _ reason: String, afterTheBody: Bool = false) {
        guard keepingBlocks else { return }
        let reason = afterTheBody ? reason + ", after the body" : reason
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
               !blocks[index].text.utf8.contains(0x2E), Self.mayBeSectionName(blocks[index].text) {
                return index
            }
        }
        return nil
    }

    /// No number, and no word led by a lower-case letter: a section label is a capitalised name ("World",
    /// "Company Town"), not a phrase ("Supported by"). Plain ASCII without CR answers by bytes, each a character.
    static func mayBeSectionName(_ text: String) -> Bool {
        let ascii = UTF8Text.withBytes(text) { bytes -> Bool? in
            var wordStart = true
            for byte in bytes {
                if byte >= 0x80 || byte == 0x0D { return nil }
                if byte >= 0x30 && byte <= 0x39 { return false }
                if wordStart && byte >= 0x61 && byte <= 0x7A { return false }
                wordStart = byte == 0x20
            }
            return true
        }
        if let ascii { return ascii }
        return !text.contains(where: { $0.isNumber }) && text.split(separator: " ").allSatisfy({ $0.first?.isLowercase != true })
    }

    /// "News > Nation" → "Nation".
    static func sectionName(_ text: String) -> String {
        // Where every scalar is a character of its own, Foundation's `contains` finds what the bytes hold; it
        // cost about seven thousand instructions a call, and the split was made before it for every separator.
        let standsAlone = UTF8Text.withBytes(text) { LoweredOpening.standsAlone($0) }
        for separator in [">", "»", "/", "|"] {
            guard standsAlone ? CaptionDetector.contains(text, separator) : text.contains(separator),
                  let last = text.split(separator: Character(separator)).last else { continue }
            return Dateline.trimmed(last)
        }
        return text
    }

    /// The ISO date when the block is a short date line (parsed once, with the block's features).
    private func isDateLine(_ index: Int) -> String? {
        guard features[index].wordCount <= 16, classes[index] != .prose, !features[index].hasRelativeAge else { return nil }
        return features[index].date.parsed
    }

    private mutating func takeMeta(_ index: Int, afterTitle: Bool) -> Bool {
        let feature = features[index]
        if let byline = BylineFinder.explicitByline(blocks[index], feature) {
            if result.byline == nil { result.byline = byline }
            if result.published == nil, let date = feature.wordCount <= 16 ? feature.date.parsed : DateParser.parse(blocks[index].text) {
                result.published = date
            }
            record(index, .meta, "byline: starts with a by-phrase")
            return true
        }
        if let date = isDateLine(index) {
            let isUpdate = result.published != nil && CaptionDetector.contains(LoweredOpening.string(blocks[index].text), "updated")
            if result.published == nil || (!isUpdate && result.published == nil) { result.published = date }
            record(index, .meta, "date line")
            return true
        }
        if afterTitle, result.byline == nil, let title = layout.title, index - title <= 4, !isChrome(index),
           let name = BylineFinder.bareName(blocks[index], feature) {
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
        guard let fullByline = result.byline, !bodyTexts.isEmpty,
              index > (layout.body.lowerBound + layout.body.upperBound) / 2 else { return false }
        if authorName?.byline != fullByline {
            let name = fullByline.split(separator: " ").prefix(2).joined(separator: " ")
            authorName = (fullByline, name, UTF8Text.withBytes(name, LoweredOpening.standsAlone), fullByline.count >= 5)
        }
        guard authorName!.longEnough else { return false }
        let byline = authorName!.name
        let text = blocks[index].text
        if features[index].wordCount <= 6 {
            // Where every scalar of both is a character of its own, Foundation's `contains` finds what the bytes hold.
            let found = authorName!.standsAlone && UTF8Text.withBytes(text, LoweredOpening.standsAlone)
                ? CaptionDetector.contains(text, byline) : text.contains(byline)
            if found { return true }
        }
        if authorName!.standsAlone, let prefixed = Self.startsWithName(text, byline) { return prefixed }
        return text.hasPrefix(byline + " ")
    }

    /// `text.hasPrefix(name + " ")` for a name whose scalars stand alone (`ScalarClass.standsAlone`), by bytes
    /// when the text's scalars around the name's length stand alone too: then characters are scalars, and such
    /// scalars are equal only byte for byte. Nil when the bytes cannot tell.
    static func startsWithName(_ text: String, _ name: String) -> Bool? {
        UTF8Text.withBytes(text) { bytes in
            UTF8Text.withBytes(name) { name -> Bool? in
                var index = 0
                // Past the space by a scalar's length: a mark joining any compared scalar would start there.
                while index < bytes.count && index <= name.count + 4 {
                    let (value, length) = UTF8Text.decode(bytes, at: index)
                    if !ScalarClass.standsAlone(value) { return nil }
                    index += length
                }
                guard bytes.count > name.count, bytes[name.count] == 0x20 else { return false }
                for offset in 0..<name.count where bytes[offset] != name[offset] { return false }
                return true
            }
        }
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
        if case .chrome(let reason) = classes[index] { return record(index, .chrome, reason, afterTheBody: true) }
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
        // The word count last: most paragraphs end like a sentence.
        if !BlockFeatures.endsLikeSentence(text), startsUppercase(text) {
            let words = WordScanner.spaceSeparatedCount(text, characters: 200, atMost: 12)
                ?? WordScanner.spaceSeparatedCountByCharacter(text, characters: 200, atMost: 12)
            if words <= 12 { return .subhead }
        }
        // A character equal to a quote mark is that scalar alone (none of them has another form): the text must
        // open and close with the marks' bytes, and the marks must be characters of their own there.
        let quoted = UTF8Text.withBytes(text) { bytes -> Bool? in
            guard !bytes.isEmpty, openingQuotes.contains(UTF8Text.decode(bytes, at: 0).value) else { return false }
            var lastStart = bytes.count - 1
            while lastStart > 0 && bytes[lastStart] & 0xC0 == 0x80 { lastStart -= 1 }
            guard closingQuotes.contains(UTF8Text.decode(bytes, at: lastStart).value) else { return false }
            return edgeScalar(bytes, first: true) != nil && edgeScalar(bytes, first: false) != nil ? true : nil
        }
        if let quoted { return quoted ? .quote : .body }
        // Compared one `Character` at a time: `contains` on a string literal broke the literal into characters.
        if let first = text.first, let last = text.last, first == "“" || first == "\"" || first == "«",
           last == "”" || last == "\"" || last == "»" {
            return .quote
        }
        return .body
    }

    private static let openingQuotes: [UInt32] = [0x201C, 0x22, 0xAB]
    private static let closingQuotes: [UInt32] = [0x201D, 0x22, 0xBB]

    /// `text.first?.isUppercase == true`, by bytes when the first character is one ASCII scalar.
    static func startsUppercase(_ text: String) -> Bool {
        let ascii = UTF8Text.withBytes(text) { bytes -> Bool? in
            guard let first = bytes.first else { return false }
            guard first < 0x80, edgeScalar(bytes, first: true) != nil else { return nil }
            return first >= 0x41 && first <= 0x5A
        }
        return ascii ?? (text.first?.isUppercase == true)
    }

    /// The first (or last) scalar of the UTF-8 when it is sure to be a character of its own: it and its neighbour
    /// (if any) stand alone (`ScalarClass.standsAlone`). Nil when only the `Character` view can tell.
    static func edgeScalar(_ bytes: UnsafeBufferPointer<UInt8>, first: Bool) -> UInt32? {
        guard !bytes.isEmpty else { return nil }
        var start = 0
        if !first {
            start = bytes.count - 1
            while start > 0 && bytes[start] & 0xC0 == 0x80 { start -= 1 }
        }
        let (value, length) = UTF8Text.decode(bytes, at: start)
        guard ScalarClass.standsAlone(value) else { return nil }
        if first {
            guard length < bytes.count else { return value }
            return ScalarClass.standsAlone(UTF8Text.decode(bytes, at: length).value) ? value : nil
        }
        guard start > 0 else { return value }
        var before = start - 1
        while before > 0 && bytes[before] & 0xC0 == 0x80 { before -= 1 }
        return ScalarClass.standsAlone(UTF8Text.decode(bytes, at: before).value) ? value : nil
    }
}
