import XCTest
@testable import BylineCore

/// An article keeps its text once, folded, plus patches: the paragraphs given back must be exactly the ones
/// given, and the folded bytes exactly what `TextFolding` gives.
final class ArticleTextTests: XCTestCase {
    /// Scalars from the scripts and forms that folding changes or keeps.
    private static let pieces: [String] = [
        "a", "Z", "Q", " ", " ", "\n", "é", "É", "e\u{301}", "\u{301}", "\u{308}", "ß", "ẞ", "ﬁ", "Ǆ", "İ", "ı", "Σ", "ς",
        "Київ", "КИЇВ", "東京", "ｋｙｉｖ", "ＡＢＣ", "１２", "ｶﾞ", "가", "ᄀ", "😀", "👍🏽", "⬇️", "e\u{FE0F}", "—", "“", "’",
        "Ø", "Å", "ﬀ", "Ⅻ", "①", "\u{200D}", "\u{0}", "\t", "\u{10FFFF}", "\u{E0100}", "ǅ", "ΐ", "ὒ", "Ⓐ",
    ]

    private func randomText(_ random: inout SplitMix, maxPieces: Int) -> String {
        let count = Int.random(in: 0...maxPieces, using: &random)
        var text = ""
        for _ in 0..<count {
            if Bool.random(using: &random), let scalar = Unicode.Scalar(UInt32.random(in: 0x20...0x2FFFF, using: &random)) {
                text.unicodeScalars.append(scalar)
            } else {
                text += Self.pieces.randomElement(using: &random)!
            }
        }
        return text
    }

    func testParagraphsComeBackExactlyFromRandomUnicodeText() {
        var random = SplitMix(seed: 11)
        for _ in 0..<400 {
            let title = randomText(&random, maxPieces: 6)
            let kinds: [Paragraph.Kind] = [.body, .quote, .subhead]
            let paragraphs = (0..<Int.random(in: 0...5, using: &random)).map { _ in
                Paragraph(randomText(&random, maxPieces: 30), kind: kinds.randomElement(using: &random)!)
            }
            let article = Article(id: ArticleID(absolutePath: "/t/a.txt"), path: "/t/a.txt", source: "t", title: title,
                                  paragraphs: paragraphs)
            XCTAssertEqual(article.paragraphs, paragraphs)
            XCTAssertEqual(article.markHash, MarkKey(article).value)
            XCTAssertEqual(Array(article.body.utf8), Array(paragraphs.map(\.text).joined(separator: "\n\n").utf8))
            var expected = TextFolding.foldedUTF8(title) + [0x0A]
            for (index, paragraph) in paragraphs.enumerated() {
                if index > 0 { expected += [0x0A, 0x0A] }
                expected += TextFolding.foldedUTF8(paragraph.text)
            }
            XCTAssertEqual(StoredArticle(article).searchBytes, expected)
        }
    }

    func testEnglishTextNeedsFewPatchBytes() {
        let paragraph = String(repeating: "The Mayor of Kyiv said the café would reopen in May. ", count: 40)
        let text = ArticleText(title: "Title", paragraphs: [Paragraph(paragraph)])
        let original = paragraph.utf8.count
        XCTAssertEqual(text.folded.count - text.bodyStart, original - 40)
        XCTAssertEqual(text.paragraphs(), [Paragraph(paragraph)])
        XCTAssertEqual(String(decoding: text.originalBody(), as: UTF8.self), paragraph)
    }

    func testArticlesCompareByTheirText() {
        func article(_ body: String) -> Article {
            Article(id: ArticleID(absolutePath: "/t/a.txt"), path: "/t/a.txt", source: "t", title: "T", paragraphs: [Paragraph(body)])
        }
        XCTAssertEqual(article("Café"), article("Café"))
        XCTAssertNotEqual(article("Café"), article("cafe"))
        XCTAssertNotEqual(article("Kyiv"), article("kyiv"))
    }
}
