import XCTest
@testable import BylineCore

final class SourceResolverTests: XCTestCase {
    private func resolveAll(_ paths: [String]) throws -> [String: (String, SourceRule)] {
        let walk = try FileWalker.walk(paths)
        let loader = ArticleLoader()
        var sources: [String: (String, SourceRule)] = [:]
        for file in walk.files {
            guard case .success(let loaded) = loader.readText(file) else { continue }
            sources[(file.path as NSString).lastPathComponent] =
                SourceResolver.resolve(file, text: file.folders.isEmpty ? loaded.text : nil)
        }
        return sources
    }

    func testSidecarSourceFieldWinsOverEverything() throws {
        let folder = try TemporaryFolder(self)
        try folder.write("collection/site.example/a.txt", "Text linking https://other.example/page")
        try folder.write("collection/site.example/a.json", #"{"source": "The Harbour Gazette", "url": "https://www.bbc.co.uk/x"}"#)

        let sources = try resolveAll([folder.path + "/collection"])

        XCTAssertEqual(sources["a.txt"]?.0, "The Harbour Gazette")
        XCTAssertEqual(sources["a.txt"]?.1, .sidecarSource)
    }

    func testSidecarURLGivesItsHostWithoutWWW() throws {
        let folder = try TemporaryFolder(self)
        try folder.write("collection/folder-name/a.txt", "Body")
        try folder.write("collection/folder-name/a.json", #"{"url": "https://www.bbc.co.uk/x", "source": "  "}"#)
        try folder.write("collection/b.txt", "Body")
        try folder.write("collection/b.json", #"{"url": "http://News.Example.ORG:8080/2026/story?id=1"}"#)

        let sources = try resolveAll([folder.path + "/collection"])

        XCTAssertEqual(sources["a.txt"]?.0, "bbc.co.uk")
        XCTAssertEqual(sources["a.txt"]?.1, .sidecarURL)
        XCTAssertEqual(sources["b.txt"]?.0, "news.example.org")
    }

    func testBrokenSidecarIsIgnored() throws {
        let folder = try TemporaryFolder(self)
        try folder.write("collection/site.example/a.txt", "Body")
        try folder.write("collection/site.example/a.json", "{not json")
        try folder.write("collection/site.example/b.txt", "Body")
        try folder.write("collection/site.example/b.json", #"["a list"]"#)

        let sources = try resolveAll([folder.path + "/collection"])

        XCTAssertEqual(sources["a.txt"]?.0, "site.example")
        XCTAssertEqual(sources["b.txt"]?.0, "site.example")
    }

    func testFirstFolderBelowThePathGiven() throws {
        let folder = try TemporaryFolder(self)
        try folder.write("corpus/www.example.com/2026/03/a.txt", "Body with https://elsewhere.example/x")

        let sources = try resolveAll([folder.path + "/corpus"])

        XCTAssertEqual(sources["a.txt"]?.0, "www.example.com")
        XCTAssertEqual(sources["a.txt"]?.1, .folder)
    }

    func testURLOfTheArticlesOwnSiteInItsText() throws {
        let folder = try TemporaryFolder(self)
        try folder.write("loose/canonical.txt", """
            HEADLINE

            Body text citing https://statistics.example/report once.

            Read more at https://www.harbourgazette.example/local/ferry and https://harbourgazette.example/about.
            """)
        try folder.write("loose/shared.txt", """
            HEADLINE

            Body text citing https://statistics.example/report and https://statistics.example/table.

            Share: https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fwww.valleyledger.example%2F2026%2Freservoirs
            Tweet: https://twitter.com/intent/tweet?text=Reservoirs&url=https%3A%2F%2Fvalleyledger.example%2F2026%2Freservoirs
            """)
        try folder.write("loose/plain.txt", "A story with no links at all.")

        let sources = try resolveAll([folder.path + "/loose"])

        XCTAssertEqual(sources["canonical.txt"]?.0, "harbourgazette.example")
        XCTAssertEqual(sources["canonical.txt"]?.1, .urlInText)
        // The share links name the article's own site even though another host appears more often.
        XCTAssertEqual(sources["shared.txt"]?.0, "valleyledger.example")
        XCTAssertEqual(sources["shared.txt"]?.1, .urlInText)
        XCTAssertEqual(sources["plain.txt"]?.0, "loose")
        XCTAssertEqual(sources["plain.txt"]?.1, .parentFolder)
    }

    func testFileGivenByNameTakesItsParentFolder() throws {
        let folder = try TemporaryFolder(self)
        let file = try folder.write("northlight/story.txt", "No links here.")

        let sources = try resolveAll([file])

        XCTAssertEqual(sources["story.txt"]?.0, "northlight")
        XCTAssertEqual(sources["story.txt"]?.1, .parentFolder)
    }

    func testHostOfURL() {
        XCTAssertEqual(SourceResolver.host(ofURL: "https://www.bbc.co.uk/x"), "bbc.co.uk")
        XCTAssertEqual(SourceResolver.host(ofURL: "HTTPS://WWW.Example.COM"), "example.com")
        XCTAssertEqual(SourceResolver.host(ofURL: "http://user:pw@news.example:8080/a?b#c"), "news.example")
        XCTAssertEqual(SourceResolver.host(ofURL: "https://site.example."), "site.example")
        XCTAssertEqual(SourceResolver.host(ofURL: "https://site.example”"), "site.example")
        XCTAssertNil(SourceResolver.host(ofURL: "https://localhost/x"))
        XCTAssertNil(SourceResolver.host(ofURL: "ftp://files.example/x"))
        XCTAssertNil(SourceResolver.host(ofURL: "not a url"))
    }

    func testSiteHostInText() {
        XCTAssertNil(SourceResolver.siteHost(inText: "Follow us on https://facebook.com/ourpage and https://t.co/abc"))
        XCTAssertEqual(SourceResolver.siteHost(inText: "(https://a.example/1) “https://b.example/2” https://b.example/3"), "b.example")
        XCTAssertEqual(
            SourceResolver.siteHost(inText: "https://m.facebook.com/sharer.php?u=https://www.site.example/x&t=Title https://other.example"),
            "site.example")
    }

    func testParentFolderNameResolvesDots() {
        XCTAssertEqual(SourceResolver.parentFolderName(of: "/data/sites/../news/./a.txt"), "news")
        XCTAssertEqual(SourceResolver.parentFolderName(of: "/a.txt"), "(root)")
    }

    func testPrintableASCIIFolderNamesAreAlreadySanitised() {
        var random = SplitMix(seed: 7)
        for _ in 0..<2_000 {
            let name = String((0..<Int.random(in: 1...20, using: &random)).map { _ in
                Character(Unicode.Scalar(UInt8.random(in: 0x20...0x7E, using: &random)))
            })
            XCTAssertEqual(TextSanitizer.sanitizeLine(name), name)
        }
    }

    func testTheWalkTellsWhichFilesMayHaveASidecar() throws {
        let folder = try TemporaryFolder(self)
        try folder.write("site/a.txt", "Headline\n\nBody text of the article.")
        try folder.write("site/a.json", #"{"source": "Sidecar Site"}"#)
        try folder.write("site/b.txt", "Headline\n\nBody text of the article.")
        try folder.write("site/c.json.txt", "Headline\n\nBody text of the article.")
        let files = try FileWalker.walk([folder.path]).files
        XCTAssertEqual(files.map(\.mayHaveSidecar), [true, false, false])
        XCTAssertEqual(files.map { SourceResolver.resolve($0, text: nil).0 }, ["Sidecar Site", "site", "site"])
    }
}
