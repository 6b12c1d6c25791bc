/// Finds lines that repeat across many files of one source: navigation, footers, newsletter prompts.
public enum BoilerplateDetector {
    /// Lines (trimmed) present in at least half of the texts, and in at least three.
    public static func detect(texts: [String]) -> Boilerplate {
        guard texts.count >= 3 else { return .none }
        var counts: [UInt64: Int] = [:]
        for text in texts {
            var seen = Set<UInt64>()
            for line in LineSplitter.lines(text) where !LineSplitter.isBlank(line) {
                seen.insert(Boilerplate.hash(line))
            }
            for hash in seen { counts[hash, default: 0] += 1 }
        }
        let threshold = max(3, (texts.count + 1) / 2)
        return Boilerplate(lineHashes: Set(counts.filter { $0.value >= threshold }.keys))
    }
}
