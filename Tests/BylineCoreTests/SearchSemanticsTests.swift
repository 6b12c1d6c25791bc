import XCTest
@testable import BylineCore

/// The search rule: every typed word begins a word of the title or body, ignoring case, accents and width;
/// quoted phrases match as written from a word start; CJK, kana and hangul characters each start a word.
final class SearchSemanticsTests: XCTestCase {
    private func finds(_ search: String, _ title: String, _ body: String = "") -> Bool {
        let entry = StoredArticle(Article(id: ArticleID(absolutePath: "/s/\(title).txt"), path: "/s/\(title).txt",
                                          source: "s", title: title, paragraphs: body.isEmpty ? [] : [Paragraph(body)]))
        let viaQuery = !ArticleQuery(search: search).apply(to: [entry]).isEmpty
        XCTAssertEqual(viaQuery, SearchTerms(search).matches(entry.searchText), "\(search) in \(title) \(body)")
        return viaQuery
    }

    func testWordsMatchAtTheStartOfAWord() {
        XCTAssertTrue(finds("kyi", "Talks in Kyiv"))
        XCTAssertTrue(finds("kyiv", "Talks in Kyiv"))
        XCTAssertFalse(finds("yiv", "Talks in Kyiv"))
        XCTAssertFalse(finds("rain", "War in Ukraine"))
        XCTAssertTrue(finds("rain", "War in Ukraine", "Heavy rainfall."))
        XCTAssertTrue(finds("ukr war", "War in Ukraine"))
        XCTAssertFalse(finds("ukr peace", "War in Ukraine"))
        XCTAssertTrue(finds("s", "Mayor’s office"))
        XCTAssertTrue(finds("19", "covid-19 wave"))
        XCTAssertTrue(finds("covid-1", "covid-19 wave"))
        XCTAssertFalse(finds("vid-19", "covid-19 wave"))
    }

    func testCaseAccentsAndWidthAreIgnored() {
        XCTAssertTrue(finds("cafe", "Le Café"))
        XCTAssertTrue(finds("CAFÉ", "le cafe"))
        XCTAssertTrue(finds("kyiv", "ｋｙｉｖ today"))
        XCTAssertTrue(finds("ｋｙ", "Kyiv"))
        XCTAssertTrue(finds("київ", "Новини КИЇВ"))
        XCTAssertTrue(finds("zurich", "", "In Zu\u{308}rich."))
        XCTAssertFalse(finds("strasse", "Hauptstrasse 5"))
    }

    func testPhrasesMatchAsWrittenFromAWordStart() {
        XCTAssertTrue(finds("\"prime minister\"", "The Prime  Minister", "the prime minister said"))
        XCTAssertFalse(finds("\"minister prime\"", "", "the prime minister said"))
        XCTAssertTrue(finds("\"prime min\"", "", "the prime minister said"))
        XCTAssertFalse(finds("\"rime minister\"", "", "the prime minister said"))
        XCTAssertTrue(finds("\"minister said\" the", "", "the prime minister said"))
    }

    func testCJKKanaAndHangulMatchAnywhere() {
        XCTAssertTrue(finds("東京", "大東京都"))
        XCTAssertTrue(finds("京", "東京"))
        XCTAssertTrue(finds("カナ", "テストカナダ"))
        XCTAssertTrue(finds("국", "한국어"))
        XCTAssertFalse(finds("大阪", "東京"))
    }

    func testPunctuationAndSymbolsMatchWherever() {
        XCTAssertTrue(finds("“story", "The “story” here"))
        XCTAssertTrue(finds("😀", "smile😀now"))
        XCTAssertTrue(finds("-19", "covid-19"))
    }

    func testTypingAPhraseRefinesOverlappingOccurrences() {
        let texts = ["a a b a a a", "a a b", "a ab a a", "b a a a"]
        let entries = texts.enumerated().map { number, text in
            StoredArticle(Article(id: ArticleID(absolutePath: "/o/\(number)"), path: "/o/\(number)", source: "s",
                                  title: "", paragraphs: [Paragraph(text)]))
        }
        var typed = ""
        for character in "\"a a a\"" {
            typed.append(character)
            let expected = entries.indices.filter { SearchTerms(typed).matches(entries[$0].searchText) }
            XCTAssertEqual(ArticleQuery(search: typed, sort: .path).apply(to: entries).sorted(), expected, typed)
        }
        XCTAssertEqual(ArticleQuery(search: "\"a a a\"", sort: .path).apply(to: entries).sorted(), [0, 3])
        XCTAssertEqual(ArticleQuery(search: "\"a a b\"", sort: .path).apply(to: entries).sorted(), [0, 1])
    }

    func testMatchRangesAreWordStartsOnly() {
        let folded = Array("rain in ukraine, rainfall".utf8)
        XCTAssertEqual(SearchTerms.matchRanges(of: ["rain"], inFolded: folded), [0..<4, 17..<21])
    }
}
