import Foundation

/// Picks the headline: a headline-shaped block shortly before the body, preferring one that the page
/// repeats, one followed by a byline or date, and one set in title case or capitals.
enum TitleFinder {
    /// Set BYLINE_DEBUG_TITLE=1 to see every candidate's score on standard error.
    static let debug = ProcessInfo.processInfo.environment["BYLINE_DEBUG_TITLE"] != nil

    static func find(
        _ blocks: [TextBlock], _ features: [BlockFeatures], _ classes: [InitialClass],
        contentWordHashes: [UInt64], bodyStart: Int, isMeta: (Int) -> Bool, isListed: (Int) -> Bool,
        reason lastReason: inout String
    ) -> Int? {
        let repeats = Repeats(blocks, features)
        var shapes = OpeningShapes(blocks)
        let windowStart = max(0, bodyStart - 30)
        let windowEnd = min(blocks.count, bodyStart + 1)
        var best: (score: Double, index: Int)?
        var scored: [(score: Double, index: Int)] = []
        let bodyWords = OpeningWords(
            blocks, features, classes, contentWordHashes, from: bodyStart, asked: windowStart..<windowEnd
        )
        // The headline sits just above the byline and date lines that head the body: take the nearest
        // headline-shaped block above the last such line before the body.
        var aboveMeta: Int?
        func qualifies(_ index: Int) -> Bool {
            if case .chrome = classes[index] { return false }
            if isListed(index) { return false }
            let feature = features[index]
            guard feature.wordCount >= 2, feature.wordCount <= 18, feature.startsLikeHeadline,
                  !shapes.isSpacedOut(index), !isMeta(index),
                  !feature.endsLikeSentence || feature.opening.endsWithQuestionMark,
                  !feature.isDateLike, !feature.isCaption else { return false }
            // The value of a "Label:" line above it ("Author:" / a name) is not a headline.
            let labelled = index > 0 && features[index - 1].wordCount <= 3 && features[index - 1].opening.endsWithColon
            return !labelled
        }
        let metas = (windowStart..<bodyStart).filter { isMeta($0) && features[$0].wordCount > 1 }
        if var clusterStart = metas.last {
            // Byline and date lines close together (captions and share buttons between) form one cluster.
            for meta in metas.reversed() where clusterStart - meta <= 8 { clusterStart = meta }
            aboveMeta = stride(from: clusterStart - 1, through: windowStart, by: -1).first(where: qualifies)
            // A bare name above the date is the byline; the headline is above it.
            if let found = aboveMeta, found > windowStart, BylineFinder.bareName(blocks[found], features[found]) != nil,
               qualifies(found - 1) {
                aboveMeta = found - 1
            }
        }
        // Distance counts only blocks with content of their own; share buttons and captions do not push a
        // headline away from its body.
        var between = 0
        for index in stride(from: windowEnd - 1, through: windowStart, by: -1) {
            let feature = features[index]
            defer {
                if index < bodyStart && !feature.isLinkLike && !isMeta(index) && !feature.isCaption {
                    if case .chrome = classes[index] {} else { between += 1 }
                }
            }
            guard feature.wordCount >= 1, feature.wordCount <= 30, feature.innerSentenceEnds <= 1,
                  !isMeta(index), !feature.isBoilerplate, !feature.opening.isMetaLabel else { continue }
            if case .chrome = classes[index] { continue }
            var score = 2.0
            score -= 0.2 * Double(between)
            // A block of the body itself trivially shares its words with the body.
            score += (index >= bodyStart ? 0.9 : 3.0) * overlap(feature, contentWordHashes, bodyWords)
            if feature.wordCount >= 4, repeats.isRepeated(index) { score += 1.0 }
            let following = (index + 1)..<min(blocks.count, index + 7)
            let preceding = max(0, index - 2)..<index
            let metaBefore = preceding.contains(where: { isMeta($0) && features[$0].wordCount > 2 })
            if following.contains(where: { isMeta($0) }) || metaBefore { score += 1.5 }
            if feature.capitalisedShare >= 0.6 || feature.upperCaseShare > 0.8 { score += 0.8 }
            if feature.wordCount >= 5 && feature.wordCount <= 20 {
                score += 0.8
            } else if feature.wordCount >= 3 {
                score += 0.3
            } else if feature.wordCount == 2 {
                score -= 1.5
            } else {
                score -= 3.0
            }
            if feature.opening.endsWithPeriod { score -= feature.wordCount > 8 ? 3.0 : 1.5 }
            if shapes.isSpacedOut(index) { score -= 2.0 }
            if shapes.isBreadcrumb(index) { score -= 2.0 }
            if feature.opening.endsWithColon { score -= 1.0 }
            if feature.hasChromePhrase { score -= 2.5 }
            if feature.hasRelativeAge { score -= 2.5 }
            if classes[index] == .prose && (feature.opening.endsWithPeriod || feature.wordCount > 25) { score -= 1.5 }
            if feature.isCaption { score -= 2.5 }
            if !feature.startsLikeHeadline { score -= 1.5 }
            if isListed(index) { score -= 0.5 }
            if index == aboveMeta { score += 2.0 }
            // A sentence-like line right under a title-case headline is its standfirst.
            if index > 0, features[index - 1].isHeadlineLike, !isListed(index - 1),
               features[index - 1].capitalisedShare >= 0.6 && feature.capitalisedShare < 0.6
                || feature.wordCount >= 12 && features[index - 1].wordCount * 3 <= feature.wordCount * 2 {
                score -= 2.5
            }
            if feature.isDateLike { score -= 3.0 }
            if BylineFinder.bareName(blocks[index], feature) != nil { score -= 1.5 }
            if feature.wordCount > 20 { score -= 1.0 }
            if feature.opening.endsWithParenthesis { score -= 1.0 }
            if debug {
                FileHandleDebug.print("title candidate \(index) score \(score): \(blocks[index].text.prefix(60)) "
                    + "[between \(between) overlap \(overlap(feature, contentWordHashes, bodyWords)) listed \(isListed(index)) "
                    + "aboveMeta \(index == aboveMeta) date \(feature.isDateLike) bodyStart \(bodyStart)]")
            }
            scored.append((score, index))
        }
        best = scored.max { $0.score < $1.score || ($0.score == $1.score && $0.index > $1.index) }
        guard let best, best.score > 0 else { return nil }
        lastReason = best.index == aboveMeta ? "headline: just above the byline and date lines"
            : repeats.isRepeated(best.index) ? "headline: headline-shaped, repeated on the page"
            : "headline: headline-shaped block sharing words with the body's opening"
        return best.index
    }
}

extension TitleFinder {
    /// "Home » News »", "News > Nation": a trail of links, not a headline.
    static func isBreadcrumb(_ text: String) -> Bool {
        CaptionDetector.contains(text, " » ") || CaptionDetector.contains(text, " > ") || text.hasSuffix("»") || text.hasSuffix(">") || text.hasSuffix("/")
    }

    /// `isBreadcrumb` read from the UTF-8; nil when only the `String` can tell how it ends.
    static func isBreadcrumb(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        if trails.occurs(in: bytes) { return true }
        let ends = [LoweredOpening.hasSuffix(bytes, "»"), LoweredOpening.hasSuffix(bytes, ">"), LoweredOpening.hasSuffix(bytes, "/")]
        if ends.contains(true) { return true }
        return ends.contains(nil) ? nil : false
    }

    private static let trails = BytePatterns([" » ", " > "])

    /// "T R D NATIONAL /": letters spaced out, a logo rather than a headline (by `Character`s).
    static func mostlySingleLettersByCharacter(_ text: String) -> Bool {
        let words = text.split(separator: " ")
        guard words.count >= 3 else { return false }
        return words.filter { $0.count == 1 }.count * 2 > words.count
    }

    /// `mostlySingleLettersByCharacter` read from the UTF-8 where every scalar is a character of its own
    /// (splitting the bytes at spaces is then the same split); nil otherwise.
    static func mostlySingleLetters(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        let simple = { () -> (words: Int, single: Int)? in
            var words = 0, single = 0, length = 0, index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte == 0x20 {
                    if length > 0 { words += 1; if length == 1 { single += 1 } }
                    length = 0
                    index += 1
                    continue
                }
                if byte < 0x80 {
                    if byte == 0x0D { return nil }
                    index += 1
                } else {
                    let (value, size) = UTF8Text.decode(bytes, at: index)
                    if !ScalarClass.standsAlone(value) { return nil }
                    index += size
                }
                length += 1
            }
            if length > 0 { words += 1; if length == 1 { single += 1 } }
            return (words, single)
        }()
        guard let simple else { return nil }
        return simple.words >= 3 && simple.single * 2 > simple.words
    }

    /// `mostlySingleLetters` and `isBreadcrumb` of blocks' lower-cased openings, read from their bytes when
    /// first asked: only headline candidates are.
    struct OpeningShapes {
        private let blocks: [TextBlock]
        /// Per block: bit 0 once read, bit 1 spaced out, bit 2 a breadcrumb.
        private var known: [UInt8]
        private var scratch: [UInt8]

        init(_ blocks: [TextBlock]) {
            self.blocks = blocks
            known = Array(repeating: 0, count: blocks.count)
            scratch = []
        }

        mutating func isSpacedOut(_ index: Int) -> Bool { shape(index) & 2 != 0 }
        mutating func isBreadcrumb(_ index: Int) -> Bool { shape(index) & 4 != 0 }

        private mutating func shape(_ index: Int) -> UInt8 {
            if known[index] != 0 { return known[index] }
            if scratch.isEmpty {
                // Written before it is read: no need to clear it.
                scratch = Array(unsafeUninitializedCapacity: LoweredOpening.scratchCapacity) { $1 = $0.count }
            }
            let text = blocks[index].text
            let shape = scratch.withUnsafeMutableBufferPointer { scratch in
                LoweredOpening.withBytes(text, scratch: scratch) { lowered -> UInt8 in
                    func string() -> String { String(decoding: lowered, as: UTF8.self) }
                    let spacedOut = TitleFinder.mostlySingleLetters(lowered) ?? TitleFinder.mostlySingleLettersByCharacter(string())
                    let breadcrumb = TitleFinder.isBreadcrumb(lowered) ?? TitleFinder.isBreadcrumb(string())
                    return 1 | (spacedOut ? 2 : 0) | (breadcrumb ? 4 : 0)
                }
            }
            known[index] = shape
            return shape
        }
    }

    /// Which blocks of 200 bytes or fewer have the same lower-cased opening as another such block: a headline
    /// the page repeats. Found by the openings' digests (sorted, not hashed: most pages repeat none); a digest
    /// shared by two blocks or more is checked by comparing the strings, so that a collision never counts.
    struct Repeats {
        private let blocks: [TextBlock]
        private let features: [BlockFeatures]
        /// The digests that two blocks of 200 bytes or fewer share.
        private let shared: [UInt64]

        init(_ blocks: [TextBlock], _ features: [BlockFeatures]) {
            self.blocks = blocks
            self.features = features
            var digests: [UInt64] = []
            digests.reserveCapacity(blocks.count)
            for index in blocks.indices where blocks[index].text.utf8.count <= 200 { digests.append(features[index].opening.digest) }
            digests.sort()
            var shared: [UInt64] = []
            for index in digests.indices.dropFirst() where digests[index] == digests[index - 1] && shared.last != digests[index] {
                shared.append(digests[index])
            }
            self.shared = shared
        }

        /// Whether more than one block of 200 bytes or fewer has the opening of block `index`.
        func isRepeated(_ index: Int) -> Bool {
            let digest = features[index].opening.digest
            guard shared.contains(digest) else { return false }
            let opening = LoweredOpening.string(blocks[index].text)
            var equal = 0
            for index in blocks.indices where features[index].opening.digest == digest && blocks[index].text.utf8.count <= 200 {
                if LoweredOpening.string(blocks[index].text) == opening { equal += 1 }
                if equal > 1 { return true }
            }
            return false
        }
    }

    /// Which content words of the headline candidates the body's opening holds: the content words (not function
    /// words, three letters or more) of the blocks read from `start`, prose or of three lines or more, until they
    /// hold 300 long words. Only the candidates' words are kept, in a set sized for them: a long first paragraph
    /// put thousands of words into a set built per article, to be asked about a few dozen.
    struct OpeningWords {
        /// The candidates' words that the opening holds.
        private let found: HashSet64

        /// `asked`: the blocks whose words may be asked about; words of other blocks are answered as absent.
        init(
            _ blocks: [TextBlock], _ features: [BlockFeatures], _ classes: [InitialClass], _ contentWordHashes: [UInt64],
            from start: Int, asked: Range<Int>
        ) {
            var askedWords: [UInt64] = []
            // Only blocks of thirty words or fewer are scored.
            for index in asked where features[index].wordCount <= 30 {
                askedWords.append(contentsOf: contentWordHashes[features[index].contentWords])
            }
            let askedSet = HashSet64(askedWords, slotsPerMember: 2)
            // One bit per asked word, from the hash's high bits, turns away most opening words before the set's
            // probe loop (a branch the processor mispredicted on a long opening's every other word).
            var filter = [UInt64](repeating: 0, count: 64)
            for hash in askedWords { filter[Int(hash >> 58)] |= 1 << ((hash >> 52) & 63) }
            var found: [UInt64] = []
            var counted = 0
            contentWordHashes.withUnsafeBufferPointer { hashes in
                filter.withUnsafeBufferPointer { filter in
                    for index in start..<blocks.count where classes[index] == .prose || blocks[index].lineCount >= 3 {
                        for position in features[index].contentWords {
                            let hash = hashes[position]
                            if filter[Int(hash >> 58)] & (1 << ((hash >> 52) & 63)) != 0, askedSet.contains(hash) {
                                found.append(hash)
                            }
                        }
                        counted += features[index].longWordsByCharacter
                        if counted >= 300 { break }
                    }
                }
            }
            self.found = HashSet64(found, slotsPerMember: 2)
        }

        /// Whether the opening holds `hash`, a content word of one of the `asked` blocks.
        func contains(_ hash: UInt64) -> Bool { found.contains(hash) }
    }

    /// The share of a candidate's content words found in the opening of the body: a headline announces
    /// what the first paragraphs tell; a menu, a share bar or a name does not.
    static func overlap(_ feature: BlockFeatures, _ contentWordHashes: [UInt64], _ bodyWords: OpeningWords) -> Double {
        let words = contentWordHashes[feature.contentWords]
        var found = 0
        for hash in words where bodyWords.contains(hash) { found += 1 }
        return words.isEmpty ? 0 : Double(found) / Double(words.count)
    }
}

/// Debug output on standard error.
enum FileHandleDebug {
    static func print(_ line: String) { FileHandle.standardError.write(Data((line + "\n").utf8)) }
}
