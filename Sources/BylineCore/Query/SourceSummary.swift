/// One source with how many articles it has and how its name was decided.
public struct SourceSummary: Sendable, Equatable {
    public let name: String
    public let count: Int
    /// How many articles took this source by each rule.
    public let rules: [String: Int]

    /// Every source in `entries` (or among `indices` of them), largest first, then by name.
    public static func summarize(_ entries: [StoredArticle], indices: [Int]? = nil) -> [SourceSummary] {
        var counts: [String: Int] = [:]
        var rules: [String: [String: Int]] = [:]
        func count(_ article: Article) {
            counts[article.source, default: 0] += 1
            rules[article.source, default: [:]][article.sourceRule.rawValue, default: 0] += 1
        }
        if let indices { indices.forEach { count(entries[$0].article) } } else { entries.forEach { count($0.article) } }
        return counts
            .map { SourceSummary(name: $0.key, count: $0.value, rules: rules[$0.key] ?? [:]) }
            .sorted { $0.count != $1.count ? $0.count > $1.count : $0.name < $1.name }
    }
}
