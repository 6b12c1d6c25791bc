/// A block's opening as the rules read it: its first 200 characters, lower-cased (the whole block when it
/// has 200 bytes or fewer). `BlockFeatures` reads it once, from a scratch buffer, and keeps only what the
/// rules ask of it: a `String` per block cost its allocation and UTF-8 validation, and the reference
/// counting of every copy of the features.
///
/// The tests here answer from the bytes where they are sure to agree with the `String` test they stand for
/// (ExtractionOpeningTests compares them), and make the `String` when they are not.
enum LoweredOpening {
    /// Characters kept of a block longer than 200 bytes.
    static let characters = 200

    /// The bytes any opening may need in a scratch buffer.
    static let scratchCapacity = max(
        FastCase.prefixCapacity(4 * characters, characters: characters), FastCase.capacity(characters))

    /// The opening as a `String`: what the rules compared before, and still compare where the bytes cannot decide.
    static func string(_ text: String) -> String {
        text.utf8.count > characters ? FastCase.lowercasedPrefix(text, characters: characters) : FastCase.lowercased(text)
    }

    /// Calls `body` with the opening's UTF-8, written into `scratch` (`scratchCapacity` bytes or more).
    static func withBytes<R>(
        _ text: String, scratch: UnsafeMutableBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> R
    ) -> R {
        // The writers below index it without bounds checks in release builds.
        precondition(scratch.count >= scratchCapacity, "LoweredOpening scratch smaller than scratchCapacity")
        let count: Int? = UTF8Text.withBytes(text) { bytes in
            bytes.count > characters
                ? FastCase.lowercasedPrefix(bytes, characters: characters, into: scratch)
                : FastCase.lowercased(bytes, into: scratch)
        }
        if let count { return body(UnsafeBufferPointer(rebasing: scratch[..<count])) }
        let lowered = FastCase.lowercased(text.prefix(characters))
        return UTF8Text.withBytes(lowered, body)
    }

    /// Whether every scalar of the UTF-8 is its own NFC form whatever surrounds it (`TextKey.isNormalizedAnywhere`):
    /// then the text is its NFC form, and equal to another such text only byte for byte.
    static func isNFC(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < bytes.count {
            if index + 8 <= bytes.count && ByteLanes.load(bytes, at: index) & ByteLanes.high == 0 {
                index += 8
                continue
            }
            if bytes[index] < 0x80 {
                index += 1
                continue
            }
            let (value, length) = UTF8Text.decode(bytes, at: index)
            if !TextKey.isNormalizedAnywhere(value) { return false }
            index += length
        }
        return true
    }

    /// Whether every scalar of the UTF-8 is a character of its own (`ScalarClass.standsAlone`).
    static func standsAlone(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < bytes.count {
            if index + 8 <= bytes.count {
                let word = ByteLanes.load(bytes, at: index)
                if word & ByteLanes.high == 0 && !ByteLanes.contains(word, 0x0D) {
                    index += 8
                    continue
                }
            }
            let (value, length) = UTF8Text.decode(bytes, at: index)
            if !ScalarClass.standsAlone(value) { return false }
            index += length
        }
        return true
    }

    /// A hash of the text's NFC form: equal for texts that `String` finds equal.
    static func digest(_ bytes: UnsafeBufferPointer<UInt8>, isNFC: Bool) -> UInt64 {
        if isNFC { return hash(bytes) }
        return Array(String(decoding: bytes, as: UTF8.self)._nfcCodeUnits).withUnsafeBufferPointer(hash)
    }

    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        var index = 0
        while index + 8 <= bytes.count {
            hash = HashMix.mix(hash, ByteLanes.load(bytes, at: index))
            index += 8
        }
        var tail: UInt64 = 0, shift: UInt64 = 0
        while index < bytes.count {
            tail |= UInt64(bytes[index]) << shift
            shift += 8
            index += 1
        }
        return HashMix.mix(HashMix.mix(hash, tail), UInt64(bytes.count))
    }

    /// `text.hasPrefix(prefix)` for an ASCII prefix: the bytes must be the prefix's (no other character equals
    /// an ASCII one), and the scalar after them, when ASCII, cannot join the prefix's last character.
    static func hasPrefix(_ bytes: UnsafeBufferPointer<UInt8>, _ prefix: StaticString) -> Bool? {
        let count = prefix.utf8CodeUnitCount
        guard bytes.count >= count else { return false }
        let start = prefix.utf8Start
        for offset in 0..<count where bytes[offset] != start[offset] { return false }
        return bytes.count == count || bytes[count] < 0x80 ? true : nil
    }

    /// `text.hasSuffix(suffix)` for a suffix of one scalar that joins nothing after it: the bytes must end with
    /// it, and an ASCII scalar (or none) before it cannot join it.
    static func hasSuffix(_ bytes: UnsafeBufferPointer<UInt8>, _ suffix: StaticString) -> Bool? {
        let count = suffix.utf8CodeUnitCount
        guard bytes.count >= count else { return false }
        let start = suffix.utf8Start, base = bytes.count - count
        for offset in 0..<count where bytes[base + offset] != start[offset] { return false }
        return base == 0 || bytes[base - 1] < 0x80 ? true : nil
    }

    /// `text.allSatisfy { $0.isNumber || ".,- :".contains($0) }` (a table cell): plain ASCII answers by bytes, and
    /// so does the first ASCII byte outside the set when only such characters precede it (it starts a character).
    /// A text led by a scalar that is no number and not ASCII fails too: that scalar leads its character.
    static func isNumericCell(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        if let first = bytes.first, first >= 0x80 {
            let value = UTF8Text.decode(bytes, at: 0).value
            if UTF8Text.scalar(value).properties.numericType == nil { return false }
        }
        for byte in bytes {
            if byte >= 0x80 { return nil }
            let isDigit = byte >= 0x30 && byte <= 0x39
            if !(isDigit || byte == 0x2E || byte == 0x2C || byte == 0x20 || byte == 0x2D || byte == 0x3A) { return false }
        }
        return true
    }

    static func isNumericCell(_ text: String) -> Bool {
        text.allSatisfy { $0.isNumber || $0 == "." || $0 == "," || $0 == " " || $0 == "-" || $0 == ":" }
    }

    /// The part of `isLabelValue` after its colon test: a label of one to three words before the first ":"
    /// and something after it. Plain ASCII (without CR) answers by bytes, where each byte is a character.
    static func hasLabelShape(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        var colon = -1
        for (index, byte) in bytes.enumerated() {
            if byte >= 0x80 || byte == 0x0D { return nil }
            if byte == 0x3A && colon < 0 { colon = index }
        }
        guard colon > 0, colon + 1 < bytes.count else { return false }
        var words = 0, inWord = false
        for byte in bytes[0..<colon] {
            if byte == 0x20 {
                inWord = false
            } else if !inWord {
                inWord = true
                words += 1
            }
        }
        return words <= 3
    }

    static func hasLabelShape(_ lowercased: String) -> Bool {
        guard let colon = lowercased.firstIndex(of: ":") else { return false }
        let label = lowercased[..<colon]
        return !label.isEmpty && label.split(separator: " ").count <= 3 && lowercased.index(after: colon) < lowercased.endIndex
    }

    /// `text.contains(where: \.isNumber)`, true at once for an ASCII digit that starts a character: at the
    /// start, or after an ASCII scalar (neither can join it).
    static func containsNumber(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        for index in bytes.indices where bytes[index] >= 0x30 && bytes[index] <= 0x39 {
            if index == 0 || bytes[index - 1] < 0x80 { return true }
        }
        return nil
    }
}
