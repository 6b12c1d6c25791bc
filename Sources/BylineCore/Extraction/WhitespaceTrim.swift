/// Trims what Foundation's `CharacterSet.whitespaces` holds (tab and the Zs space separators) from both ends
/// of a line's UTF-8, without bridging to NSString: the boilerplate hash runs on every line of every file.
/// It works on raw bytes because walking a `Substring.UTF8View` index by index cost more than the hash.
enum WhitespaceTrim {
    /// The range of `bytes` left after dropping leading and trailing tabs and Zs spaces.
    @inline(__always)
    static func trimmedRange(_ bytes: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        var start = 0, end = bytes.count
        while start < end {
            let length = spaceLength(bytes, at: start, end: end)
            if length == 0 { break }
            start += length
        }
        while start < end {
            let length = spaceLengthEnding(bytes, before: end, after: start)
            if length == 0 { break }
            end -= length
        }
        return start..<end
    }

    /// The byte length of the tab or Zs space starting at `index` (and ending by `end`), or 0.
    @inline(__always)
    private static func spaceLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, end: Int) -> Int {
        let lead = bytes[index]
        if lead == 0x20 || lead == 0x09 { return 1 }
        // Every wide space is two or three bytes long; a stray continuation byte starts none.
        if lead < 0xC2 || lead >= 0xF0 { return 0 }
        let length = lead < 0xE0 ? 2 : 3
        guard index + length <= end else { return 0 }
        var value = UInt32(lead & (length == 2 ? 0x1F : 0x0F))
        for offset in 1..<length {
            let byte = bytes[index + offset]
            if byte & 0xC0 != 0x80 { return 0 }
            value = value << 6 | UInt32(byte & 0x3F)
        }
        return isWideSpace(value) ? length : 0
    }

    /// The byte length of the tab or Zs space ending just before `end` (not reaching before `start`), or 0.
    @inline(__always)
    private static func spaceLengthEnding(_ bytes: UnsafeBufferPointer<UInt8>, before end: Int, after start: Int) -> Int {
        let last = bytes[end - 1]
        if last == 0x20 || last == 0x09 { return 1 }
        if last < 0x80 { return 0 }
        // Step back to the lead byte of the last scalar (at most four bytes).
        var lead = end - 1
        var steps = 0
        while lead > start && bytes[lead] & 0xC0 == 0x80 && steps < 3 {
            lead -= 1
            steps += 1
        }
        let length = spaceLength(bytes, at: lead, end: end)
        return length == end - lead ? length : 0
    }

    /// The non-ASCII members of Unicode general category Zs.
    @inline(__always)
    static func isWideSpace(_ value: UInt32) -> Bool {
        value == 0xA0 || value == 0x1680 || (value >= 0x2000 && value <= 0x200A) || value == 0x202F
            || value == 0x205F || value == 0x3000
    }
}
