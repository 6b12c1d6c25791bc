import XCTest
@testable import BylineCore

/// `ArticleText` folds most paragraphs by copying them whole and lower-casing capitals in place, and the rest
/// run by run: both must write the folded bytes and the patch records a plain scalar-by-scalar writer gives.
final class ArticleTextFoldTests: XCTestCase {
    /// Mostly what the copying path takes (ASCII, capitals, characters folding keeps), now and then one it
    /// does not (accents, width, marks), at any offset.
    private static let pieces = [
        "plain words ", "The ", "KYIV", "A", "B.", "x", " ", "\n", "—", "“", "’", "東京", "😀", "Київ", "가",
        "12", "Z", "Ab", "QQQQQQQQQ", "mid-Word",
    ]
    private static let rare = ["é", "É", "\u{301}", "ß", "ｋ", "ﬁ", "Ⓐ", "e\u{301}", "КИЇВ"]

    /// The records of `ArticleText.patches`, written scalar by scalar from `TextFolding.step`.
    /// The article text of `title` and `paragraphs` holds the folded bytes and patches a scalar-by-scalar writer
    /// gives, and gives its paragraphs back.
    private func assertFoldsAsScalarByScalar(
        title: String, _ paragraphs: [String], file: StaticString = #filePath, line: UInt = #line
    ) {
        let text = ArticleText(title: title, paragraphs: paragraphs.map { Paragraph($0) })
        var expected = TextFolding.foldedUTF8(title) + [0x0A]
        for (index, paragraph) in paragraphs.enumerated() {
            if index > 0 { expected += [0x0A, 0x0A] }
            expected += TextFolding.foldedUTF8(paragraph)
        }
        XCTAssertEqual(text.folded, expected, paragraphs.debugDescription, file: file, line: line)
        XCTAssertEqual(text.patches, referencePatches(paragraphs, bodyStart: text.bodyStart), paragraphs.debugDescription,
                       file: file, line: line)
        XCTAssertEqual(text.paragraphs().map(\.text), paragraphs, file: file, line: line)
    }

    private func referencePatches(_ paragraphs: [String], bodyStart: Int) -> [UInt8] {
        enum Run { case none, upper(Int, Int), other(Int, Int, [UInt8]) }
        var patches: [UInt8] = []
        var position = bodyStart, lastEnd = bodyStart
        var run = Run.none
        func varint(_ value: Int) {
            var rest = value
            while rest >= 0x80 {
                patches.append(UInt8(rest & 0x7F) | 0x80)
                rest >>= 7
            }
            patches.append(UInt8(rest))
        }
        func flush() {
            switch run {
            case .none: break
            case .upper(let start, let length):
                varint(start - lastEnd)
                varint(length << 1)
                lastEnd = start + length
            case .other(let start, let length, let original):
                varint(start - lastEnd)
                varint(length << 1 | 1)
                varint(original.count)
                patches += original
                lastEnd = start + length
            }
            run = .none
        }
        for (number, paragraph) in paragraphs.enumerated() {
            if number > 0 { position += 2 }
            Array(paragraph.utf8).withUnsafeBufferPointer { bytes in
                var index = 0
                while index < bytes.count {
                    let step = TextFolding.step(bytes, at: index, table: FoldTable.shared)
                    let original = Array(bytes[index..<(index + step.length)])
                    var foldedLength = 0
                    switch step {
                    case .keep(let length):
                        flush()
                        position += length
                        index += length
                        continue
                    case .lowerASCII:
                        if case .upper(let start, let length) = run {
                            run = .upper(start, length + 1)
                        } else {
                            flush()
                            run = .upper(position, 1)
                        }
                        position += 1
                        index += 1
                        continue
                    case .mapped(_, let replacement): foldedLength = replacement.count
                    case .dropped: foldedLength = 0
                    }
                    if case .other(let start, let length, let earlier) = run {
                        run = .other(start, length + foldedLength, earlier + original)
                    } else {
                        flush()
                        run = .other(position, foldedLength, original)
                    }
                    position += foldedLength
                    index += step.length
                }
            }
            flush()
        }
        return patches
    }

    func testFoldedBytesAndPatchesMatchAScalarByScalarWriter() {
        var random = SplitMix(seed: 3)
        var copiedWhole = 0
        for _ in 0..<1500 {
            let paragraphs = (0..<(1 + random.below(4))).map { _ in
                var text = ""
                for _ in 0..<random.below(40) {
                    text += random.below(25) == 0 ? Self.rare[random.below(Self.rare.count)] : Self.pieces[random.below(Self.pieces.count)]
                }
                return text
            }
            if paragraphs.contains(where: { text in !Self.rare.contains { text.contains($0) } }) { copiedWhole += 1 }
            assertFoldsAsScalarByScalar(title: "Title", paragraphs)
        }
        XCTAssertGreaterThan(copiedWhole, 500)
    }

    /// Paragraphs that change every few characters: the copy-and-cut-back pass gives up its spare copies
    /// part way through and the rest is found stretch by stretch; both parts must write what the plain writer does.
    func testParagraphsChangedEveryFewCharactersMatchAScalarByScalarWriter() {
        var random = SplitMix(seed: 11)
        for _ in 0..<300 {
            let paragraphs = (0..<(1 + random.below(3))).map { _ in
                var text = ""
                for _ in 0..<(20 + random.below(200)) {
                    text += random.below(3) == 0 ? Self.rare[random.below(Self.rare.count)] : Self.pieces[random.below(Self.pieces.count)]
                }
                return text
            }
            assertFoldsAsScalarByScalar(title: "T", paragraphs)
        }
    }

    /// Long ASCII stretches, which the copying path reads eight bytes a step: a run of capitals (ending inside
    /// a step or crossing into the next), or a character beyond ASCII that the fold keeps or changes, at every
    /// offset and before tails of several lengths must give what the plain writer does.
    func testCapitalsAndWideCharactersAtEveryOffsetOfLongASCIIMatchAScalarByScalarWriter() {
        for offset in 0..<40 {
            for inserted in ["A", "QQ", "ABCDEFG", "ABCDEFGH", "KYIVKYIVKYIVKYIVK", "A b C", "Ab",
                             "—", "東京", "Київ", "é", "É", "\u{301}", "😀"] {
                for tail in [0, 1, 7, 8, 9, 15, 16, 17, 33] {
                    let paragraph = String(repeating: "a", count: offset) + inserted + String(repeating: "b", count: tail)
                    let paragraphs = [paragraph, paragraph + " " + paragraph.uppercased()]
                    assertFoldsAsScalarByScalar(title: "T", paragraphs)
                }
            }
        }
    }
}
