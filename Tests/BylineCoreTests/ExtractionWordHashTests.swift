import XCTest
@testable import BylineCore

/// `WordHash` taken in chunks (the word pass's eight-byte steps) against one scalar at a time, and the word and
/// sentence hashes against what they stand for: equal lower-cased words hash alike, different ones do not.
final class ExtractionWordHashTests: XCTestCase {
    func testChunksHashAsOneScalarAtATime() {
        var generator = SplitMix(seed: 61)
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz0123456789_".unicodeScalars)
        for _ in 0..<3000 {
            let length = generator.below(40)
            var scalars: [Unicode.Scalar] = []
            for _ in 0..<length {
                // Some non-ASCII scalars between the ASCII runs, one a lower case that is ASCII-free.
                if generator.next() % 6 == 0 {
                    scalars.append(["ж", "é", "日", "ς", "😀"].randomElement(using: &generator)!.unicodeScalars.first!)
                } else {
                    scalars.append(alphabet[generator.below(alphabet.count)])
                }
            }
            var plain = WordHash()
            for scalar in scalars { plain.append(lowered: scalar.value) }
            // The same stream cut into ASCII runs of random lengths, as the word pass cuts it.
            var chunked = WordHash()
            var index = 0
            while index < scalars.count {
                if scalars[index].value >= 0x80 {
                    chunked.append(lowered: scalars[index].value)
                    index += 1
                    continue
                }
                var run = 0
                var chunk: UInt64 = 0
                let limit = 1 + generator.below(8)
                while index < scalars.count, run < limit, scalars[index].value < 0x80 {
                    chunk |= UInt64(scalars[index].value) << (8 * UInt64(run))
                    run += 1
                    index += 1
                }
                chunked.append(chunk, count: run)
            }
            let text = String(String.UnicodeScalarView(scalars))
            let reference = Self.referenceHash(scalars.map(\.value))
            XCTAssertEqual(plain.value, reference, text.debugDescription)
            XCTAssertEqual(chunked.value, reference, text.debugDescription)
            XCTAssertEqual(WordHash.of(Substring(text)), reference, text.debugDescription)
            XCTAssertEqual(WordHash.of(Substring(text.uppercased())), Self.referenceHash(
                text.uppercased().unicodeScalars.map { StopWords.lowercased($0) }), text.debugDescription)
        }
    }

    /// `WordHash` as its comment defines it, written out plainly: the byte stream (an ASCII scalar one byte,
    /// any other three: its low seven bits with the high bit set, then the next sixteen bits), cut into eight-byte
    /// little-endian words, the last word padded with zeros and its byte count (0…7) in the top byte, each word
    /// mixed in by one multiply with the high half folded down.
    static func referenceHash(_ loweredScalars: [UInt32]) -> UInt64 {
        var stream: [UInt8] = []
        for value in loweredScalars {
            if value < 0x80 {
                stream.append(UInt8(value))
            } else {
                stream += [UInt8(0x80 | value & 0x7F), UInt8((value >> 7) & 0xFF), UInt8((value >> 15) & 0xFF)]
            }
        }
        func mix(_ hash: UInt64, _ word: UInt64) -> UInt64 {
            let product = (hash ^ word).multipliedFullWidth(by: 0x9E37_79B9_7F4A_7C15).low
            return product ^ (product >> 32)
        }
        func word(_ bytes: ArraySlice<UInt8>) -> UInt64 {
            var word: UInt64 = 0
            for (offset, byte) in bytes.enumerated() { word |= UInt64(byte) << (8 * UInt64(offset)) }
            return word
        }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        let whole = stream.count / 8 * 8
        for start in stride(from: 0, to: whole, by: 8) { hash = mix(hash, word(stream[start..<(start + 8)])) }
        let rest = stream[whole...]
        return mix(hash, word(rest) | UInt64(rest.count) << 56)
    }

    func testReferenceHashOfKnownStreams() {
        // Hand-built streams: the padding's length byte tells "a" from "a\0", and "ж" (U+0436) is B6 08 00.
        XCTAssertEqual(WordHash.of("a"), Self.referenceHash([0x61]))
        XCTAssertEqual(WordHash.of("ж"), Self.referenceHash([0x436]))
        XCTAssertNotEqual(Self.referenceHash([0x61]), Self.referenceHash([0x61, 0]))
        XCTAssertEqual(WordHash.of("abcdefgh"), Self.referenceHash(Array("abcdefgh".unicodeScalars.map(\.value))))
        XCTAssertEqual(WordHash.of("ABCDEFGHIJ"), Self.referenceHash(Array("abcdefghij".unicodeScalars.map(\.value))))
    }

    func testDifferentWordsHashApart() {
        var seen: [UInt64: String] = [:]
        var words = Array(StopWords.all)
        var generator = SplitMix(seed: 67)
        let alphabet = Array("abcdefghijklmnopqrstuvwxyzжé".unicodeScalars)
        for _ in 0..<50_000 {
            var scalars = String.UnicodeScalarView()
            for _ in 0..<(1 + generator.below(12)) { scalars.append(alphabet[generator.below(alphabet.count)]) }
            words.append(String(scalars))
        }
        // Lengths that differ only by trailing zero bytes of the padding must differ too.
        words += ["a", "aa", "aaaaaaa", "aaaaaaaa", "aaaaaaaaa", "ж", "жж", "aж", "жa"]
        for word in Set(words) {
            let hash = WordHash.of(Substring(word))
            if let other = seen[hash] { XCTFail("\(word) and \(other) share a hash") }
            seen[hash] = word
        }
    }

    /// A word whose capital is not ASCII but whose lower case is (`İ` → `i`) is the same word as the ASCII one.
    func testNonASCIICapitalsWithASCIILowerCaseAreTheSameWord() {
        XCTAssertEqual(StopWords.hash("\u{130}N"), StopWords.hash("in"))
        XCTAssertTrue(StopWords.table.contains(StopWords.hash("\u{130}N")))
        XCTAssertEqual(BlockFeatures.scan("\u{130}N the \u{130}t").stops, 3)
        XCTAssertEqual(StopWords.hash("\u{212A}ELVIN"), StopWords.hash("kelvin"))
    }

    func testSentenceHashesFollowTheWords() {
        let one = RepeatDetector.sentenceHashes("One two three four five six. Seven")
        XCTAssertEqual(one.count, 1)
        XCTAssertEqual(one, RepeatDetector.sentenceHashes("one, TWO three (four) five six! x"))
        XCTAssertNotEqual(one, RepeatDetector.sentenceHashes("One two three four five sixty."))
        XCTAssertNotEqual(one, RepeatDetector.sentenceHashes("One two three four fivesix x."))
        // A text that ends inside its last word hashed no space after it, one that ends in punctuation did.
        XCTAssertNotEqual(
            RepeatDetector.sentenceHashes("One two three four five six"), RepeatDetector.sentenceHashes("One two three four five six,"))
        XCTAssertEqual(
            RepeatDetector.sentenceHashes("One two three four five six,"), RepeatDetector.sentenceHashes("One two three four five six."))
        for text in ["One two three four five six", "One two three four five six,", "Un deux trois quatre cinq six."] {
            var hashes = BlockHashes()
            _ = BlockFeatures.scan(text, hashes: &hashes)
            XCTAssertEqual(hashes.sentences, RepeatDetector.sentenceHashes(text), text)
        }
    }

    /// The per-article table of sentence hashes against `Set`, with zero, repeats and values that share a home slot.
    func testHashTableAnswersAsASet() {
        var generator = SplitMix(seed: 71)
        for _ in 0..<300 {
            let capacity = generator.below(200)
            var table = HashTable64(capacity: capacity)
            var reference = Set<UInt64>()
            var inserted = 0
            while inserted < capacity {
                // Small values crowd a few home slots; zero is a member now and then.
                let value = generator.next() % 4 == 0 ? generator.next() % 8 : generator.next()
                XCTAssertEqual(table.contains(value), reference.contains(value))
                table.insert(value)
                reference.insert(value)
                inserted += 1
            }
            for value in reference { XCTAssertTrue(table.contains(value)) }
            for _ in 0..<50 {
                let value = generator.next() % 3 == 0 ? generator.next() % 16 : generator.next()
                XCTAssertEqual(table.contains(value), reference.contains(value))
            }
        }
    }

    /// Values whose home slot is the last one, found by asking `homeSlot` (of a set or table of the same size).
    private func valuesHomedAtTheEnd(_ count: Int, home: (UInt64) -> Int, last: Int) -> [UInt64] {
        var generator = SplitMix(seed: 79)
        var values: [UInt64] = []
        while values.count < count {
            let value = generator.next()
            if value != 0 && home(value) == last { values.append(value) }
        }
        return values
    }

    /// Three members homed at the last slot: at most one fits there, so the others are found only if probes wrap
    /// around to slot 0, in the set, its `Lookup` and the per-article table; a non-member homed there is absent.
    func testProbesWrapAroundFromTheLastSlot() {
        for slotsPerMember in [2, 4] {
            let shape = HashSet64([1, 2, 3], slotsPerMember: slotsPerMember)
            let values = valuesHomedAtTheEnd(4, home: shape.homeSlot, last: shape.slotCount - 1)
            let members = Array(values.prefix(3))
            let set = HashSet64(members, slotsPerMember: slotsPerMember)
            XCTAssertEqual(set.slotCount, shape.slotCount)
            for member in members { XCTAssertEqual(set.homeSlot(of: member), set.slotCount - 1) }
            set.withLookup { lookup in
                for member in members {
                    XCTAssertTrue(set.contains(member))
                    XCTAssertTrue(lookup.contains(member))
                }
                XCTAssertFalse(set.contains(values[3]))
                XCTAssertFalse(lookup.contains(values[3]))
            }
        }
        var table = HashTable64(capacity: 3)
        let values = valuesHomedAtTheEnd(4, home: table.homeSlot, last: table.slotCount - 1)
        for member in values.prefix(3) {
            table.insert(member)
            XCTAssertTrue(table.contains(member))
        }
        for member in values.prefix(3) { XCTAssertTrue(table.contains(member)) }
        XCTAssertFalse(table.contains(values[3]))
    }

    /// The fixed set, with one multiplier or the best of several, and its branch-free `Lookup`, against `Set`.
    func testHashSetAndLookupAnswerAsASet() {
        var generator = SplitMix(seed: 73)
        for round in 0..<200 {
            var members = Set<UInt64>()
            for _ in 0..<generator.below(300) { members.insert(generator.next() % 5 == 0 ? generator.next() % 64 : generator.next()) }
            let set = HashSet64(members, slotsPerMember: 2 + round % 3, multipliers: round % 2 == 0 ? 1 : 16)
            var asked = Array(members)
            for _ in 0..<200 { asked.append(generator.next() % 3 == 0 ? generator.next() % 128 : generator.next()) }
            set.withLookup { lookup in
                for value in asked {
                    XCTAssertEqual(set.contains(value), members.contains(value), "\(value)")
                    XCTAssertEqual(lookup.contains(value), members.contains(value), "\(value)")
                }
            }
        }
        XCTAssertTrue(StopWords.table.contains(StopWords.hash("the")))
        XCTAssertFalse(StopWords.table.contains(StopWords.hash("newspaper")))
    }
}
