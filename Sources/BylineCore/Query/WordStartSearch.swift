#if canImport(Glibc)
import Glibc

/// glibc declares `memmem` only under _GNU_SOURCE, which the Glibc module does not set.
@_silgen_name("memmem")
private func memmem(_ haystack: UnsafeRawPointer?, _ haystackLength: Int, _ needle: UnsafeRawPointer?,
                    _ needleLength: Int) -> UnsafeMutableRawPointer?
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds search terms in folded UTF-8 where a word starts (see `WordBoundary`): folding already made case,
/// accents and width irrelevant, so matching is byte comparison: `memmem` (or, for one or two bytes, `memchr`
/// on the rarer byte and `memcmp`) finds it, and the character before decides whether a word starts there.
enum WordStartSearch {
    /// Whether every term occurs at a word start in `haystack`.
    static func containsAll(_ haystack: [UInt8], _ terms: [[UInt8]]) -> Bool {
        haystack.withUnsafeBytes { hay in
            terms.allSatisfy { term in term.withUnsafeBytes { firstMatch(hay, $0) != nil } }
        }
    }

    /// Whether `term` occurs at a word start in `haystack`.
    static func contains(_ haystack: [UInt8], _ term: [UInt8]) -> Bool {
        containsAll(haystack, [term])
    }

    /// The byte ranges of every match of `term` in `haystack`, left to right, not overlapping.
    static func matches(_ haystack: [UInt8], _ term: [UInt8]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        haystack.withUnsafeBytes { hay in
            term.withUnsafeBytes { pattern in
                var from = 0
                while let start = firstMatch(hay, pattern, from: from) {
                    ranges.append(start..<(start + pattern.count))
                    from = start + max(1, pattern.count)
                }
            }
        }
        return ranges
    }

    /// Where `pattern` first occurs at a word start in `hay`, at or after `from`.
    static func firstMatch(_ hay: UnsafeRawBufferPointer, _ pattern: UnsafeRawBufferPointer, from: Int = 0) -> Int? {
        let length = pattern.count
        guard length > 0 else { return from <= hay.count ? from : nil }
        guard hay.count - from >= length, let hayStart = hay.baseAddress, let patternStart = pattern.baseAddress else {
            return nil
        }
        if length >= 3 {
            // glibc's memmem skips by byte pairs, far faster than stopping at every common letter.
            var next = from
            while hay.count - next >= length,
                  let found = memmem(hayStart + next, hay.count - next, patternStart, length) {
                let start = hayStart.distance(to: UnsafeRawPointer(found))
                if WordBoundary.isMatchStart(hay, start) { return start }
                next = start + 1
            }
            return nil
        }
        let anchor = rarestOffset(pattern)
        let anchorByte = Int32(pattern[anchor])
        // The anchor byte can sit at hay offsets from + anchor ..< hay.count - length + anchor + 1.
        var next = from + anchor
        let last = hay.count - length + anchor
        while next <= last {
            guard let found = memchr(hayStart + next, anchorByte, last - next + 1) else { return nil }
            let start = hayStart.distance(to: UnsafeRawPointer(found)) - anchor
            if memcmp(hayStart + start, patternStart, length) == 0 && WordBoundary.isMatchStart(hay, start) {
                return start
            }
            next = start + anchor + 1
        }
        return nil
    }

    /// The offset of the byte least likely to occur in text, so `memchr` stops rarely on false starts.
    private static func rarestOffset(_ pattern: UnsafeRawBufferPointer) -> Int {
        var best = 0, bestRank = Int.max
        for (offset, byte) in pattern.enumerated() {
            let rank = frequencyRank(byte)
            if rank < bestRank {
                best = offset
                bestRank = rank
            }
        }
        return best
    }

    /// Higher for bytes common in (folded) text: space and frequent English letters.
    private static func frequencyRank(_ byte: UInt8) -> Int {
        if byte == 0x20 { return 100 }
        if byte >= 0x61 && byte <= 0x7A { return letterRanks[Int(byte - 0x61)] }
        if byte >= 0x80 && byte < 0xC0 { return 40 }
        return 10
    }

    /// a…z, from rare (low) to common (high).
    private static let letterRanks: [Int] = [
        96, 68, 76, 80, 99, 70, 66, 84, 94, 52, 56, 78, 72, 92, 95, 64, 50, 86, 88, 97, 74, 60, 71, 51, 67, 49,
    ]
}
