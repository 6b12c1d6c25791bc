import BylineCore
import Testing

/// Article ids are what scripts pass back to `byline show` and `byline mark`, so their text form must round-trip.
@Suite struct ArticleIDTests {
    @Test(arguments: [UInt64(0), 1, 0xABCDEF, 0xFFFF_FFFF_FFFF])
    func textFormRoundTrips(value: UInt64) {
        let id = ArticleID(value: value)
        #expect(id.description.count == 12)
        #expect(ArticleID(id.description) == id)
    }

    @Test func malformedTextIsNotAnID() {
        #expect(ArticleID("xyz") == nil)
        #expect(ArticleID("0123456789abc") == nil)
        #expect(ArticleID("zzzzzzzzzzzz") == nil)
    }

    @Test func theSamePathAlwaysGivesTheSameID() {
        #expect(ArticleID(absolutePath: "/news/a.txt") == ArticleID(absolutePath: "/news/a.txt"))
        #expect(ArticleID(absolutePath: "/news/a.txt") != ArticleID(absolutePath: "/news/b.txt"))
    }
}
