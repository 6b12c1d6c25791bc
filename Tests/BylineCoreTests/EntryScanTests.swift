import XCTest
@testable import BylineCore

/// The index's scan of an entry (`SearchIndex.EntryScan`, with its fast loop over ASCII words and its hand-over
/// to the scalar-by-scalar rule) finds exactly the words `WordBoundary.forEachWord` finds, in order, and of those
/// the table knows keeps one pair per word (its number, gap from its last entry, and first start) while every
/// occurrence of a word it does not know is left over: compared with a plain walk over the words and a set of
/// the known words the entry has held so far. The scan gives the known words' pairs apart from the words left
/// over, each in text order.
final class EntryScanTests: XCTestCase {
    private static let pieces: [[UInt8]] = [
        Array("a".utf8), Array("kyiv".utf8), Array("abcdefg".utf8), Array("abcdefgh".utf8), Array("abcdefghi".utf8),
        Array("abcdefghijklmno".utf8), Array("abcdefghijklmnop".utf8), Array("abcdefghijklmnopq".utf8), Array("19".utf8),
        Array(" ".utf8), Array(", ".utf8), Array("-".utf8), Array("\n\n".utf8), Array("          ".utf8), Array("café".utf8),
        Array("київ".utf8), Array("東京".utf8), Array("ｋｙｉｖ".utf8), Array("e\u{301}".utf8), Array("😀".utf8),
        Array("—".utf8), Array("한국".utf8), Array("’s".utf8), Array("x".utf8), Array("Kyiv".utf8), [0xFF], [0x80], [0xC3],
        Array("“".utf8), Array("”".utf8), Array("…".utf8), Array("«".utf8), Array("\u{A0}".utf8), Array("ª".utf8),
        Array("·".utf8), Array("ǅ".utf8), Array("\u{2060}".utf8), Array("\u{2070}".utf8), Array("abc—".utf8),
    ]

    /// What the scan leaves for one word: a known word's first occurrence, or a word not known.
    private enum Item: Equatable {
        case known(word: Int, gap: Int, start: Int)
        case leftOver(Range<Int>)
    }

    /// A table that knows `words` (word `n` is `words[n]`, its last entry `lastEntries[n]`), laid out as
    /// `SearchIndex` lays out its own.
    private struct Table {
        var slots: [SearchIndex.Slot]
        var wordStarts: [UInt32] = [0]
        var arena: [UInt8] = []

        init(_ words: [[UInt8]], lastEntries: [Int32]) {
            var size = 16
            while size < 4 * words.count { size *= 2 }
            slots = [SearchIndex.Slot](repeating: SearchIndex.Slot(), count: size)
            for (number, word) in words.enumerated() {
                let key = word.withUnsafeBytes { SearchIndex.Key($0, 0..<word.count, marked: false) }
                var slot = key.slot(size - 1)
                while slots[slot].word != 0 { slot = (slot + 1) & (size - 1) }
                slots[slot] = SearchIndex.Slot(key: key.value, word: Int32(number + 1), lastEntry: lastEntries[number])
                arena += word
                wordStarts.append(UInt32(arena.count))
            }
        }
    }

    private func scanned(_ bytes: [UInt8], entry: Int32, table: inout Table) -> [Item] {
        var found: [Item] = []
        var items = [Int](repeating: 0, count: 2 * (bytes.count + 1))
        bytes.withUnsafeBytes { text in
            table.slots.withUnsafeMutableBufferPointer { slots in
                table.wordStarts.withUnsafeBufferPointer { wordStarts in
                    table.arena.withUnsafeBytes { arena in
                        items.withUnsafeMutableBufferPointer { items in
                            var scan = SearchIndex.EntryScan(text: text, entry: entry, table: slots, wordStarts: wordStarts,
                                                             arena: arena, items: items)
                            scan.run()
                            for position in stride(from: 0, to: scan.itemCount, by: 2) {
                                let first = items[position], second = items[position + 1]
                                found.append(.known(word: first, gap: second & 0xFFFF_FFFF, start: second >> 32))
                            }
                            for index in 0..<scan.leftOverCount { found.append(.leftOver(scan.leftOver(index))) }
                        }
                    }
                }
            }
        }
        return found
    }

    /// The plain rule: each word of `forEachWord` in turn, kept once per entry if known, else left over.
    private func expected(_ bytes: [UInt8], entry: Int32, known: [[UInt8]: Int], lastEntries: [Int32]) -> [Item] {
        var held = Set<Int>()
        var items: [Item] = [], leftOver: [Item] = []
        for range in WordBoundary.words(bytes) {
            guard let word = known[Array(bytes[range])] else {
                leftOver.append(.leftOver(range))
                continue
            }
            if held.insert(word).inserted {
                items.append(.known(word: word, gap: Int(entry - lastEntries[word]), start: range.lowerBound))
            }
        }
        return items + leftOver
    }

    /// Scans `bytes` with a table of `words` and compares with the plain rule, and checks that every known word
    /// of the entry, and only those, has the entry as its last.
    private func check(_ bytes: [UInt8], knowing words: [[UInt8]], lastEntries: [Int32], entry: Int32,
                       file: StaticString = #filePath, line: UInt = #line) {
        var table = Table(words, lastEntries: lastEntries)
        let known = Dictionary(words.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let found = scanned(bytes, entry: entry, table: &table)
        XCTAssertEqual(found, expected(bytes, entry: entry, known: known, lastEntries: lastEntries),
                       "\(bytes) knowing \(words.map { String(decoding: $0, as: UTF8.self) })", file: file, line: line)
        let held = Set(found.compactMap { if case .known(let word, _, _) = $0 { word } else { nil } })
        for slot in table.slots where slot.word != 0 {
            let word = Int(slot.word) - 1
            XCTAssertEqual(slot.lastEntry, held.contains(word) ? entry : lastEntries[word], file: file, line: line)
        }
    }

    private func randomText(_ random: inout SplitMix) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes += random.pieces(upTo: 16, from: Self.pieces)
        return bytes
    }

    func testKnownWordsAreKeptOncePerEntryAndTheRestLeftOver() {
        var random = SplitMix(seed: 41)
        var knownTimes = 0
        for _ in 0..<5000 {
            let bytes = randomText(&random)
            // Known: about half of the text's own words (each length and kind in turn), and words of other texts.
            var words: [[UInt8]] = []
            for range in WordBoundary.words(bytes) where random.below(2) == 0 {
                let word = Array(bytes[range])
                if !words.contains(word) { words.append(word) }
            }
            let other = randomText(&random)
            for range in WordBoundary.words(other) where random.below(3) == 0 {
                let word = Array(other[range])
                if !words.contains(word) { words.append(word) }
            }
            let entry = Int32(random.below(1000))
            let lastEntries = words.map { _ in Int32(random.below(Int(entry) + 1)) - 1 }
            knownTimes += words.count
            check(bytes, knowing: words, lastEntries: lastEntries, entry: entry)
        }
        XCTAssertGreaterThan(knownTimes, 5000, "the table knew words")
    }

    func testRandomMixedTextSplitsAsForEachWord() {
        var random = SplitMix(seed: 23)
        for _ in 0..<5000 {
            check(randomText(&random), knowing: [], lastEntries: [], entry: 0)
        }
    }

    func testWordsOfEveryLengthNearTheEnd() {
        for length in 1...20 {
            for lead in ["", " ", "ab ", "é ", "        "] {
                for tail in [" ", "", "é", "x", " y", ".  z", "   é", "—a", "—", "’s", "…", "«x", "\u{A0}", "ª", "😀"] {
                    let bytes = Array((lead + String(repeating: "k", count: length) + tail).utf8)
                    check(bytes, knowing: [], lastEntries: [], entry: 0)
                    let known = [Array(String(repeating: "k", count: length).utf8), Array("é".utf8), Array("z".utf8)]
                    check(bytes, knowing: known, lastEntries: [-1, 3, 7], entry: 9)
                }
            }
        }
    }
}
