extension ArticleLoader {
    /// The extractor's verdict on every block of the file at `path` (for the raw view); empty when unreadable.
    public func originalBlocks(ofPath path: String) -> [ClassifiedBlock] {
        let file = DiscoveredFile(path: path, root: path, folders: [], givenByName: true)
        guard case .success(let loaded) = readText(file) else { return [] }
        return extractor.extract(loaded.text).blocks
    }
}
