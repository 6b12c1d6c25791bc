import Dispatch
import Foundation

/// Settings for loading.
public struct LoadOptions: Sendable {
    /// Text kept per article; the rest is cut with a notice.
    public var maxArticleBytes: Int = ArticleSizeLimit.configured() ?? ArticleSizeLimit.defaultBytes
    /// Parallel workers; defaults to the number of cores.
    public var workers: Int = ProcessInfo.processInfo.activeProcessorCount
    /// Files read and extracted between two appends to the store.
    public var batchSize: Int = 256
    /// Where articles extracted by an earlier load are read back from, and this load's are kept; nil: extract all.
    public var cache: ExtractionCache?

    public init() {}
}

/// Reads, decodes, extracts and stores articles, in parallel, streaming batches into an `ArticleStore`.
public struct ArticleLoader: Sendable {
    public let options: LoadOptions
    public let extractor: Extractor

    public init(options: LoadOptions = LoadOptions(), extractor: Extractor = Extractor()) {
        self.options = options
        self.extractor = extractor
    }

    /// Loads every file into `store` and marks it complete. Blocks until done; call from a background thread.
    /// The extraction cache is saved in the background (see `ExtractionCache.saveInBackground()`).
    public func load(_ walk: FileWalker.Result, into store: ArticleStore) {
        store.begin(expected: walk.files.count)
        if !walk.skipped.isEmpty { store.append([], skipped: walk.skipped) }
        LoadPipeline(loader: self, groups: Self.groupsBySource(walk.files)).run(into: store)
        store.finish(indexFile: options.cache?.indexFile)
        // After `finish`, so that writing the cache competes with nothing the reader waits for.
        options.cache?.saveInBackground()
    }

    /// Loads one file on its own (for `byline show FILE`), or says why it was skipped.
    public func loadOne(_ file: DiscoveredFile, boilerplate: Boilerplate = .none) -> Outcome {
        loadOne(file, boilerplate: boilerplate, in: nil)
    }

    /// The same, opening the file through the worker's `folder` and reading it into the worker's `buffer` when given.
    func loadOne(_ file: DiscoveredFile, boilerplate: Boilerplate, in folder: OpenFolder?, buffer: ReadBuffer? = nil) -> Outcome {
        let cache = options.cache
        let boilerplateKey = cache == nil ? 0 : boilerplate.fingerprint
        if let record = cache?.record(for: file, boilerplate: boilerplateKey) {
            let (source, rule) = SourceResolver.resolve(file, hostInText: { record.hostInText })
            let article = record.article(id: Self.id(of: file), path: file.path, source: source, sourceRule: rule)
            return Outcome(article: StoredArticle(article), skipped: nil)
        }
        let loaded: LoadedText
        switch readText(file, in: folder, buffer: buffer) {
        case .failure(let skipped): return Outcome(article: nil, skipped: skipped)
        case .success(let text): loaded = text
        }
        // Rule 3 (a URL in the text) is only for files not sorted into a site folder.
        let hostInText = file.folders.isEmpty ? SourceResolver.siteHost(inText: loaded.text) : nil
        let (source, rule) = SourceResolver.resolve(file, hostInText: { hostInText })
        // The reader shows the article, never the verdict of each block (`show --explain` asks for those).
        let extraction = extractor.extract(loaded.text, boilerplate: boilerplate, keepingBlocks: false)
        let article = Article(
            id: Self.id(of: file),
            path: file.path, source: source, sourceRule: rule,
            title: extraction.title, byline: extraction.byline, section: extraction.section,
            dateline: extraction.dateline, published: extraction.published,
            paragraphs: extraction.paragraphs, captions: extraction.captions,
            notices: loaded.notices, byteCount: loaded.fileSize)
        let stored = StoredArticle(article)
        cache?.remember(stored, hostInText: hostInText, systemPath: file.systemPath, stamp: file.stamp, boilerplate: boilerplateKey)
        return Outcome(article: stored, skipped: nil)
    }

    private static func id(of file: DiscoveredFile) -> ArticleID {
        ArticleID(absolutePath: PathText.absoluteNormalized(file.path))
    }

    /// The result for one file: an article, or the reason it was skipped.
    public struct Outcome: Sendable {
        public let article: StoredArticle?
        public let skipped: SkippedPath?

        public init(article: StoredArticle?, skipped: SkippedPath?) {
            self.article = article
            self.skipped = skipped
        }
    }

    /// Lines repeated across a source's files, from up to 40 of them (read into `buffer`, a worker's).
    func boilerplateSample(_ group: [DiscoveredFile], buffer: ReadBuffer = ReadBuffer()) -> Boilerplate {
        let sample = Array(group.prefix(40))
        let texts = sample.compactMap { file -> String? in
            if case .success(let loaded) = readText(file, buffer: buffer) { return loaded.text }
            return nil
        }
        return BoilerplateDetector.detect(texts: texts)
    }

    /// A file's text, decoded and sanitised, with what was unusual about it.
    struct LoadedText {
        let text: String
        let notices: [String]
        /// The size on disk, which may exceed what was kept.
        let fileSize: Int
    }

    /// Reads and decodes a file, capped at `maxArticleBytes`, sanitised; read into `buffer` when given (a
    /// worker's, reused from file to file).
    func readText(_ file: DiscoveredFile, in folder: OpenFolder? = nil, buffer: ReadBuffer? = nil) -> Result<LoadedText, SkippedPathError> {
        let limit = max(0, options.maxArticleBytes)
        let read = FileReader.read(file.systemPath, limit: limit, in: folder, into: buffer ?? ReadBuffer()) { bytes, fileSize in
            Self.loadedText(bytes, fileSize: fileSize, limit: limit)
        }
        switch read {
        case .failure(let failure): return .failure(SkippedPathError(path: file.path, reason: failure.reason))
        case .success(let loaded): return loaded.mapError { SkippedPathError(path: file.path, reason: $0.reason) }
        }
    }

    /// The text of a file's bytes as read (at most `limit + 1`), or why it is no text.
    private static func loadedText(_ read: UnsafeBufferPointer<UInt8>, fileSize: Int, limit: Int) -> Result<LoadedText, ReadFailure> {
        // Nearly every file: whole, and clean text as it lies in the buffer. Clean text holds no NUL byte, so
        // it needs no look for one first.
        if read.count <= limit, let clean = TextDecoder.cleanText(read) {
            return .success(LoadedText(text: clean, notices: [], fileSize: fileSize))
        }
        if TextDecoder.looksBinary(read) && !TextDecoder.hasUTF16ByteOrderMark(read) {
            return .failure(ReadFailure(reason: "binary file (NUL bytes)"))
        }
        var bytes = Array(read)
        var notices: [String] = []
        if bytes.count > limit {
            bytes.removeSubrange(TextDecoder.characterBoundary(in: bytes, atMost: limit)...)
            notices.append("truncated: kept the first \(describe(bytes: limit)) of \(describe(bytes: fileSize))")
        }
        let decoded = TextDecoder.decodeSanitized(bytes)
        if let notice = decoded.notice { notices.append(notice) }
        return .success(LoadedText(text: decoded.text, notices: notices, fileSize: fileSize))
    }

    /// A byte count for people: "16 MB", "1.5 MB", "200 KB", "512 bytes".
    static func describe(bytes: Int) -> String {
        func scaled(_ unit: Int, _ name: String) -> String {
            let whole = bytes / unit, tenths = (bytes % unit) * 10 / unit
            return tenths == 0 || whole >= 100 ? "\(whole) \(name)" : "\(whole).\(tenths) \(name)"
        }
        if bytes >= 1 << 20 { return scaled(1 << 20, "MB") }
        if bytes >= 1 << 10 { return scaled(1 << 10, "KB") }
        return "\(bytes) bytes"
    }

    /// The key of the group a file is loaded in: its root and the source its place in the folders names.
    static func groupKey(of file: DiscoveredFile) -> String {
        file.root + "\u{0}" + SourceResolver.fromLayout(file).0
    }

    /// Files grouped by their layout source, groups in first-seen order, files in walk order.
    static func groupsBySource(_ files: [DiscoveredFile]) -> [[DiscoveredFile]] {
        var groups: [[DiscoveredFile]] = []
        var groupOfKey: [String: Int] = [:]
        // The layout source of a file in a folder depends on its root and first folder only, the same for the
        // whole run of files the walk found in one folder: the key is made and looked up once per run.
        var run: (root: String, folder: String, group: Int)?
        for file in files {
            if let run, let folder = file.folders.first, folder == run.folder, file.root == run.root {
                groups[run.group].append(file)
                continue
            }
            let key = groupKey(of: file)
            let group: Int
            if let known = groupOfKey[key] {
                group = known
            } else {
                group = groups.count
                groups.append([])
                groupOfKey[key] = group
            }
            groups[group].append(file)
            run = file.folders.first.map { (file.root, $0, group) }
        }
        return groups
    }
}

/// A skipped file as an error value.
public typealias SkippedPathError = SkippedPath
extension SkippedPath: Error {}
