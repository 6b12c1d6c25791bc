import Foundation
import XCTest
@testable import BylineCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Loading workers read file after file into one `ReadBuffer` and stop reading at the size `fstat` gave:
/// both must give exactly what reading each file into its own array up to the end gives.
final class ReadBufferTests: XCTestCase {
    /// A file as `read(2)` sees it: `content` from `position` on, at most `chunk` bytes a call (a procfs file
    /// or an interrupted read gives less than asked before the end), an EINTR every `interruptEvery` calls.
    private final class FakeFile {
        let content: [UInt8]
        let chunk: Int
        let interruptEvery: Int
        var position = 0
        var calls = 0

        init(_ content: [UInt8], chunk: Int = .max, interruptEvery: Int = 0) {
            self.content = content
            self.chunk = chunk
            self.interruptEvery = interruptEvery
        }

        func read(_ into: UnsafeMutableRawPointer, _ asked: Int) -> Int {
            calls += 1
            if interruptEvery > 0 && calls % interruptEvery == 0 {
                errno = EINTR
                return -1
            }
            let count = min(asked, chunk, content.count - position)
            content.withUnsafeBytes { into.copyMemory(from: $0.baseAddress! + position, byteCount: count) }
            position += count
            return count
        }
    }

    private func filled(_ file: FakeFile, sizeSaid: Int, wanted: Int, buffer: ReadBuffer) -> [UInt8]? {
        FileReader.fill(buffer, sizeSaid: sizeSaid, wanted: wanted, readSome: file.read).map { Array(buffer.bytes($0)) }
    }

    func testAFileOfTheSizeSaidIsReadInOneCall() {
        let content = Array(repeating: UInt8(ascii: "a"), count: 5000)
        let file = FakeFile(content)
        XCTAssertEqual(filled(file, sizeSaid: 5000, wanted: 1 << 20, buffer: ReadBuffer()), content)
        XCTAssertEqual(file.calls, 1)
        // Empty: the one read returns nothing.
        let empty = FakeFile([])
        XCTAssertEqual(filled(empty, sizeSaid: 0, wanted: 1 << 20, buffer: ReadBuffer()), [])
        XCTAssertEqual(empty.calls, 1)
    }

    /// Files that grew or shrank after `fstat`, files whose reads stop short before the end (procfs and sysfs
    /// files, which say 0 or a page; a regular file's read stops short only at its end), interrupted reads,
    /// caps below and above the size: everything up to the end or the cap.
    func testFillReadsToTheEndOrTheCapWhateverTheSizeSaid() {
        var random = SplitMix(seed: 7)
        var shortReads = 0
        let reusedBuffer = ReadBuffer(reused: true)
        for round in 0..<1500 {
            let length = [0, 1, 100, 4095, 4096, 4097, 70_000, 100_000][random.below(8)] + random.below(3)
            let content = (0..<length).map { _ in UInt8(truncatingIfNeeded: random.next()) }
            let readsStopShort = random.below(2) == 0
            let sizes = readsStopShort
                ? [0, length, length + 1, length + 5000] + (length <= 4096 ? [4096] : [])
                : [length, 0, 4096, length / 2, length + 1, length + 5000, max(0, length - 1)]
            let sizeSaid = sizes[random.below(sizes.count)]
            let wanted = [Int.max, length + 1, length, max(1, length / 3), 1, 65_537][random.below(6)]
            let chunk = readsStopShort ? [1, 7, 4096, 65_536][random.below(4)] : Int.max
            let file = FakeFile(content, chunk: chunk, interruptEvery: random.below(4) == 0 ? 3 : 0)
            // A worker's buffer, reused from round to round, or one for this read only.
            let read = filled(file, sizeSaid: sizeSaid, wanted: wanted, buffer: round % 2 == 0 ? reusedBuffer : ReadBuffer())
            let expected = Array(content.prefix(wanted))
            XCTAssertTrue(read == expected, "round \(round): \(length) bytes, said \(sizeSaid), cap \(wanted), chunk \(chunk): read \(read?.count ?? -1), not \(expected.count)")
            if readsStopShort && length > chunk && wanted > chunk { shortReads += 1 }
        }
        XCTAssertGreaterThan(shortReads, 150)
    }

    func testAReadErrorIsReported() {
        let buffer = ReadBuffer()
        var calls = 0
        let read = FileReader.fill(buffer, sizeSaid: 100, wanted: 1000) { _, _ in
            calls += 1
            errno = EIO
            return -1
        }
        XCTAssertNil(read)
        XCTAssertEqual(errno, EIO)
        XCTAssertEqual(calls, 1)
    }

    func testRoomKeepsWhatWasWrittenAndHugeRoomIsGivenBack() {
        for reused in [false, true] {
            let buffer = ReadBuffer(reused: reused)
            let small = buffer.room(for: 10, keeping: 0)
            for index in 0..<10 { small.storeBytes(of: UInt8(index), toByteOffset: index, as: UInt8.self) }
            _ = buffer.room(for: 100_000, keeping: 10)
            XCTAssertEqual(Array(buffer.bytes(10)), Array(0..<10), "reused: \(reused)")
            XCTAssertGreaterThanOrEqual(buffer.capacity, 100_000)
            buffer.shrink()
            XCTAssertGreaterThanOrEqual(buffer.capacity, 100_000, "room below the kept size stays")
            let huge = buffer.room(for: ReadBuffer.keptCapacity + 1, keeping: 5)
            XCTAssertEqual(Array(UnsafeRawBufferPointer(start: huge, count: 5)), Array(0..<5))
            buffer.shrink()
            XCTAssertEqual(buffer.capacity, 0)
        }
    }

    /// What `readText` gave before it read into a reused buffer: the whole file in an array of its own, the
    /// binary check, the cut at the cap, then `decodeSanitized`.
    private func plainText(_ path: String, limit: Int) throws -> (text: String, notices: [String], fileSize: Int)? {
        let whole = try Array(Data(contentsOf: URL(fileURLWithPath: path)))
        var bytes = Array(whole.prefix(limit + 1))
        if TextDecoder.looksBinary(bytes) && !TextDecoder.hasUTF16ByteOrderMark(bytes) { return nil }
        var notices: [String] = []
        if bytes.count > limit {
            bytes.removeSubrange(TextDecoder.characterBoundary(in: bytes, atMost: limit)...)
            notices.append("truncated: kept the first \(ArticleLoader.describe(bytes: limit)) of \(ArticleLoader.describe(bytes: whole.count))")
        }
        let decoded = TextDecoder.decodeSanitized(bytes)
        if let notice = decoded.notice { notices.append(notice) }
        return (decoded.text, notices, whole.count)
    }

    func testReadTextIntoOneBufferAgreesWithAnArrayPerFile() throws {
        let folder = try TemporaryFolder(self)
        let story = "Ferry Keeps Its Late Sailing\n\nThe board voted — “at last” — to keep the ferry, said Ødegård.\n"
        var random = SplitMix(seed: 3)
        let pieces: [[UInt8]] = [
            Array(story.utf8), Array("Жители острова\n".utf8), [0xEF, 0xBB, 0xBF], [0x0D, 0x0A], [0x0D], [0xE9], [0x93],
            [0xC3, 0x28], [0x00], Array("e\u{301}".utf8), Array(" \u{301}".utf8), Array("\u{200B}".utf8), [0x1B],
        ]
        var files: [[UInt8]] = [
            [], Array(story.utf8), [0xEF, 0xBB, 0xBF] + Array(story.utf8),
            [0xFF, 0xFE] + Array(story.utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] },
            [0xFE, 0xFF] + Array(story.utf16).flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] },
            Array(String(repeating: story, count: 40).utf8), Array("short\n".utf8),
            Array(String(repeating: story, count: 15_000).utf8), Array("after the huge one\n".utf8),
        ]
        for _ in 0..<200 {
            // Mostly clean text, some pieces that need decoding or sanitising, some long enough for the cap.
            var bytes: [UInt8] = []
            for _ in 0..<(random.below(30) + 1) {
                bytes += random.below(4) == 0 ? pieces[random.below(pieces.count)] : pieces[random.below(2)]
            }
            files.append(bytes)
        }
        var paths: [String] = []
        for (index, bytes) in files.enumerated() {
            paths.append(try folder.write("site/\(index).txt", bytes: bytes))
        }
        for limit in [LoadOptions().maxArticleBytes, 700, 50] {
            var options = LoadOptions()
            options.maxArticleBytes = limit
            let loader = ArticleLoader(options: options)
            let buffer = ReadBuffer(reused: true)
            let open = OpenFolder()
            var clean = 0, truncated = 0
            for path in paths {
                let file = DiscoveredFile(path: path, root: folder.path, folders: ["site"], givenByName: false)
                let expected = try plainText(path, limit: limit)
                switch loader.readText(file, in: open, buffer: buffer) {
                case .failure(let skipped):
                    XCTAssertNil(expected, path)
                    XCTAssertEqual(skipped.reason, "binary file (NUL bytes)", path)
                case .success(let loaded):
                    let expected = try XCTUnwrap(expected, path)
                    XCTAssertEqual(loaded.text, expected.text, path)
                    XCTAssertEqual(Array(loaded.text.unicodeScalars), Array(expected.text.unicodeScalars), path)
                    XCTAssertEqual(loaded.notices, expected.notices, path)
                    XCTAssertEqual(loaded.fileSize, expected.fileSize, path)
                    if loaded.notices.isEmpty { clean += 1 }
                    if loaded.notices.first?.hasPrefix("truncated") == true { truncated += 1 }
                }
            }
            XCTAssertGreaterThan(limit < 1000 ? truncated : clean, 20, "limit \(limit)")
        }
    }
}
