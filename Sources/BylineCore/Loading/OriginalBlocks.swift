extension ArticleLoader {
    /// The whole extraction of one file, read the loader's way (size cap, binary check, decoding, sanitising):
    /// for `byline show --explain` and the reader's raw view.
    public func extraction(of file: DiscoveredFile) -> Result<Extraction, SkippedPath> {
        readText(file).map { extractor.extract($0.text) }
    }

    /// The extractor's verdict on every block of the file at `path` (for the raw view); empty when unreadable.
    public func originalBlocks(ofPath path: String) -> [ClassifiedBlock] {
        let file = DiscoveredFile(path: path, root: path, folders: [], givenByName: true)
        return (try? extraction(of: file).get())?.blocks ?? []
    }
}
