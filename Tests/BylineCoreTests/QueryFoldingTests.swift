import Foundation
import XCTest
@testable import BylineCore

/// The table-driven fold must agree with Foundation's folding, which it replaces.
final class QueryFoldingTests: XCTestCase {
    private func foundationFold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
    }

    func testAgreesWithFoundationOnMixedText() {
        let samples = [
            "Kyiv", "Zelensky", "café", "CAFÉ", "cafe\u{301}", "Zürich", "São Paulo", "naïve", "ﬁnance", "Straße",
            "ＫＹＩＶ ｔａｌｋｓ", "ΌΣΟΣ", "Київ і Львів", "ПРЕЗИДЕНТ", "東京都は新しい計画", "“quoted” — dash…", "İstanbul",
            "Ǆemal", "Ⅻ", "Ⓐ", "Ångström", "Œuvre", "Ħ", "plain ascii text, 123!",
        ]
        for sample in samples {
            XCTAssertEqual(TextFolding.fold(sample), foundationFold(sample), sample)
        }
    }

    func testAgreesWithFoundationOnEveryLatinGreekAndCyrillicLetter() {
        for value in UInt32(0xC0)...UInt32(0x52F) {
            guard let scalar = Unicode.Scalar(value), scalar.properties.isAlphabetic else { continue }
            let text = "a" + String(Character(scalar)) + "Z"
            XCTAssertEqual(TextFolding.fold(text), foundationFold(text), String(value, radix: 16))
        }
    }

    /// `appendFolded` lower-cases eight ASCII bytes at a time: it must give what folding each scalar by its own
    /// step gives, whatever the offset of the bytes beyond ASCII and the capitals among them.
    func testEightASCIIBytesAtATimeFoldAsScalarByScalar() {
        let pieces = ["a", "Z", "@", "[", "`", "{", " ", "\u{7F}", "\u{1}", "Kyiv ", "QUIET", "12", "é", "É", "\u{301}",
                      "—", "ﬁ", "Київ", "東", "😀", "ｋ"]
        var random = SplitMix(seed: 5)
        for _ in 0..<3000 {
            var text = ""
            text += random.pieces(upTo: 30, from: pieces)
            let bytes = Array(text.utf8)
            var expected: [UInt8] = []
            bytes.withUnsafeBufferPointer { buffer in
                var index = 0
                while index < buffer.count {
                    let step = TextFolding.step(buffer, at: index, table: FoldTable.shared)
                    switch step {
                    case .keep(let length): expected += buffer[index..<(index + length)]
                    case .lowerASCII: expected.append(buffer[index] | 0x20)
                    case .mapped(_, let replacement): expected += FoldTable.shared.pool[replacement]
                    case .dropped: break
                    }
                    index += step.length
                }
            }
            XCTAssertEqual(TextFolding.foldedUTF8(text), expected, text.debugDescription)
        }
    }

    func testAgreesWithFoundationOnTheDevelopmentCorpus() throws {
        guard let shared = PackagePaths.shared else { throw XCTSkip("shared material is absent") }
        let folder = shared + "/corpus/dev/articles"
        guard let names = FileManager.default.enumerator(atPath: folder)?.compactMap({ $0 as? String }) else {
            throw XCTSkip("no development corpus")
        }
        var checked = 0
        for name in names where name.hasSuffix(".txt") {
            guard let text = try? String(contentsOfFile: folder + "/" + name, encoding: .utf8) else { continue }
            for line in text.split(separator: "\n") {
                XCTAssertEqual(TextFolding.fold(String(line)), foundationFold(String(line)), "\(name): \(line)")
            }
            checked += 1
        }
        XCTAssertGreaterThan(checked, 10)
    }
}
