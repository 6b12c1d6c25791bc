/// A fixed set of byte strings searched in short texts, indexed by first byte so that most positions
/// cost one dictionary miss.
struct BytePatterns: Sendable {
    private let byFirstByte: [UInt8: [[UInt8]]]

    init(_ patterns: [String]) {
        var index: [UInt8: [[UInt8]]] = [:]
        for pattern in patterns {
            let bytes = Array(pattern.utf8)
            if let first = bytes.first { index[first, default: []].append(bytes) }
        }
        byFirstByte = index
    }

    /// True when the text starts with one of the patterns.
    func isPrefix(of text: String) -> Bool {
        let bytes = Array(text.utf8)
        return matches(bytes, at: 0)
    }

    /// True when one of the patterns occurs anywhere in the text.
    func occurs(in text: String) -> Bool {
        let bytes = Array(text.utf8)
        for start in bytes.indices where matches(bytes, at: start) { return true }
        return false
    }

    private func matches(_ bytes: [UInt8], at start: Int) -> Bool {
        guard start < bytes.count, let candidates = byFirstByte[bytes[start]] else { return false }
        for pattern in candidates where start + pattern.count <= bytes.count {
            var offset = 1
            while offset < pattern.count && bytes[start + offset] == pattern[offset] { offset += 1 }
            if offset == pattern.count { return true }
        }
        return false
    }
}
