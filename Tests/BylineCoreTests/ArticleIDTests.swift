import BylineCore
import Foundation
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

    /// Ids are stored in marks files: hashing the path's bytes directly must give the id the UTF8View gave.
    @Test(arguments: ["/news/a.txt", "", "/home/jö/Новости/日本 語.txt", String(repeating: "/deep", count: 60)])
    func theIDIsTheHashOfThePathsUTF8(path: String) {
        let expected = FNV1a.hash(Array(path.utf8)) & 0xFFFF_FFFF_FFFF
        #expect(ArticleID(absolutePath: path).value == expected)
        // A string that does not lend contiguous UTF-8 storage takes the copying path.
        let bridged = String(NSString(string: path))
        #expect(ArticleID(absolutePath: bridged).value == expected)
    }

    @Test func aKnownPathKeepsItsID() {
        // FNV-1a of the bytes, worked out apart from the code (marks files written earlier hold this id).
        #expect(ArticleID(absolutePath: "/news/a.txt").description == "1435ce3db377")
    }
}
