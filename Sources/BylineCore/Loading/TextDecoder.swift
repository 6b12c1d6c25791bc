#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Turns a file's bytes into text: UTF-8 (BOM dropped), UTF-16 with a BOM, or Windows-1252 when the
/// bytes are not UTF-8 but look like it; line ends become `\n`.
public enum TextDecoder {
    /// The decoded text and what was unusual about the bytes (nil for clean UTF-8).
    public struct Decoded: Sendable, Equatable {
        public let text: String
        public let notice: String?
    }

    /// Bytes that are not text at all: NUL bytes outside UTF-16.
    public static func looksBinary(_ bytes: some Collection<UInt8>) -> Bool {
        let found = bytes.withContiguousStorageIfAvailable { buffer in
            buffer.count > 0 && memchr(buffer.baseAddress!, 0, min(buffer.count, 8192)) != nil
        }
        return found ?? bytes.prefix(8192).contains(0)
    }

    /// Whether the bytes start with a UTF-16 byte order mark (such text is full of NUL bytes, yet not binary).
    public static func hasUTF16ByteOrderMark(_ bytes: some Collection<UInt8>) -> Bool {
        bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF])
    }

    /// The largest length not above `limit` that does not cut a character's bytes in two.
    public static func characterBoundary(in bytes: [UInt8], atMost limit: Int) -> Int {
        guard limit < bytes.count else { return bytes.count }
        if hasUTF16ByteOrderMark(bytes) {
            var cut = limit - limit % 2
            // Do not split a surrogate pair: a high surrogate (D800–DBFF) must keep its partner.
            if cut >= 4 {
                let high = bytes[0] == 0xFE ? bytes[cut - 2] : bytes[cut - 1]
                if (0xD8...0xDB).contains(high) { cut -= 2 }
            }
            return max(0, cut)
        }
        var cut = limit
        // Step back over continuation bytes so the cut falls before a lead byte.
        while cut > 0 && limit - cut < 4 && bytes[cut] & 0xC0 == 0x80 { cut -= 1 }
        return bytes[cut] & 0xC0 == 0x80 ? limit : cut
    }

    /// Decodes a whole file's bytes; never fails, replacing what cannot be decoded with U+FFFD.
    public static func decode(_ bytes: [UInt8]) -> Decoded {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            let body = bytes.dropFirst(3)
            if let clean = CleanText.string(body) { return Decoded(text: clean, notice: nil) }
            if let valid = String(validating: body, as: UTF8.self) { return finish(valid, notice: nil) }
            return finish(String(decoding: body, as: UTF8.self), notice: "invalid UTF-8 replaced with �")
        }
        if hasUTF16ByteOrderMark(bytes) {
            return finish(decodeUTF16(bytes), notice: "decoded as UTF-16")
        }
        // Nearly every file: valid, without carriage returns, so `finish` would keep it as it is.
        if let clean = CleanText.string(bytes[...]) { return Decoded(text: clean, notice: nil) }
        if let valid = String(validating: bytes, as: UTF8.self) {
            return finish(valid, notice: nil)
        }
        if looksLikeWindows1252(bytes) {
            return finish(String(bytes.map { windows1252Scalar($0) }.map(Character.init)), notice: "decoded as Windows-1252")
        }
        return finish(String(decoding: bytes, as: UTF8.self), notice: "invalid UTF-8 replaced with �")
    }

    /// `decode` then `TextSanitizer.sanitize`, with a single pass over the bytes of clean text (nearly all).
    public static func decodeSanitized(_ bytes: [UInt8]) -> Decoded {
        if let clean = bytes.withUnsafeBufferPointer(cleanText) { return Decoded(text: clean, notice: nil) }
        let decoded = decode(bytes)
        return Decoded(text: TextSanitizer.sanitize(decoded.text), notice: decoded.notice)
    }

    /// The text of `bytes` when `decodeSanitized` gives it without a notice and exactly as the bytes spell it
    /// (clean UTF-8, any byte order mark dropped), made with one pass and one copy; else nil.
    static func cleanText(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        guard bytes.count < 2 || !isUTF16ByteOrderMark(bytes[0], bytes[1]) else { return nil }
        let hasMark = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
        return CleanText.string(hasMark ? UnsafeBufferPointer(rebasing: bytes[3...]) : bytes)
    }

    private static func isUTF16ByteOrderMark(_ first: UInt8, _ second: UInt8) -> Bool {
        (first == 0xFF && second == 0xFE) || (first == 0xFE && second == 0xFF)
    }

    private static func finish(_ text: String, notice: String?) -> Decoded {
        // Searched in the string's bytes with memchr: `utf8.contains` takes the generic, index-by-index path.
        guard UTF8Text.withBytes(text, { $0.count > 0 && memchr($0.baseAddress!, 13, $0.count) != nil }) else {
            return Decoded(text: text, notice: notice)
        }
        var normalized = String.UnicodeScalarView()
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            if scalar == "\r" {
                normalized.append("\n")
                previousWasCR = true
                continue
            }
            if scalar == "\n" && previousWasCR {
                previousWasCR = false
                continue
            }
            previousWasCR = false
            normalized.append(scalar)
        }
        return Decoded(text: String(normalized), notice: notice)
    }

    private static func decodeUTF16(_ bytes: [UInt8]) -> String {
        let bigEndian = bytes[0] == 0xFE
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = 2
        while index + 1 < bytes.count {
            let high = UInt16(bytes[bigEndian ? index : index + 1])
            let low = UInt16(bytes[bigEndian ? index + 1 : index])
            units.append(high << 8 | low)
            index += 2
        }
        return String(decoding: units, as: UTF16.self)
    }

    /// Invalid UTF-8 where most high bytes stand alone (not lead bytes followed by continuations).
    private static func looksLikeWindows1252(_ bytes: [UInt8]) -> Bool {
        var lone = 0
        var sequences = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x80 { index += 1; continue }
            let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC2 ? 2 : 0
            if length > 0, index + length <= bytes.count,
               bytes[(index + 1)..<(index + length)].allSatisfy({ $0 & 0xC0 == 0x80 }) {
                sequences += 1
                index += length
            } else {
                lone += 1
                index += 1
            }
        }
        return lone > sequences
    }

    private static let windows1252High: [UInt32] = [
        0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
        0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
    ]

    private static func windows1252Scalar(_ byte: UInt8) -> Unicode.Scalar {
        if (0x80...0x9F).contains(byte) { return Unicode.Scalar(windows1252High[Int(byte - 0x80)])! }
        return Unicode.Scalar(byte)
    }
}
