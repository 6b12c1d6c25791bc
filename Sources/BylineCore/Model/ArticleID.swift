/// A stable article identifier: a hash of the file's absolute path, printed as 12 hex digits.
public struct ArticleID: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let value: UInt64

    public init(value: UInt64) { self.value = value & 0xFFFF_FFFF_FFFF }

    /// The identifier for the file at `absolutePath`.
    public init(absolutePath: String) {
        // The string's own bytes: hashing through the generic UTF8View iterator cost several times more.
        self.init(value: UTF8Text.withBytes(absolutePath) { FNV1a.hash($0) })
    }

    /// Parses the 12-hex-digit form printed by `description`.
    public init?(_ text: String) {
        guard text.count == 12, let value = UInt64(text, radix: 16) else { return nil }
        self.init(value: value)
    }

    public var description: String {
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: max(0, 12 - hex.count)) + hex
    }

    public static func < (lhs: ArticleID, rhs: ArticleID) -> Bool { lhs.value < rhs.value }
}

/// 64-bit FNV-1a, a small stable hash (Swift's `Hasher` is seeded per process).
public enum FNV1a {
    public static func hash<S: Sequence>(_ bytes: S) -> UInt64 where S.Element == UInt8 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }
}
