import Foundation
import XCTest
@testable import BylineCore

/// Reads fixtures from the test bundle and finds ../shared beside the package.
enum ExtractionFixtures {
    static func text(_ name: String) throws -> String {
        guard let root = Bundle.module.resourceURL else { throw XCTSkip("no resource bundle") }
        let url = root.appendingPathComponent("Fixtures/extraction/\(name).txt")
        return try String(contentsOf: url, encoding: .utf8)
    }

    static func extract(_ name: String) throws -> Extraction {
        Extractor().extract(try text(name))
    }

    /// `<package root>/../shared`, located from this source file.
    static var sharedFolder: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("shared")
    }
}

extension Extraction {
    var bodyText: String { paragraphs.map(\.text).joined(separator: "\n\n") }

    func verdict(of text: String) -> ClassifiedBlock? { blocks.first { $0.text == text } }
}
