import Foundation
import XCTest
@testable import BylineCore

/// `TitleFinder.OpeningWords` keeps only the headline candidates' words that the body's opening holds; asked about
/// any content word of a candidate block it must answer as a set of the whole opening would.
final class ExtractionOpeningWordsTests: XCTestCase {
    /// The plain opening `OpeningWords` stands for: the content words of the blocks read from `start`, prose or of
    /// three lines or more, until they hold 300 long words.
    private func openingHashes(
        _ blocks: [TextBlock], _ features: [BlockFeatures], _ classes: [InitialClass], _ contentWordHashes: [UInt64],
        from start: Int
    ) -> [UInt64] {
        var words: [UInt64] = []
        var counted = 0
        for index in start..<blocks.count where classes[index] == .prose || blocks[index].lines.count >= 3 {
            words.append(contentsOf: contentWordHashes[features[index].contentWords])
            counted += features[index].longWordsByCharacter
            if counted >= 300 { break }
        }
        return words
    }

    private func check(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> (asked: Int, found: Int) {
        let blocks = BlockSplitter.split(text)
        var hashes = BlockHashes()
        let features = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: LoweredOpening.scratchCapacity) { scratch in
            blocks.map { BlockFeatures($0, boilerplate: .none, hashes: &hashes, scratch: scratch) }
        }
        let stopWordsApply = Extractor.stopWordsApply(features)
        let classes = features.map { BlockClassifier.classify($0, stopWordsApply: stopWordsApply) }
        var asked = 0, found = 0
        for start in blocks.indices {
            let window = max(0, start - 30)..<min(blocks.count, start + 1)
            let plain = Set(openingHashes(blocks, features, classes, hashes.contentWords, from: start))
            let words = TitleFinder.OpeningWords(blocks, features, classes, hashes.contentWords, from: start, asked: window)
            for index in window where features[index].wordCount <= 30 {
                for hash in hashes.contentWords[features[index].contentWords] {
                    asked += 1
                    let expected = plain.contains(hash)
                    if expected { found += 1 }
                    XCTAssertEqual(words.contains(hash), expected, "block \(index), body from \(start)", file: file, line: line)
                }
            }
        }
        return (asked, found)
    }

    func testAnswersAsASetOfTheWholeOpening() throws {
        var generator = SplitMix(seed: 71)
        let vocabulary = [
            "harbour", "council", "ferry", "winter", "storm", "bridge", "mayor", "budget", "school", "river", "the",
            "and", "of", "night", "market", "station", "flood", "water", "Council", "Harbour", "Ferry", "plans",
        ]
        func sentence(_ words: Int) -> String {
            var text = ""
            for number in 0..<words {
                let word = vocabulary[generator.below(vocabulary.count)]
                text += number == 0 ? word.capitalized : " " + word
            }
            return text + "."
        }
        var totals = (asked: 0, found: 0)
        for round in 0..<12 {
            var blocks: [String] = []
            for _ in 0..<(5 + round) { blocks.append(String(sentence(2 + generator.below(8)).dropLast())) }
            // A first paragraph long enough to pass the 300 words at once, then ordinary ones.
            blocks.append(sentence(round % 3 == 0 ? 700 : 40))
            for _ in 0..<6 { blocks.append((0..<4).map { _ in sentence(12) }.joined(separator: " ")) }
            blocks.append("Share Tweet Email")
            let counts = check(blocks.joined(separator: "\n\n"))
            totals.asked += counts.asked
            totals.found += counts.found
        }
        for name in ["drop-cap", "harbour-news", "lisboa-pt", "river-caps"] {
            let counts = check(try ExtractionFixtures.text(name))
            totals.asked += counts.asked
            totals.found += counts.found
        }
        // Both answers occur, so a set that answered always the same would fail.
        XCTAssertGreaterThan(totals.found, 100)
        XCTAssertGreaterThan(totals.asked - totals.found, 100)
    }
}
