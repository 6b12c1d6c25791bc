import Foundation

/// Turns scraped article text into title, metadata and body paragraphs, dropping site chrome.
///
/// First cut: the rules the two seed files need. General, measured extraction replaces this.
public struct Extractor: Sendable {
    public init() {}

    public func extract(_ text: String, boilerplate: Boilerplate = .none) -> Extraction {
        var result = Extraction()
        var blocks = Self.blocks(of: text)
        var verdicts: [ClassifiedBlock] = []
        if let recent = blocks.firstIndex(where: { $0.lowercased() == "recent posts" }) {
            for tail in blocks[recent...] {
                verdicts.append(ClassifiedBlock(text: tail, verdict: .chrome, reason: "after “Recent Posts”"))
            }
            blocks.removeSubrange(recent...)
        }
        var head: [ClassifiedBlock] = []
        var body: [String] = []
        for (index, block) in blocks.enumerated() {
            let lower = block.lowercased()
            if lower == "connect with us" || lower == "published" || lower == "on" {
                head.append(ClassifiedBlock(text: block, verdict: .chrome, reason: "label line"))
            } else if result.title.isEmpty {
                let isLabel = block.split(separator: " ").count <= 2 && index + 1 < blocks.count
                if isLabel && result.section == nil {
                    result.section = block
                    head.append(ClassifiedBlock(text: block, verdict: .meta, reason: "section label"))
                } else {
                    result.title = Self.titleCased(block)
                    head.append(ClassifiedBlock(text: block, verdict: .title, reason: "headline"))
                }
            } else if body.isEmpty && !block.hasSuffix(".") && block.split(separator: " ").count < 8
                && index + 1 < blocks.count {
                result.captions.append(block)
                head.append(ClassifiedBlock(text: block, verdict: .caption, reason: "short line before body"))
            } else if lower == "our correspondent" || lower.hasPrefix("by ") && block.count < 60 {
                result.byline = block
                head.append(ClassifiedBlock(text: block, verdict: .meta, reason: "byline"))
            } else if let last = body.last, let first = block.first, first.isLowercase,
                      let end = last.last, end.isLetter {
                body[body.count - 1] = last + block
                head.append(ClassifiedBlock(text: block, verdict: .body, reason: "joined to the word before"))
            } else {
                body.append(block)
                head.append(ClassifiedBlock(text: block, verdict: .body, reason: "body text"))
            }
        }
        if let first = body.first, let dash = first.range(of: " — "),
           first[..<dash.lowerBound].count < 40 {
            result.dateline = String(first[..<dash.lowerBound])
        }
        result.paragraphs = body.map { Paragraph($0) }
        result.blocks = head + verdicts
        return result
    }

    /// Splits text into blocks at blank lines, trimming and collapsing white space within lines.
    static func blocks(of text: String) -> [String] {
        var blocks: [String] = []
        var current: [Substring] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty {
                if !current.isEmpty { blocks.append(current.joined(separator: " ")) }
                current = []
            } else {
                current.append(Substring(trimmed))
            }
        }
        if !current.isEmpty { blocks.append(current.joined(separator: " ")) }
        return blocks
    }

    /// An ALL-CAPS headline is shown as written; readers cope, and guessing case loses names.
    static func titleCased(_ headline: String) -> String { headline }
}
