/// What the extraction cache keeps of one article: everything extraction gave, in the store's own form, so
/// reading it back costs copies, not extraction. Where the article sits (id, path) and its source are not kept:
/// they come from the file as the walk finds it, and a sidecar file may change the source at any time.
struct CacheRecord: Equatable {
    /// The file's path bytes, checked on reading so that two paths with one hash never mix.
    var systemPath: [UInt8]
    /// The article's own site as a URL in its text says (source rule 3), for files outside a site folder.
    var hostInText: String?
    var title: String
    var byline: String?
    var section: String?
    var dateline: String?
    var published: String?
    var captions: [String]
    var notices: [String]
    var byteCount: Int
    var markHash: UInt64
    var folded: [UInt8]
    var bodyStart: Int
    var patches: [UInt8]
    var paragraphLengths: [UInt32]

    init(article: Article, hostInText: String?, systemPath: [UInt8]) {
        self.systemPath = systemPath
        self.hostInText = hostInText
        title = article.title
        byline = article.byline
        section = article.section
        dateline = article.dateline
        published = article.published
        captions = article.captions
        notices = article.notices
        byteCount = article.byteCount
        markHash = article.markHash
        folded = article.storedText.folded
        bodyStart = article.storedText.bodyStart
        patches = article.storedText.patches
        paragraphLengths = article.storedText.paragraphLengths
    }

    /// The article at `path`, with the source decided now.
    func article(id: ArticleID, path: String, source: String, sourceRule: SourceRule) -> Article {
        Article(
            id: id, path: path, source: source, sourceRule: sourceRule, title: title, byline: byline,
            section: section, dateline: dateline, published: published,
            storedText: ArticleText(folded: folded, bodyStart: bodyStart, patches: patches, paragraphLengths: paragraphLengths),
            markHash: markHash, captions: captions, notices: notices, byteCount: byteCount)
    }

    /// The record's bytes: fields in declaration order.
    func encoded() -> [UInt8] {
        var writer = CacheByteWriter(capacity: capacity)
        write(to: &writer)
        return writer.bytes
    }

    /// Appends `framed()`'s bytes to `writer`, so that one buffer can frame record after record.
    func frame(into writer: inout CacheByteWriter) {
        let start = writer.bytes.count
        writer.reserveCapacity(start + 12 + capacity)
        writer.append(UInt64(0))
        writer.append(UInt32(0))
        write(to: &writer)
        let payloadCount = writer.bytes.count - start - 12
        let checksum = writer.bytes.withUnsafeBytes { CacheChecksum.of(UnsafeRawBufferPointer(rebasing: $0[(start + 12)...])) }
        writer.set(checksum, at: start)
        writer.set(UInt32(payloadCount), at: start + 8)
    }

    private var capacity: Int {
        64 + systemPath.count + title.utf8.count + folded.count + patches.count + 4 * paragraphLengths.count
    }

    private func write(to writer: inout CacheByteWriter) {
        writer.append(bytes: systemPath)
        writer.append(hostInText)
        writer.append(title)
        for field in [byline, section, dateline, published] { writer.append(field) }
        writer.append(captions)
        writer.append(notices)
        writer.append(UInt64(byteCount))
        writer.append(markHash)
        writer.append(bytes: folded)
        writer.append(UInt64(bodyStart))
        writer.append(bytes: patches)
        writer.append(UInt32(paragraphLengths.count))
        for length in paragraphLengths { writer.append(length) }
    }

    /// Reads `encoded()`'s bytes back; nil when they are damaged (a field runs past the end, a count is
    /// impossible, bytes are left over, or the body does not fit its text).
    init?(decoding bytes: UnsafeRawBufferPointer) {
        var reader = CacheByteReader(bytes)
        guard let systemPath = reader.bytesArray(), let hostInText = reader.optionalString(),
              let title = reader.string(), let byline = reader.optionalString(), let section = reader.optionalString(),
              let dateline = reader.optionalString(), let published = reader.optionalString(),
              let captions = reader.strings(), let notices = reader.strings(),
              let byteCount = reader.uint64(), let markHash = reader.uint64(),
              let folded = reader.bytesArray(), let bodyStart = reader.uint64(), let patches = reader.bytesArray(),
              let paragraphCount = reader.uint32(), Int(paragraphCount) <= bytes.count / 4,
              byteCount <= UInt64(Int.max), bodyStart <= UInt64(folded.count)
        else { return nil }
        var paragraphLengths: [UInt32] = []
        paragraphLengths.reserveCapacity(Int(paragraphCount))
        for _ in 0..<paragraphCount {
            guard let length = reader.uint32() else { return nil }
            paragraphLengths.append(length)
        }
        guard reader.isAtEnd else { return nil }
        self.systemPath = systemPath
        self.hostInText = hostInText
        self.title = title
        self.byline = byline
        self.section = section
        self.dateline = dateline
        self.published = published
        self.captions = captions
        self.notices = notices
        self.byteCount = Int(byteCount)
        self.markHash = markHash
        self.folded = folded
        self.bodyStart = Int(bodyStart)
        self.patches = patches
        self.paragraphLengths = paragraphLengths
    }
}
