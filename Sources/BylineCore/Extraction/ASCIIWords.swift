/// The plain ASCII members of a word list, matched against byte ranges of ASCII text: for the byte versions of
/// tests that look words up in a `StringSet` (an ASCII word can equal only an ASCII member, byte for byte).
struct ASCIIWords: Sendable {
    private let words: [[UInt8]]

    init(_ list: [String]) {
        words = list.map { Array($0.utf8) }.filter { $0.allSatisfy { $0 < 0x80 } }
    }

    /// Whether `bytes[range]`, ASCII-lower-cased first when asked, is one of the words.
    func contains(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, lowercasing: Bool = false) -> Bool {
        candidates: for candidate in words where candidate.count == range.count {
            for offset in 0..<candidate.count {
                let byte = bytes[range.lowerBound + offset]
                let compared = lowercasing && byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                if compared != candidate[offset] { continue candidates }
            }
            return true
        }
        return false
    }
}
