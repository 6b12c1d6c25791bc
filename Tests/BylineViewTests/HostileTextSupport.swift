import BylineCore
@testable import BylineView

/// A small, seeded random source so every property-test failure can be replayed.
struct SeededRandom: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        // SplitMix64.
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}

/// Hostile text pieces (escape sequences, controls, bidi, invisibles, combining floods, wide and odd graphemes)
/// and articles built from them, both through the loader's own decode → sanitise → extract path and raw.
enum HostileText {
    static let pieces: [String] = [
        "\u{1B}[31mred\u{1B}[0m", "\u{1B}]0;stolen title\u{07}", "\u{1B}]52;c;aGVsbG8=\u{07}",
        "\u{1B}]8;;http://evil.example\u{1B}\\link\u{1B}]8;;\u{1B}\\", "\u{1B}P1$r0m\u{1B}\\", "\u{1B}[2J\u{1B}[H",
        "\u{1B}[10;10H", "\u{1B}c", "\u{9B}31m", "\u{9D}0;c1 title\u{9C}", "\u{85}", "\u{07}", "back\u{08}\u{08}\u{08}",
        "over\rprint", "\u{202E}reversed\u{202C}", "\u{2066}isolate\u{2069}", "\u{200B}\u{200C}\u{200D}\u{2060}",
        "\u{FEFF}", "\u{AD}", "e" + String(repeating: "\u{301}", count: 60), "東京の記事", "👩‍👩‍👧‍👦", "🇳🇴",
        "ｆｕｌｌ", "\u{FFFD}", "\u{0}", "\t", "\n", "\n\n", " ", "ferry", "harbour", "timetable", "the", "a",
        String(repeating: "x", count: 300), "\u{1F}", "\u{7F}", "\u{E000}", "\u{10FFFF}",
    ]

    static func text(_ random: inout SeededRandom, pieces count: Int) -> String {
        (0..<count).map { _ in pieces.randomElement(using: &random)! }.joined(separator: Bool.random(using: &random) ? " " : "")
    }

    /// An article as the loader would make it from hostile bytes.
    static func loadedArticle(_ number: Int, _ random: inout SeededRandom) -> StoredArticle {
        let raw = text(&random, pieces: 4) + "\n\n" + (0..<Int.random(in: 1...6, using: &random)).map { _ in
            text(&random, pieces: Int.random(in: 1...40, using: &random))
        }.joined(separator: "\n\n")
        let decoded = TextDecoder.decode(Array(raw.utf8))
        let extraction = Extractor().extract(TextSanitizer.sanitize(decoded.text))
        return StoredArticle(Article(
            id: ArticleID(value: UInt64(number)), path: "hostile/\(number).txt", source: "hostile.example",
            title: extraction.title, byline: extraction.byline, section: extraction.section,
            dateline: extraction.dateline, published: extraction.published, paragraphs: extraction.paragraphs,
            notices: decoded.notice.map { [$0] } ?? []))
    }

    /// An article whose fields were never sanitised: the renderer must still keep the screen inert.
    static func rawArticle(_ number: Int, _ random: inout SeededRandom) -> StoredArticle {
        StoredArticle(Article(
            id: ArticleID(value: UInt64(number)), path: "raw/" + text(&random, pieces: 2) + ".txt",
            source: text(&random, pieces: 2), title: text(&random, pieces: 6), byline: text(&random, pieces: 2),
            published: "2024-05-0\(number % 9 + 1)",
            paragraphs: (0..<3).map { _ in Paragraph(text(&random, pieces: 20)) }, notices: [text(&random, pieces: 2)]))
    }
}

extension CellBuffer {
    /// Why the buffer would not be safe to send to a terminal, or nil: every row exactly `width` columns,
    /// no control character and no bidi override or isolate in any cell. (Other invisibles such as U+00AD
    /// are removed by the loader's sanitiser; the cell buffer itself lets them through, see the issue 7 note.)
    var hostileProblem: String? {
        for y in 0..<height {
            let row = rowText(y)
            if DisplayWidth.of(row) != width { return "row \(y) is \(DisplayWidth.of(row)) columns, not \(width): \(row.debugDescription)" }
            for scalar in row.unicodeScalars {
                let value = scalar.value
                if value < 0x20 || (0x7F...0x9F).contains(value) || (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value) {
                    return "row \(y) holds U+\(String(value, radix: 16, uppercase: true)): \(row.debugDescription)"
                }
            }
        }
        return nil
    }

    /// Columns lost on row `y` by wide graphemes whose continuation cells were overwritten by something else:
    /// the row comes out that many columns too wide. (The signature of `fill` cutting through a wide grapheme,
    /// see the issue 7 note.)
    func danglingWideGraphemes(row y: Int) -> Int {
        var missing = 0
        for x in 0..<width where !self[x, y].isContinuation {
            let graphemeWidth = DisplayWidth.of(self[x, y].text)
            guard graphemeWidth > 1 else { continue }
            let continued = (1..<graphemeWidth).prefix { x + $0 < width && self[x + $0, y].isContinuation }.count
            missing += graphemeWidth - 1 - continued
        }
        return missing
    }
}
