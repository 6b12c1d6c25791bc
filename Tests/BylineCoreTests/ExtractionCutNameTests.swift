import Foundation
import XCTest
@testable import BylineCore

/// `BylineFinder.cutNameByCharacter` takes words one at a time, skips the trimming when neither end is
/// whitespace and asks the cheap questions first; this compares it with the plain code it replaced.
final class ExtractionCutNameTests: XCTestCase {
    private static let separators = StringSet(BylineFinder.separatorWords)
    private static let joiners = StringSet(BylineFinder.joinerWords)

    /// The code before: Foundation's trimming, the whole line split into words, every test in order.
    private static func plainCutName(_ raw: String) -> String {
        var kept: [Substring] = []
        let trimmed: String
        if let first = raw.utf8.first, let last = raw.utf8.last, first < 0x80, last < 0x80,
           first != 0x20, first != 0x09, last != 0x20, last != 0x09 {
            trimmed = raw
        } else {
            trimmed = raw.trimmingCharacters(in: .whitespaces)
        }
        for word in ASCIISplit.split(trimmed, separator: 0x20) {
            if separators.contains(word) || word.hasPrefix("@") || word.hasPrefix("(") { break }
            var piece = word
            var ends = false
            if let last = piece.last, ",|·;".contains(last) { piece = piece.dropLast(); ends = true }
            let lowered = BylineFinder.asciiLowercased(piece)
            let isJoiner = joiners.contains(lowered ?? piece.lowercased())
            guard isJoiner || piece.first?.isUppercase == true || piece.first == "." else { break }
            if !kept.isEmpty, BylineFinder.isMonth(piece, asciiLowercased: lowered) { break }
            if !piece.isEmpty { kept.append(piece) }
            if ends { break }
        }
        while let last = kept.last, joiners.contains(last.lowercased()) { kept.removeLast() }
        if kept.count >= 2, kept.count % 2 == 0, Array(kept[..<(kept.count / 2)]) == Array(kept[(kept.count / 2)...]) {
            kept.removeLast(kept.count / 2)
        }
        return kept.joined(separator: " ")
    }

    private static let pieces: [String] = [
        " ", " ", "  ", "\t", "\u{A0}", "\u{3000}", "\u{2009}", "Zac", "Hall", "Анна", "Иванова", "и", "И", "van",
        "Van", "der", "DE", "et", "y", "and", "AND", "e\u{301}", "É", "Ångström", "\u{212A}elvin", "日本", "東京新聞",
        "記者", "|", "/", "—", "·", "•", "on", "On", "am", "le", "@zac", "(AP)", ",", ";", "·", "|", "Nov.", "Nov", "November",
        "19", "L.", ".", "www.example.com", "\u{301}", "\u{200D}", "\r\n", "👍🏽", "Ⅻ", "ǅ", "İ", "Ü", "und", "UND",
        "del", "DEL", "Sean", "Martin", "\u{600}", "a\u{345}", "ÿ", "Ω", "\u{2126}",
    ]

    func testJoinersAreTheirOwnDecomposition() {
        // `cutNameByCharacter` turns away long words as joiners by counting the joiners' scalars.
        for joiner in BylineFinder.joinerWords {
            XCTAssertEqual(Array(joiner.decomposedStringWithCanonicalMapping.unicodeScalars), Array(joiner.unicodeScalars), joiner)
        }
    }

    func testSimpleNameTableAgreesWithCharacter() {
        for range in [UInt32(0)..<0x530, 0x2000..<0x2060] {
            let table = SimpleName.computeProperties(range)
            for (offset, value) in range.enumerated() {
                XCTAssertEqual(table[offset], SimpleName.characterProperties(value), String(value, radix: 16))
            }
        }
        // The table is not all one value.
        XCTAssertGreaterThan(Set(SimpleName.computeProperties(0..<0x530)).count, 4)
    }

    func testCutNameAgreesWithThePlainCode() {
        var generator = SplitMix(seed: 103)
        var named = 0, empty = 0, bare = 0
        for round in 0..<12000 {
            let count = round % 50 == 0 ? 60 + generator.below(200) : generator.below(9)
            var text = ""
            for _ in 0..<count {
                text += Self.pieces[generator.below(Self.pieces.count)]
                if generator.next() % 2 == 0 { text += " " }
            }
            let expected = Self.plainCutName(text)
            XCTAssertEqual(BylineFinder.cutNameByCharacter(text), expected, text.debugDescription)
            if expected.isEmpty { empty += 1 } else { named += 1 }
            if BylineFinder.bareNameByCharacter(text) != nil { bare += 1 }
        }
        XCTAssertGreaterThan(named, 2000)
        XCTAssertGreaterThan(empty, 2000)
        XCTAssertGreaterThan(bare, 100)
    }
}
