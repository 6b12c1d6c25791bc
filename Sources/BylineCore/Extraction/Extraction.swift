/// What the extractor recovered from one article's text.
public struct Extraction: Sendable, Equatable {
    public var title: String = ""
    public var byline: String?
    public var section: String?
    public var dateline: String?
    /// ISO 8601 (`2022-03-30` or `2022-03-30T10:15`).
    public var published: String?
    public var paragraphs: [Paragraph] = []
    public var captions: [String] = []
    /// Every input block with its verdict and the reason for it, in input order.
    public var blocks: [ClassifiedBlock] = []

    public init() {}
}

/// One input block (text between blank lines) and what the extractor decided about it.
public struct ClassifiedBlock: Sendable, Equatable {
    public let text: String
    public let verdict: BlockVerdict
    /// The rule or signal that decided the verdict, in a few words.
    public let reason: String

    public init(text: String, verdict: BlockVerdict, reason: String) {
        self.text = text
        self.verdict = verdict
        self.reason = reason
    }
}

/// The role of an input block.
public enum BlockVerdict: String, Sendable, Equatable, CaseIterable {
    case title, meta, body, caption, chrome
}

/// Lines that repeat across several files of one source (navigation, footers), by hash.
public struct Boilerplate: Sendable, Equatable {
    public let lineHashes: Set<UInt64>
    /// The same for equal sets of lines, whatever their order; taken once here because the extraction cache
    /// checks it for every file (each cached article is valid only for the boilerplate it was extracted with).
    public let fingerprint: UInt64
    /// No line of the set is longer than this many bytes (trimmed): a longer line is not hashed to be looked
    /// up. Navigation and footer lines are short, the paragraphs asked about are long.
    let longestLine: Int

    public init(lineHashes: Set<UInt64> = []) {
        self.init(lineHashes: lineHashes, longestLine: .max)
    }

    /// `longestLine` must be at least the trimmed byte count of every line hashed into `lineHashes`.
    init(lineHashes: Set<UInt64>, longestLine: Int) {
        self.lineHashes = lineHashes
        self.longestLine = longestLine
        var combined = UInt64(lineHashes.count)
        // Each hash mixed before the sum, so that sets differing in one line differ everywhere.
        for hash in lineHashes { combined = combined &+ ContentHasher.mixed(hash) }
        fingerprint = combined
    }

    public static let none = Boilerplate()

    /// Equal for equal sets of lines: `longestLine` only spares work.
    public static func == (lhs: Boilerplate, rhs: Boilerplate) -> Bool {
        lhs.fingerprint == rhs.fingerprint && lhs.lineHashes == rhs.lineHashes
    }

    public func contains(_ line: Substring) -> Bool {
        guard !lineHashes.isEmpty else { return false }
        return UTF8Text.withBytes(line) { containsLine(bytes: $0) }
    }

    /// Whether the line of `bytes`, whitespace-trimmed, is in the set; a line longer than `longestLine` is not
    /// hashed at all.
    @inline(__always)
    func containsLine(bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let trimmed = WhitespaceTrim.trimmedRange(bytes)
        return trimmed.count <= longestLine
            && lineHashes.contains(Self.hash(trimmedBytes: UnsafeBufferPointer(rebasing: bytes[trimmed])))
    }

    /// The hash used for a line: whitespace-trimmed, case-sensitive. Eight bytes a step: every line of every
    /// block is hashed to be checked against the site's boilerplate, and byte-wise FNV-1a was 3.5 % of loading.
    public static func hash<S: StringProtocol>(_ line: S) -> UInt64 {
        UTF8Text.withBytes(Substring(line)) { bytes in
            hash(trimmedBytes: UnsafeBufferPointer(rebasing: bytes[WhitespaceTrim.trimmedRange(bytes)]))
        }
    }

    /// `hash` of a line whose bytes are already trimmed.
    @inline(__always)
    static func hash(trimmedBytes bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hasher = ContentHasher()
        hasher.add(bytes: bytes)
        return hasher.finish()
    }
}
