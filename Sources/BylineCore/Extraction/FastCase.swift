/// `String.lowercased()` with fast paths: the standard library maps every scalar of non-ASCII text through
/// a property look-up, yet most non-ASCII scalars in news text are curly quotes and dashes without case.
/// The result is the same: `lowercased()` is the per-scalar `lowercaseMapping`.
enum FastCase {
    static func lowercased(_ text: String) -> String {
        UTF8Text.withBytes(text) { lowercased($0) }
    }

    static func lowercased(_ text: Substring) -> String {
        UTF8Text.withBytes(text) { lowercased($0) }
    }

    /// `lowercased(String(text.prefix(characters)))`, counting characters by scalars where every scalar is a
    /// character of its own, lower-casing in the same pass.
    static func lowercasedPrefix(_ text: String, characters: Int) -> String {
        let lowered: String? = UTF8Text.withBytes(text) { bytes in
            var joins = false
            let result = String(unsafeUninitializedCapacity: prefixCapacity(bytes.count, characters: characters)) { output in
                guard let count = lowercasedPrefix(bytes, characters: characters, into: output) else {
                    joins = true
                    return 0
                }
                return count
            }
            return joins ? nil : result
        }
        return lowered ?? lowercased(text.prefix(characters))
    }

    /// The bytes `lowercasedPrefix(_:characters:into:)` may write for a text of `count` bytes.
    static func prefixCapacity(_ count: Int, characters: Int) -> Int {
        min(count, 4 * characters) * 3 + 4
    }

    /// The bytes `lowercased(_:into:)` may write for a text of `count` bytes.
    static func capacity(_ count: Int) -> Int {
        count * 3 + 4
    }

    /// `lowercasedPrefix(_:characters:)` of the text `bytes` written into `output` (`prefixCapacity` bytes or
    /// more); the bytes written, or nil when a scalar may join its neighbour (then characters are not scalars).
    static func lowercasedPrefix(
        _ bytes: UnsafeBufferPointer<UInt8>, characters: Int, into output: UnsafeMutableBufferPointer<UInt8>
    ) -> Int? {
        var count = 0, index = 0, scalars = 0
        while index < bytes.count {
            // Eight ASCII bytes short of the cut, none a CR: eight characters, lower-cased at once.
            if scalars + 8 <= characters && index + 8 <= bytes.count {
                let word = ByteLanes.load(bytes, at: index)
                if word & ByteLanes.high == 0 && !ByteLanes.contains(word, 0x0D) {
                    ByteLanes.store(ByteLanes.asciiLowercased(word), into: output, at: count)
                    count += 8
                    index += 8
                    scalars += 8
                    continue
                }
            }
            let byte = bytes[index]
            // The scalar after the cut is checked too: it must not join the last character kept.
            if byte < 0x80 {
                if byte == 0x0D { return nil }
                if scalars == characters { break }
                output[count] = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                count += 1
                index += 1
            } else {
                let (value, length) = UTF8Text.decode(bytes, at: index)
                if !ScalarClass.standsAlone(value) { return nil }
                if scalars == characters { break }
                count += writeLowercased(value, bytes, at: index, length: length, into: output, at: count)
                index += length
            }
            scalars += 1
        }
        return count
    }

    static func lowercased(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        String(unsafeUninitializedCapacity: capacity(bytes.count)) { lowercased(bytes, into: $0) }
    }

    /// `lowercased` of the text `bytes` written into `output` (`capacity` bytes or more); the bytes written.
    static func lowercased(_ bytes: UnsafeBufferPointer<UInt8>, into output: UnsafeMutableBufferPointer<UInt8>) -> Int {
        var count = 0
        var index = 0
        while index < bytes.count {
            if index + 8 <= bytes.count {
                let word = ByteLanes.load(bytes, at: index)
                if word & ByteLanes.high == 0 {
                    ByteLanes.store(ByteLanes.asciiLowercased(word), into: output, at: count)
                    count += 8
                    index += 8
                    continue
                }
            }
            let byte = bytes[index]
            if byte < 0x80 {
                output[count] = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                count += 1
                index += 1
                continue
            }
            let (value, length) = UTF8Text.decode(bytes, at: index)
            count += writeLowercased(value, bytes, at: index, length: length, into: output, at: count)
            index += length
        }
        return count
    }

    /// Writes the lower-case mapping of the non-ASCII scalar `value`, which is the `length` bytes at `index` of
    /// `bytes`, at `offset` of `output`; returns the number of bytes written.
    @inline(__always)
    private static func writeLowercased(
        _ value: UInt32, _ bytes: UnsafeBufferPointer<UInt8>, at index: Int, length: Int,
        into output: UnsafeMutableBufferPointer<UInt8>, at offset: Int
    ) -> Int {
        if ScalarClass.hasNoCase(value) {
            for step in 0..<length { output[offset + step] = bytes[index + step] }
            return length
        }
        if value < 0x800, case let lower = smallLowercase[Int(value)], lower != multiScalar {
            return UTF8Text.encode(lower, into: output, at: offset)
        }
        var written = 0
        for byte in UTF8Text.scalar(value).properties.lowercaseMapping.utf8 {
            output[offset + written] = byte
            written += 1
        }
        return written
    }

    /// The lower-case mapping of every scalar below U+0800 (Latin, Greek, Cyrillic, Armenian, Hebrew, Arabic) that
    /// maps to one scalar, else `multiScalar`: accented names and Cyrillic text paid a property look-up and a
    /// string for each letter.
    private static let smallLowercase: [UInt32] = (0..<UInt32(0x800)).map { value in
        guard let scalar = Unicode.Scalar(value) else { return value }
        let mapping = scalar.properties.lowercaseMapping.unicodeScalars
        return mapping.count == 1 ? mapping.first!.value : multiScalar
    }
    private static let multiScalar = UInt32.max

    /// The lower-case mapping of a scalar below U+0800 when it is one scalar.
    static func lowercasedScalar(_ value: UInt32) -> UInt32? {
        guard value < 0x800 else { return nil }
        let lower = smallLowercase[Int(value)]
        return lower == multiScalar ? nil : lower
    }

    /// `text.hasSuffix(String(punctuation))` for ASCII punctuation, read from the last two bytes: an ASCII
    /// scalar after another ASCII scalar is a character of its own, and no other character equals it (none of
    /// these marks has a canonical equivalent). Otherwise the `Character` comparison decides.
    static func endsWith(_ text: String, _ punctuation: UInt8) -> Bool {
        UTF8Text.withBytes(text) { endsWith($0, punctuation) } ?? text.hasSuffix(String(Unicode.Scalar(punctuation)))
    }

    /// `endsWith` read from the bytes alone; nil when only the `Character` comparison can tell.
    static func endsWith(_ bytes: UnsafeBufferPointer<UInt8>, _ punctuation: UInt8) -> Bool? {
        guard let last = bytes.last, last == punctuation else { return false }
        if bytes.count == 1 || bytes[bytes.count - 2] < 0x80 { return true }
        return nil
    }
}
