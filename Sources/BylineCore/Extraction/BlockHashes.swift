/// Hashes the word pass takes of every block of one text, kept one block after another in shared buffers (no
/// allocation per block); each block's `BlockFeatures` says where its own lie.
struct BlockHashes {
    /// Stop-word hashes (`StopWords.hash`) of the words of three characters or more that are not function
    /// words: the headline test compares a candidate's with the body's opening.
    var contentWords: [UInt64] = []
    /// `RepeatDetector.sentenceHashes` of each block: the repeat test looks for sentences shown before.
    var sentences: [Int] = []
}
