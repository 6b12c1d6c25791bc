/// What read and star marks are kept under: a hash of the article's title and body, so marks survive
/// moving or renaming folders (the path-based `ArticleID` would not).
public struct MarkKey: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let value: UInt64

    public init(value: UInt64) { self.value = value }

    /// The key for an article's content: 64-bit FNV-1a over the title, a separator, and the paragraphs.
    public init(_ article: Article) {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func add<S: Sequence>(_ bytes: S) where S.Element == UInt8 {
            for byte in bytes {
                hash ^= UInt64(byte)
                hash = hash &* 0x0000_0100_0000_01B3
            }
        }
        add(article.title.utf8)
        for paragraph in article.paragraphs {
            add(CollectionOfOne(0))
            add(paragraph.text.utf8)
        }
        value = hash
    }

    /// Parses the 16-hex-digit form printed by `description`.
    public init?(_ text: String) {
        guard text.count == 16, let value = UInt64(text, radix: 16) else { return nil }
        self.value = value
    }

    public var description: String {
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    public static func < (lhs: MarkKey, rhs: MarkKey) -> Bool { lhs.value < rhs.value }
}
