import Foundation
import XCTest
@testable import BylineCore

/// The byte shortcuts of the extractor's structure (bylines, repeats) against the plain code they stand in for.
final class ExtractionStructureShortcutTests: XCTestCase {
    private static let pieces: [String] = [
        " by ", " by", "by ", "by", " ", "  ", "b", "y", "monday", "nov. 18, 2019", "7:45 am", "pst", "joe",
        "é", "e\u{301}", "\u{301}", "\r", "\r\n", "—", "“", "日本", "😀", "👍🏽", "\u{0627}\u{0644}", "ж", "\u{0483}",
        "\u{200D}", "\u{00A0}", "ǆ", "ﬁ", "\u{2028}", "\u{0}", "\u{00AD}", "b\u{00AD}y",
    ]

    private static func plainCharactersThroughBy(_ lower: String) -> Int? {
        guard let range = lower.range(of: " by ") else { return nil }
        return lower.distance(from: lower.startIndex, to: range.upperBound)
    }

    func testCharactersThroughByMatchesFoundation() {
        var generator = SplitMix(seed: 41)
        var found = 0, notFound = 0
        for _ in 0..<20000 {
            var text = ""
            text += generator.pieces(upTo: 14, from: Self.pieces)
            let expected = Self.plainCharactersThroughBy(text)
            XCTAssertEqual(BylineFinder.charactersThroughBy(text), expected, text.debugDescription)
            if expected == nil { notFound += 1 } else { found += 1 }
        }
        XCTAssertGreaterThan(found, 1000)
        XCTAssertGreaterThan(notFound, 1000)
    }

    /// Paragraphs for pages with repeats: some equal only as `String`s (another Unicode form), some sharing
    /// their first and last sixteen bytes and their length.
    private static let paragraphs: [String] = [
        "The council said on Tuesday that the ferry to Vélanne would run again from the first of the month.",
        "The council said on Tuesday that the ferry to Ve\u{301}lanne would run again from the first of the month.",
        "The council said on Tuesday that the lorry to Vélanne would run again from the first of the month.",
        "The council said on Tuesday that the ferry to Vélanne would run again from the third of the month.",
        "“We will not wait,” said the mayor, Ångström, as the crowd gathered outside the hall on Friday.",
        "“We will not wait,” said the mayor, A\u{30A}ngstro\u{308}m, as the crowd gathered outside the hall on Friday.",
        "Prices of bread and milk rose by a tenth in the year to March, the statistics office reported.",
        "Prices of bread and milk fell by a tenth in the year to March, the statistics office reported.",
        "Короче говоря, министр сказал, что мост откроют до конца года и что денег хватит.",
        "Share", "Home", "www.example.com/news", "Read more about the ferry", "1", "Chevrolet",
    ]

    /// `RepeatDetector.repeats` as it was before long blocks were sampled: every long block's `TextKey` in a set.
    private static func plainRepeats(_ blocks: [TextBlock], _ features: [BlockFeatures], sentenceHashes: [Int]) -> [Int: String] {
        var found: [Int: String] = [:]
        var shortCounts = [TextKey: Int]()
        var shortKeys = [Int: TextKey]()
        for block in blocks where features[block.index].wordCount <= 4 && features[block.index].wordCount > 0 {
            let key = TextKey(block.text)
            shortKeys[block.index] = key
            shortCounts[key, default: 0] += 1
        }
        if shortCounts.values.contains(where: { $0 >= 3 }) {
            for block in blocks where !features[block.index].endsLikeSentence {
                let key = shortKeys[block.index] ?? TextKey(block.text)
                if (shortCounts[key] ?? 0) >= 3 { found[block.index] = RepeatDetector.repeatedLabel }
            }
        }
        var seen = Set<Int>()
        var texts = Set<TextKey>()
        for block in blocks {
            let feature = features[block.index]
            if found[block.index] != nil { continue }
            if feature.wordCount <= 3, RepeatDetector.isURL(block.text) {
                found[block.index] = "a bare URL"
                continue
            }
            guard feature.wordCount >= 8 else { continue }
            if !texts.insert(TextKey(block.text)).inserted {
                found[block.index] = "repeats a paragraph shown earlier on the page"
                continue
            }
            let sentences = sentenceHashes[feature.sentences]
            let known = sentences.filter { seen.contains($0) }.count
            if sentences.count >= 3 && known * 2 > sentences.count {
                found[block.index] = "repeats text shown earlier on the page"
            }
            seen.formUnion(sentences)
        }
        return found
    }

    func testSampledRepeatsMatchThePlainSet() {
        var generator = SplitMix(seed: 43)
        var repeatsFound = 0
        for _ in 0..<400 {
            let text = (0..<(1 + generator.below(14))).map { _ in Self.paragraphs[generator.below(Self.paragraphs.count)] }
                .joined(separator: "\n\n")
            let blocks = BlockSplitter.split(text)
            var hashes = BlockHashes()
            let features = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: LoweredOpening.scratchCapacity) { scratch in
                blocks.map { BlockFeatures($0, boilerplate: .none, hashes: &hashes, scratch: scratch) }
            }
            let expected = Self.plainRepeats(blocks, features, sentenceHashes: hashes.sentences)
            XCTAssertEqual(RepeatDetector.repeats(blocks, features, sentenceHashes: hashes.sentences), expected, text)
            repeatsFound += expected.values.filter { $0 == "repeats a paragraph shown earlier on the page" }.count
        }
        XCTAssertGreaterThan(repeatsFound, 300)
    }

    func testSampledDigestIsEqualForEqualTexts() {
        var generator = SplitMix(seed: 47)
        let pieces = ["a", " ", "é", "e\u{301}", "Å", "A\u{30A}", "\u{212B}", "K", "\u{212A}", "“", "—", "ж", "日", "😀",
                      "\u{0344}", "\u{0308}\u{0301}", "ﬁ", "\u{2000}", "\u{2002}", "\u{2070}", "x", "Lorem ipsum dolor sit amet"]
        var unequal = 0
        for _ in 0..<5000 {
            let left = (0..<generator.below(30)).map { _ in pieces[generator.below(pieces.count)] }.joined()
            let right = (0..<generator.below(30)).map { _ in pieces[generator.below(pieces.count)] }.joined()
            for text in [left, right] {
                let bytes = Array(text.utf8)
                XCTAssertEqual(bytes.withUnsafeBufferPointer { TextKey.isNFCAsItIs($0) },
                               text.unicodeScalars.allSatisfy { TextKey.isNormalizedAnywhere($0.value) }, text.debugDescription)
            }
            // The same text in its decomposed and composed forms, and two texts that may differ.
            let decomposed = String(decoding: Array(left.decomposedStringWithCanonicalMapping.utf8), as: UTF8.self)
            let composed = String(decoding: Array(left.precomposedStringWithCanonicalMapping.utf8), as: UTF8.self)
            XCTAssertEqual(TextKey.sampledDigest(left), TextKey.sampledDigest(decomposed), left.debugDescription)
            XCTAssertEqual(TextKey.sampledDigest(left), TextKey.sampledDigest(composed), left.debugDescription)
            if left == right {
                XCTAssertEqual(TextKey.sampledDigest(left), TextKey.sampledDigest(right))
            } else if TextKey.sampledDigest(left) != TextKey.sampledDigest(right) {
                unequal += 1
            }
        }
        XCTAssertGreaterThan(unequal, 4000)
    }
}
