import BylineCore
import BylineView

/// One fuzz input taken through everything untrusted bytes meet: decode → sanitise → extract → reader layout → cells.
/// Invariants that must hold for any input are checked with `precondition`, so a violation is a finding, not a pass.
enum FuzzPipeline {
    static let extractor = Extractor()

    static func run(_ bytes: [UInt8]) {
        // The first byte picks the pane size, so one input exercises narrow and wide layouts alike.
        let selector = Int(bytes.first ?? 0)
        let width = 1 + selector % 97
        let height = 1 + (selector / 97) % 7

        let decoded = TextDecoder.decode(bytes)
        let text = TextSanitizer.sanitize(decoded.text)
        for scalar in text.unicodeScalars {
            let value = scalar.value
            precondition(value == 0x0A || !(value < 0x20 || (0x7F...0x9F).contains(value)), "control survived sanitising")
            precondition(!TextSanitizer.isInvisible(scalar), "invisible character survived sanitising")
        }

        let extraction = extractor.extract(text)
        let article = Article(
            id: ArticleID(value: 1), path: "fuzz/input.txt", source: "fuzz.example",
            title: extraction.title, byline: extraction.byline, section: extraction.section,
            dateline: extraction.dateline, published: extraction.published,
            paragraphs: extraction.paragraphs, captions: extraction.captions,
            notices: decoded.notice.map { [$0] } ?? [], byteCount: bytes.count)

        var buffer = CellBuffer(width: width, height: height)
        let lines = ReaderDocument.lines(for: article, width: width)
        for (row, line) in lines.enumerated() {
            if DisplayWidth.of(line.text) > width { FuzzFindings.overWideLine(line.text, width: width) }
            var column = 0
            for span in line.spans {
                column = buffer.write(span.text, x: column, y: row % height, style: Style())
            }
            precondition(column <= width, "a write ran past the buffer")
        }
        // The list row and status line see titles and paths through the same writer.
        buffer.write(TextSanitizer.sanitizeLine(article.displayTitle), x: 0, y: 0, style: Style())
        buffer.write(DisplayWidth.fit(article.displayTitle, to: width), x: 0, y: height - 1, style: Style())
        for y in 0..<height {
            precondition(DisplayWidth.of(buffer.rowText(y)) <= width, "a row is wider than the buffer")
        }
    }
}
