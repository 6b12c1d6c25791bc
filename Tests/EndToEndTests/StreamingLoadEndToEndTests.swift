import Foundation
import XCTest

/// The reader draws at once on a large folder: the walk and the loading run behind the first screen, which
/// shows what is loaded so far with the progress, and ends with the full count.
final class StreamingLoadEndToEndTests: XCTestCase {
    private static let articleCount = 2_000

    /// Many small articles over a few sites: enough that loading outlasts the first screen, even in a release build.
    private func largeFolder() throws -> ArticleFolder {
        var files: [String: String] = [:]
        for number in 0..<Self.articleCount {
            let site = ["north", "south", "east", "west"][number % 4] + ".example"
            let paragraphs = (1...16).map { paragraph in
                "Paragraph \(paragraph) of report \(number): the ferry board met again to discuss the timetable, the fares and the night crossings that residents of the island have asked for since spring."
            }
            files["\(site)/\(String(format: "%05d", number)).txt"] =
                "Home\n\nNews\n\nReport \(number) on the island ferry timetable\n\nPublished 2024-04-\(String(format: "%02d", 1 + number % 28))\n\n"
                + paragraphs.joined(separator: "\n\n") + "\n\n© 2024 \(site)\n"
        }
        return try ArticleFolder(files)
    }

    func testTheFirstScreenShowsLoadingThenTheFullCount() throws {
        let byline = try BuiltProduct.byline()
        let folder = try largeFolder()
        defer { folder.remove() }
        let session = try TmuxSession(width: 120, height: 40, command: "\(TmuxSession.quote(byline)) \(TmuxSession.quote(folder.url.path)); echo \"EXITED $?\"; sleep 30")
        // Articles listed while loading goes on: the title bar counts them and says it is still loading.
        let early = session.waitFor("articles shown while loading", timeout: 30) { screen in
            let title = screen.components(separatedBy: "\n").first ?? ""
            // A capture can catch a frame half drawn: wait for the list rows too.
            return title.contains("loading") && title.range(of: #"byline · [1-9][0-9,]* articles?"#, options: .regularExpression) != nil
                && screen.contains("Report ")
        }
        XCTAssertTrue(early.contains("▌"), early)
        // The person can browse what is there meanwhile.
        try session.send("Down")
        let done = session.waitFor("loading finished", timeout: 120) { screen in
            let title = screen.components(separatedBy: "\n").first ?? ""
            return title.contains("byline · 2,000 articles") && !title.contains("loading")
        }
        XCTAssertTrue(done.contains("▌"), done)
        try session.send("q")
        XCTAssertTrue(session.waitFor(text: "EXITED").contains("EXITED 0"))
    }

    func testAMissingPathFailsBeforeTheTerminalOpens() throws {
        let byline = try BuiltProduct.byline()
        let folder = try ArticleFolder.three()
        defer { folder.remove() }
        let missing = folder.url.appendingPathComponent("no-such-folder").path
        let session = try TmuxSession(width: 250, height: 30, command:
            "\(TmuxSession.quote(byline)) \(TmuxSession.quote(folder.url.path)) \(TmuxSession.quote(missing)); echo \"EXITED $?\"; sleep 30")
        let screen = session.waitFor(text: "EXITED")
        XCTAssertTrue(screen.contains("byline: no such file or directory: \(missing)"), screen)
        XCTAssertTrue(screen.contains("EXITED 2"), screen)
        XCTAssertEqual(session.display("#{alternate_on}"), "0")
    }
}
