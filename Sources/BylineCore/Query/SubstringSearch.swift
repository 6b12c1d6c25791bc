#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Byte-level substring search on folded UTF-8: folding already made case, accents and width irrelevant,
/// so matching is plain byte comparison. `memchr` jumps to the needle's rarest byte, `memcmp` confirms.
enum SubstringSearch {
    /// Whether every needle occurs in `haystack`.
    static func containsAll(_ haystack: [UInt8], _ needles: [[UInt8]]) -> Bool {
        haystack.withUnsafeBytes { hay in
            needles.allSatisfy { needle in
                needle.withUnsafeBytes { pattern in contains(hay, pattern) }
            }
        }
    }

    /// Whether `needle` occurs in `haystack`.
    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        containsAll(haystack, [needle])
    }

    static func contains(_ hay: UnsafeRawBufferPointer, _ pattern: UnsafeRawBufferPointer) -> Bool {
        let length = pattern.count
        guard length > 0 else { return true }
        guard hay.count >= length, let hayStart = hay.baseAddress, let patternStart = pattern.baseAddress else {
            return false
        }
        let anchor = rarestOffset(pattern)
        let anchorByte = Int32(pattern[anchor])
        // The anchor byte can sit at hay offsets anchor ..< hay.count - length + anchor + 1.
        var from = anchor
        let last = hay.count - length + anchor
        while from <= last {
            guard let found = memchr(hayStart + from, anchorByte, last - from + 1) else { return false }
            let start = hayStart.distance(to: UnsafeRawPointer(found)) - anchor
            if memcmp(hayStart + start, patternStart, length) == 0 { return true }
            from = start + anchor + 1
        }
        return false
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
