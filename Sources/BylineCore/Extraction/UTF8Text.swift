/// Reading a string's UTF-8 directly: the scalar and character views validate every index, which costs more
/// than the tests the extractor runs on each scalar.
enum UTF8Text {
    /// Calls `body` with the string's UTF-8 bytes (native strings lend their storage; others are copied once).
    @inline(__always)
    static func withBytes<R>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = text
        return copy.withUTF8(body)
    }

    /// Calls `body` with the substring's UTF-8 bytes.
    @inline(__always)
    static func withBytes<R>(_ text: Substring, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = text
        return copy.withUTF8(body)
    }

    /// The scalar starting at `index` of valid UTF-8, and its length in bytes.
    @inline(__always)
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (value: UInt32, length: Int) {
        let lead = UInt32(bytes[index])
        if lead < 0x80 { return (lead, 1) }
        if lead < 0xE0 { return ((lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F), 2) }
        if lead < 0xF0 {
            return ((lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F), 3)
        }
        let value = (lead & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12
            | UInt32(bytes[index + 2] & 0x3F) << 6 | UInt32(bytes[index + 3] & 0x3F)
        return (value, 4)
    }

    /// Writes the UTF-8 of scalar value `value` at `offset` and returns its length.
    @inline(__always)
    static func encode(_ value: UInt32, into output: UnsafeMutableBufferPointer<UInt8>, at offset: Int) -> Int {
        if value < 0x80 {
            output[offset] = UInt8(value)
            return 1
        }
        if value < 0x800 {
            output[offset] = UInt8(0xC0 | value >> 6)
            output[offset + 1] = UInt8(0x80 | value & 0x3F)
            return 2
        }
        if value < 0x10000 {
            output[offset] = UInt8(0xE0 | value >> 12)
            output[offset + 1] = UInt8(0x80 | value >> 6 & 0x3F)
            output[offset + 2] = UInt8(0x80 | value & 0x3F)
            return 3
        }
        output[offset] = UInt8(0xF0 | value >> 18)
        output[offset + 1] = UInt8(0x80 | value >> 12 & 0x3F)
        output[offset + 2] = UInt8(0x80 | value >> 6 & 0x3F)
        output[offset + 3] = UInt8(0x80 | value & 0x3F)
        return 4
    }

    /// The scalar of a value decoded from a String's own UTF-8, which is always a valid scalar.
    @inline(__always)
    static func scalar(_ value: UInt32) -> Unicode.Scalar {
        Unicode.Scalar(value) ?? "\u{FFFD}"
    }
}
