/// A fixed set of byte strings searched in short texts, indexed by first byte so that most positions
/// cost one table read.
struct BytePatterns: Sendable {
    /// The patterns starting with each byte value.
    private let byFirstByte: [[[UInt8]]]

    init(_ patterns: [String]) {
        var index = [[[UInt8]]](repeating: [], count: 256)
        for pattern in patterns {
            let bytes = Array(pattern.utf8)
            if let first = bytes.first { index[Int(first)].append(bytes) }
        }
        byFirstByte = index
    }

    /// True when the text starts with one of the patterns.
    func isPrefix(of text: String) -> Bool {
        UTF8Text.withBytes(text) { matches($0, at: 0) }
    }

    /// True when one of the patterns occurs anywhere in the text.
    func occurs(in text: String) -> Bool {
        UTF8Text.withBytes(text) { bytes in
            for start in 0..<bytes.count where matches(bytes, at: start) { return true }
            return false
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
