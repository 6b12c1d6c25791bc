import Foundation
import XCTest
@testable import BylineCore

/// `RelativeAge`'s one pass over the bytes and `BytePatterns.isWhole`'s pair filter against the plain code they
/// stand for.
final class ExtractionRelativeAgeTests: XCTestCase {
    func testOnePassAgreesWithTheWordList() {
        let pool = [
            "5", "12", "٣", "²", "minutes", "hours", "days", "ago", "назад", "минут", "дней", "vor", "the", "council",
            "updated", "min", "hr", "yesterday", "x", "a5", "5a", "—", ",", "2 days", "1 hour", "é", "dias",
        ]
        var generator = SplitMix(seed: 83)
        var matched = 0, longUnmatched = 0, longMatched = 0, byBytes = 0
        for _ in 0..<6000 {
            let count = 1 + Int(generator.next() % 9)
            let text = (0..<count).map { _ in pool[Int(generator.next() % UInt64(pool.count))] }
                .joined(separator: generator.next() % 4 == 0 ? ", " : " ")
            let words = WordScanner.words(text)
            let expected = RelativeAge.matches(words)
            XCTAssertEqual(UTF8Text.withBytes(text) { RelativeAge.matches($0) }, expected, text)
            guard let value = UTF8Text.withBytes(text, { RelativeAge.matchesNFC($0) }) else { continue }
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

    func testWholeMatchIsSetMembership() {
        let members = ["a", "ago", "назад", "hr", "hrs", "©", "(c) ", "x\u{0}"]
        let patterns = BytePatterns(members)
        let set = Set(members.map { Array($0.utf8) })
        var generator = SplitMix(seed: 89)
        var found = 0
        var texts = members.map { Array($0.utf8) }
        let alphabet: [UInt8] = [0x61, 0x67, 0x6F, 0x68, 0x72, 0x73, 0x78, 0x00, 0xC2, 0xA9, 0xD0, 0xBD, 0x28, 0x63, 0x29, 0x20]
        for _ in 0..<20000 {
            texts.append((0..<Int(generator.next() % 5)).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] })
        }
        for text in texts {
            let whole = text.withUnsafeBufferPointer { patterns.isWhole($0) }
            XCTAssertEqual(whole, set.contains(text), "\(text)")
            if whole { found += 1 }
        }
        XCTAssertGreaterThan(found, 100)
    }
}
