/// `text.split(separator:)` at an ASCII separator, cut at the separator's bytes when the whole text is ASCII:
/// then every byte is a character of its own (CR LF aside, which holds no separator), and cutting by
/// `Character` cost more than what is done with the pieces.
enum ASCIISplit {
    static func split(_ text: String, separator: UInt8) -> [Substring] {
        let cuts: [Int]? = UTF8Text.withBytes(text) { bytes in
            var cuts: [Int] = []
            for index in 0..<bytes.count {
                if bytes[index] >= 0x80 { return nil }
                if bytes[index] == separator { cuts.append(index) }
            }
            return cuts
        }
        guard let cuts else { return text.split(separator: Character(Unicode.Scalar(separator))) }
        let utf8 = text.utf8
        var parts: [Substring] = []
        parts.reserveCapacity(cuts.count + 1)
        var start = 0
        for cut in cuts + [utf8.count] {
            if cut > start {
                let from = utf8.index(utf8.startIndex, offsetBy: start), to = utf8.index(utf8.startIndex, offsetBy: cut)
                parts.append(Substring(utf8[from..<to]))
            }
            start = cut + 1
        }
        return parts
    }
}
