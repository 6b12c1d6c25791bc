import BylineCore
@testable import BylineView

/// Small invented articles for screen tests.
enum Fixtures {
    static func article(_ number: Int, source: String = "harbour.example", title: String? = nil,
                        paragraphs: [String]? = nil, published: String? = nil) -> StoredArticle {
        let body = paragraphs ?? (1...6).map { paragraph in
            "Paragraph \(paragraph) of article \(number): the harbour board met on Tuesday to discuss the new ferry timetable, which residents say leaves the island cut off after dark."
        }
        return StoredArticle(Article(
            id: ArticleID(value: UInt64(number)), path: "samples/\(source)/\(number).txt", source: source,
            title: title ?? "Article number \(number) about the ferry timetable", byline: "Our Correspondent",
            section: "Local", published: published ?? "2024-03-\(String(format: "%02d", 10 + number % 18))",
            paragraphs: body.map { Paragraph($0) }))
    }

    static func snapshot(_ entries: [StoredArticle]) -> StoreSnapshot { StoreSnapshot(entries: entries, isComplete: true) }

    /// A state with `count` articles, sorted by path so row order is predictable.
    static func state(width: Int, height: Int, count: Int = 5, entries: [StoredArticle]? = nil) -> AppState {
        var state = AppState(width: width, height: height, query: ArticleQuery(sort: .path))
        state.receive(snapshot(entries ?? (1...count).map { article($0) }))
        return state
    }
}

extension AppState {
    /// Sends keys as if typed.
    mutating func press(_ keys: Key...) {
        for key in keys { _ = handle(.key(key)) }
    }

    mutating func type(_ text: String) {
        for character in text { _ = handle(.key(.character(character))) }
    }
}

extension CellBuffer {
    /// The row containing `text`, if any.
    func row(containing text: String) -> Int? {
        (0..<height).first { rowText($0).contains(text) }
    }

    /// The column (in cells) where `text` starts on row `y`.
    func column(of text: String, row y: Int) -> Int? {
        var columns: [Int] = []
        var rowString = ""
        for x in 0..<width where !self[x, y].isContinuation {
            for _ in self[x, y].text { columns.append(x) }
            rowString += self[x, y].text
        }
        guard let range = rowString.range(of: text) else { return nil }
        return columns[rowString.distance(from: rowString.startIndex, to: range.lowerBound)]
    }
}
