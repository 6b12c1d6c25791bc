/// Trims what Foundation's `CharacterSet.whitespaces` holds (tab and the Zs space separators) from both ends
/// of a line's UTF-8, without bridging to NSString: the boilerplate hash runs on every line of every file.
enum WhitespaceTrim {
    /// The UTF-8 bytes of `line` without leading and trailing tabs and Zs spaces.
    @inline(__always)
    static func trimmedBytes(_ line: Substring.UTF8View) -> Substring.UTF8View.SubSequence {
        var start = line.startIndex, end = line.endIndex
        while start < end {
            let length = spaceLength(line, at: start)
            if length == 0 { break }
            start = line.index(start, offsetBy: length)
        }
        while start < end {
            let length = spaceLengthEnding(line, before: end, after: start)
            if length == 0 { break }
            end = line.index(end, offsetBy: -length)
        }
        return line[start..<end]
    }

    /// The byte length of the tab or Zs space starting at `index`, or 0.
    @inline(__always)
    private static func spaceLength(_ bytes: Substring.UTF8View, at index: String.Index) -> Int {
        let lead = bytes[index]
        if lead == 0x20 || lead == 0x09 { return 1 }
        if lead < 0x80 { return 0 }
        var value: UInt32 = 0
        var iterator = bytes[index...].makeIterator()
        var decoder = UTF8()
        if case .scalarValue(let scalar) = decoder.decode(&iterator) { value = scalar.value } else { return 0 }
        return isWideSpace(value) ? UTF8.width(Unicode.Scalar(value) ?? " ") : 0
    }

    /// The byte length of the tab or Zs space ending just before `end` (not reaching before `start`), or 0.
    @inline(__always)
    private static func spaceLengthEnding(
        _ bytes: Substring.UTF8View, before end: String.Index, after start: String.Index
    ) -> Int {
        let last = bytes[bytes.index(before: end)]
        if last == 0x20 || last == 0x09 { return 1 }
        if last < 0x80 { return 0 }
        // Step back to the lead byte of the last scalar (at most four bytes).
        var lead = bytes.index(before: end)
        var steps = 0
        while lead > start && bytes[lead] & 0xC0 == 0x80 && steps < 3 {
            lead = bytes.index(before: lead)
            steps += 1
        }
        let length = spaceLength(bytes, at: lead)
        return length == bytes.distance(from: lead, to: end) ? length : 0
    }

    /// The non-ASCII members of Unicode general category Zs.
    @inline(__always)
    static func isWideSpace(_ value: UInt32) -> Bool {
        value == 0xA0 || value == 0x1680 || (value >= 0x2000 && value <= 0x200A) || value == 0x202F
            || value == 0x205F || value == 0x3000
    }
}
