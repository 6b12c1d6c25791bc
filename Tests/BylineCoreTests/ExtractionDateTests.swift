import XCTest
@testable import BylineCore

/// Publication dates in common formats, as ISO 8601.
final class ExtractionDateTests: XCTestCase {
    func testFormats() {
        let cases: [(String, String?)] = [
            ("Wednesday 20 November 2019 11:42, UK", "2019-11-20T11:42"),
            ("Published on March 30, 2022", "2022-03-30"),
            ("2022-03-30", "2022-03-30"),
            ("30 Mar 2022 10:15 IST", "2022-03-30T10:15"),
            ("- Nov. 18th 2019 8:54 am PT", "2019-11-18T08:54"),
            ("Monday, November 18, 2019, 04:05 pm PT", "2019-11-18T16:05"),
            ("Von Jana Berg publiziert am 25. September 2018", "2018-09-25"),
            ("Текст: Анна Петрова · 24 сентября 2018", "2018-09-24"),
            ("sexta-feira, 22 de outubro de 2010 às 20:13", "2010-10-22T20:13"),
            ("21:17 18.11.2019", "2019-11-18T21:17"),
            ("11/20/19 6:38 AM", "2019-11-20T06:38"),
            ("2019-11-13T23:06:00+01:00", "2019-11-13T23:06"),
            ("PUBLISHED: 10:48, Tue, Nov 19, 2019", "2019-11-19T10:48"),
            ("13 minutes ago", nil),
            ("Subscribe to our newsletter", nil),
        ]
        for (text, expected) in cases {
            XCTAssertEqual(DateParser.parse(text), expected, text)
        }
    }

    func testRelativeAgeIsNeverThePublicationDate() {
        let result = Extractor().extract("""
            Canal Boat Hire Season Opens Early This Spring

            2 hours ago

            The boat yard opened for hire two weeks earlier than usual on Saturday after a mild winter left the canal free of ice.

            Bookings for the summer are already close to the level of last year, the owners said.
            """)
        XCTAssertNil(result.published)
    }
}
