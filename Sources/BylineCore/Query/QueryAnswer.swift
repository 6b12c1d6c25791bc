/// The entries a query shows, in display order: all of them, or, while a long search is still being read
/// in the background, the first of them.
public struct QueryAnswer: Sendable, Equatable {
    public let indices: [Int]
    /// False while only the first matches are known.
    public let isComplete: Bool

    public init(indices: [Int], isComplete: Bool) {
        self.indices = indices
        self.isComplete = isComplete
    }
}
