/// One source with how many articles it has and how its name was decided.
public struct SourceSummary: Sendable, Equatable {
    public let name: String
    public let count: Int
    /// How many articles took this source by each rule.
    public let rules: [String: Int]

    public init(name: String, count: Int, rules: [String: Int]) {
        self.name = name
        self.count = count
        self.rules = rules
    }

    /// Every source in `entries` (or among `indices` of them), largest first, then by name.
    public static func summarize(_ entries: [StoredArticle], indices: [Int]? = nil) -> [SourceSummary] {
        QueryCache.shared.summarize(entries, indices: indices)
    }

    /// How many different sources `entries` holds; cheap on repeated calls for the same (or a grown) array.
    public static func sourceCount(in entries: [StoredArticle]) -> Int {
        QueryCache.shared.sourceCount(in: entries)
    }
}
