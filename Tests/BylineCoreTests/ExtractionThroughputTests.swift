import XCTest
@testable import BylineCore

/// Extraction throughput on the dev corpus repeated to at least 50 MB. Runs only with
/// BYLINE_EXTRACTION_BENCH=1 (build with -c release for meaningful figures).
final class ExtractionThroughputTests: XCTestCase {
    func testThroughputOnDevCorpus() throws {
        guard ProcessInfo.processInfo.environment["BYLINE_EXTRACTION_BENCH"] != nil else {
            throw XCTSkip("set BYLINE_EXTRACTION_BENCH=1 to measure")
        }
        let corpus = ExtractionFixtures.sharedFolder.appendingPathComponent("corpus/dev")
        guard let walker = FileManager.default.enumerator(atPath: corpus.path) else {
            throw XCTSkip("../shared/corpus/dev not present")
        }
        var texts: [String] = []
        for case let path as String in walker where path.hasSuffix(".txt") {
            if let text = try? String(contentsOf: corpus.appendingPathComponent(path), encoding: .utf8) {
                texts.append(TextSanitizer.sanitize(text))
            }
        }
        let corpusBytes = texts.reduce(0) { $0 + $1.utf8.count }
        guard corpusBytes > 0 else { throw XCTSkip("empty corpus") }
        let rounds = (50 << 20) / corpusBytes + 1
        let extractor = Extractor()
        let start = Date()
        var paragraphs = 0
        for _ in 0..<rounds {
            for text in texts { paragraphs += extractor.extract(text).paragraphs.count }
        }
        let seconds = Date().timeIntervalSince(start)
        let megabytes = Double(corpusBytes * rounds) / 1_048_576
        print(String(format: "extraction throughput: %.1f MB in %.2f s = %.1f MB/s (one core, %d files × %d rounds)",
                     megabytes, seconds, megabytes / seconds, texts.count, rounds))
        XCTAssertGreaterThan(paragraphs, 0)
    }
}
