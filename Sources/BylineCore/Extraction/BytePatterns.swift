/// A fixed set of byte strings searched in short texts, indexed by first byte so that most positions
/// cost one table read.
struct BytePatterns: Sendable {
    /// The patterns starting with each byte value.
    private let byFirstByte: [[[UInt8]]]
    /// One bit for each pair of bytes that starts some pattern (every pair led by a one-byte pattern's byte):
    /// most positions of a text start no pattern, and one bit says so.
    private let leadingPairs: [UInt64]
    /// The same for the second and third bytes of each pattern (every pair after a two-byte pattern's second
    /// byte, every pair at all for a one-byte pattern): a position whose first pair passes is tried only when
    /// the next pair passes too.
    private let followingPairs: [UInt64]

    init(_ patterns: [String]) {
        var index = [[[UInt8]]](repeating: [], count: 256)
        var pairs = [UInt64](repeating: 0, count: 65536 / 64)
        var following = [UInt64](repeating: 0, count: 65536 / 64)
        for pattern in patterns {
            let bytes = Array(pattern.utf8)
            guard let first = bytes.first else { continue }
            index[Int(first)].append(bytes)
            for second in bytes.count > 1 ? Int(bytes[1])...Int(bytes[1]) : 0...255 {
                let pair = Int(first) << 8 | second
                pairs[pair >> 6] |= 1 << UInt64(pair & 63)
            }
            for second in bytes.count > 1 ? Int(bytes[1])...Int(bytes[1]) : 0...255 {
                for third in bytes.count > 2 ? Int(bytes[2])...Int(bytes[2]) : 0...255 {
                    let pair = second << 8 | third
                    following[pair >> 6] |= 1 << UInt64(pair & 63)
                }
            }
        }
        byFirstByte = index
        leadingPairs = pairs
        followingPairs = following
    }

    /// True when the text starts with one of the patterns.
    func isPrefix(of text: String) -> Bool {
        UTF8Text.withBytes(text) { isPrefix(of: $0) }
    }

    func isPrefix(of bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        matches(bytes, at: 0)
    }

    /// True when the bytes are one of the patterns, all of it.
    func isWhole(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first else { return false }
        // Most words start no pattern: their first pair says so (a one-byte word pairs its byte with zero,
        // which every one-byte pattern's bits include).
        let pair = Int(first) << 8 | (bytes.count > 1 ? Int(bytes[1]) : 0)
        guard leadingPairs.withUnsafeBufferPointer({ $0[pair >> 6] & (1 << UInt64(pair & 63)) != 0 }) else { return false }
        candidates: for pattern in byFirstByte[Int(first)] where pattern.count == bytes.count {
            for offset in 1..<max(1, pattern.count) where bytes[offset] != pattern[offset] { continue candidates }
            return true
        }
        return false
    }

    /// True when one of the patterns occurs anywhere in the text.
    func occurs(in text: String) -> Bool {
        UTF8Text.withBytes(text) { occurs(in: $0) }
    }

    func occurs(in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count >= 2 else { return matches(bytes, at: 0) }
        // The pair table read without the array's bounds checks, the pair rolled on by one byte a step.
        return leadingPairs.withUnsafeBufferPointer { pairs in
            followingPairs.withUnsafeBufferPointer { following in
                var pair = Int(bytes[0])
                var start = 0
                while start + 1 < bytes.count {
                    pair = (pair << 8 | Int(bytes[start + 1])) & 0xFFFF
                    if pairs[pair >> 6] & (1 << UInt64(pair & 63)) != 0 {
                        if start + 2 < bytes.count {
                            let next = (pair << 8 | Int(bytes[start + 2])) & 0xFFFF
                            if following[next >> 6] & (1 << UInt64(next & 63)) != 0, matches(bytes, at: start) {
                                return true
                            }
                        } else if matches(bytes, at: start) {
                            return true
                        }
                    }
                    start += 1
                }
                return matches(bytes, at: start)
            }
        }
    }

    @inline(__always)
    private func matches(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
        guard start < bytes.count else { return false }
        let candidates = byFirstByte[Int(bytes[start])]
        if candidates.isEmpty { return false }
        for pattern in candidates where start + pattern.count <= bytes.count {
            var offset = 1
            while offset < pattern.count && bytes[start + offset] == pattern[offset] { offset += 1 }
            if offset == pattern.count { return true }
        }
        return false
    }
}
