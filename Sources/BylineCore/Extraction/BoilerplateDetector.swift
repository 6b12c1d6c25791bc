/// Finds lines that repeat across many files of one source: navigation, footers, newsletter prompts.
public enum BoilerplateDetector {
    /// Lines (trimmed) present in at least half of the texts, and in at least three.
    public static func detect(texts: [String]) -> Boilerplate {
        guard texts.count >= 3 else { return .none }
        // Per hash: in how many texts, and the longest trimmed line (a line looked up later that is longer than
        // every line kept needs no hashing).
        var counts: [UInt64: (texts: Int, longest: Int)] = [:]
        for text in texts {
            var seen: [UInt64: Int] = [:]
            for line in LineSplitter.lines(text) where !LineSplitter.isBlank(line) {
                let (hash, length) = UTF8Text.withBytes(line) { bytes in
                    let trimmed = WhitespaceTrim.trimmedRange(bytes)
                    return (Boilerplate.hash(trimmedBytes: UnsafeBufferPointer(rebasing: bytes[trimmed])), trimmed.count)
                }
                if let before = seen.updateValue(length, forKey: hash), before > length { seen[hash] = before }
            }
            for (hash, length) in seen { Self.count(length, in: &counts[hash, default: (0, 0)]) }
        }
        let threshold = max(3, (texts.count + 1) / 2)
        let kept = counts.filter { $0.value.texts >= threshold }
        return Boilerplate(lineHashes: Set(kept.keys), longestLine: kept.values.map(\.longest).max() ?? 0)
    }

    /// One more text holding a line of `length` bytes (taken in place: one look-up per line and text).
    private static func count(_ length: Int, in entry: inout (texts: Int, longest: Int)) {
        entry.texts += 1
        entry.longest = max(entry.longest, length)
    }
}
