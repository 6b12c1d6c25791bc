import Foundation
import XCTest
@testable import BylineCore

/// `RelativeAge`'s one pass over the bytes and `BytePatterns.isWhole`'s pair filter against the plain code they
/// stand for.
final class ExtractionRelativeAgeTests: XCTestCase {
    func testOnePassAgreesWithTheWordList() {
        let pool = [
            "5", "12", "٣", "²", "minutes", "hours", "days", "ago", "назад", "минут", "дней", "vor", "the", "council",
            "updated", "min", "hr", "yesterday", "x", "a5", "5a", "—", ",", "2 days", "1 hour", "é", "dias", "agora",
            "hierarchy", "shier", "ontem", "gestern", "saga",
        ]
        var generator = SplitMix(seed: 83)
        var matched = 0, longUnmatched = 0, longMatched = 0, byBytes = 0
        for _ in 0..<6000 {
            let count = 1 + generator.below(9)
            let text = (0..<count).map { _ in pool[generator.below(pool.count)] }
                .joined(separator: generator.next() % 4 == 0 ? ", " : " ")
            let words = WordScanner.words(text)
            let expected = RelativeAge.matches(words)
            XCTAssertEqual(UTF8Text.withBytes(text) { RelativeAge.matches($0, isNFC: LoweredOpening.isNFC($0)) }, expected, text)
            guard let value = UTF8Text.withBytes(text, { LoweredOpening.isNFC($0) ? RelativeAge.matches($0, isNFC: true) : nil })
            else { continue }
            byBytes += 1
            XCTAssertEqual(value, expected, text)
            if expected { matched += 1 }
            if words.count > 4 { if expected { longMatched += 1 } else { longUnmatched += 1 } }
        }
        XCTAssertGreaterThan(byBytes, 3000)
        XCTAssertGreaterThan(matched, 500)
        XCTAssertGreaterThan(longMatched, 200)
        XCTAssertGreaterThan(longUnmatched, 200)
    }

    func testOccursIsASearchForEachPattern() {
        let sets = [
            ["a", "ago", "(c) ", "©", "x\u{0}"], ["ago", "hier", "ontem"], ["ab", "bca", "(ap)", " photo: "], ["©"],
        ]
        let alphabet: [UInt8] = [0x61, 0x62, 0x63, 0x67, 0x6F, 0x68, 0x69, 0x65, 0x72, 0x00, 0xC2, 0xA9, 0x28, 0x29,
                                 0x20, 0x70, 0x3A, 0x74, 0x6E, 0x6D]
        var generator = SplitMix(seed: 97)
        var found = 0, missed = 0
        for members in sets {
            let patterns = BytePatterns(members)
            let needles = members.map { Array($0.utf8) }
            for _ in 0..<6000 {
                var text = (0..<generator.below(14)).map { _ in alphabet[generator.below(alphabet.count)] }
                if generator.next() % 3 == 0, !text.isEmpty {
                    let needle = needles[generator.below(needles.count)]
                    text.insert(contentsOf: needle, at: generator.below(text.count + 1))
                }
                let expected = needles.contains { needle in
                    text.count >= needle.count && (0...(text.count - needle.count)).contains { Array(text[$0..<($0 + needle.count)]) == needle }
                }
                XCTAssertEqual(text.withUnsafeBufferPointer { patterns.occurs(in: $0) }, expected, "\(members) in \(text)")
                if expected { found += 1 } else { missed += 1 }
            }
        }
        XCTAssertGreaterThan(found, 2000)
        XCTAssertGreaterThan(missed, 2000)
    }

    func testASCIIWithoutDigitByLanes() {
        var generator = SplitMix(seed: 101)
        let alphabet: [UInt8] = [0x61, 0x20, 0x2F, 0x30, 0x39, 0x3A, 0x7F, 0x80, 0xD0, 0xBD, 0x5A]
        var yes = 0
        for _ in 0..<5000 {
            let text = (0..<generator.below(24)).map { _ in
                generator.next() % 4 == 0 ? alphabet[generator.below(alphabet.count)] : 0x62
            }
            let expected = text.allSatisfy { $0 < 0x80 && !($0 >= 0x30 && $0 <= 0x39) }
            XCTAssertEqual(text.withUnsafeBufferPointer { RelativeAge.isASCIIWithoutDigit($0) }, expected, "\(text)")
            if expected { yes += 1 }
        }
        XCTAssertGreaterThan(yes, 500)
        XCTAssertGreaterThan(5000 - yes, 500)
    }

    func testWholeMatchIsSetMembership() {
        let members = ["a", "ago", "назад", "hr", "hrs", "©", "(c) ", "x\u{0}"]
        let patterns = BytePatterns(members)
        let set = Set(members.map { Array($0.utf8) })
        var generator = SplitMix(seed: 89)
        var found = 0
        var texts = members.map { Array($0.utf8) }
        let alphabet: [UInt8] = [0x61, 0x67, 0x6F, 0x68, 0x72, 0x73, 0x78, 0x00, 0xC2, 0xA9, 0xD0, 0xBD, 0x28, 0x63, 0x29, 0x20]
        for _ in 0..<20000 {
            texts.append((0..<generator.below(5)).map { _ in alphabet[generator.below(alphabet.count)] })
        }
        for text in texts {
            let whole = text.withUnsafeBufferPointer { patterns.isWhole($0) }
            XCTAssertEqual(whole, set.contains(text), "\(text)")
            if whole { found += 1 }
        }
        XCTAssertGreaterThan(found, 100)
    }
}
