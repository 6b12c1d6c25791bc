import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What one load extracted, kept on disk for the next load of the same folders: an unchanged file (same size,
/// modification time and site boilerplate, same byline build) is read back as one record instead of being read,
/// decoded and extracted again, as mutt's header cache spares it re-parsing a mail folder.
///
/// The file: a header (magic, identity), the records (each a checksum and the bytes of a `CacheRecord`), an
/// index of fixed-size entries, and a trailer locating the index. A file that is missing, damaged or written by
/// another build is read as empty; one bad record is a miss, never an error. `save()` replaces the file
/// atomically, only when this load changed what it holds. A load keeps its new records in memory (they share the
/// stored articles' buffers) and writes them when it saves, which a load does in the background (see
/// `saveInBackground()`).
public final class ExtractionCache: Sendable {
    /// The file read at the start and replaced by `save()`.
    public let path: String
    /// Tells files written by another build or with other load options apart (see `CacheLocation.identity`).
    private let identity: UInt64
    private let state: Locked<State>
    /// Signalled when a save started by `saveInBackground()` is done.
    private let pendingSave = Locked<DispatchGroup?>(nil)

    static let magic = Array("byline extraction cache v1\n".utf8)
    private static let headerSize = magic.count + 8
    private static let trailerSize = 24
    private static let staleSeconds = 30 * 24 * 3600

    /// The search index of the articles this cache holds, beside it (`NAME.index` for `NAME.cache`).
    public let indexFile: SearchIndexFile

    /// Opens the cache at `path` (which need not exist yet).
    public init(path: String, identity: UInt64) {
        self.path = path
        self.identity = identity
        let stem = path.hasSuffix(".cache") ? String(path.dropLast(".cache".count)) : path
        indexFile = SearchIndexFile(path: stem + ".index", identity: identity)
        // A save of the same file still running in this process would otherwise be read half-made, or not at all.
        BackgroundSaves.wait(for: path)
        state = Locked(State(previous: PreviousFile(path: path, identity: identity)))
    }

    /// What a load did with the cache, for `--verbose` and the benchmark.
    public struct Counts: Sendable, Equatable {
        public var hits = 0
        public var misses = 0
        public var entriesRead = 0
        public var saved = false
    }

    /// Files read back and files extracted so far; unlike `counts`, does not wait for a save.
    public var hitsAndMisses: (hits: Int, misses: Int) { state.withLock { ($0.counts.hits, $0.counts.misses) } }

    /// Waits for a save under way, so that `saved` is known.
    public var counts: Counts {
        waitUntilSaved()
        return state.withLock { $0.counts }
    }

    /// The record kept for `file` when it is still valid for its stamp and boilerplate; nil otherwise.
    func record(for file: DiscoveredFile, boilerplate: UInt64) -> CacheRecord? {
        guard let stamp = file.stamp else { return nil }
        let key = Self.key(file.systemPath)
        // The file itself, not its descriptor: holding it keeps the descriptor open while the record is read.
        let found: (file: PreviousFile, entry: IndexEntry, slot: Int)? = state.withLock { state in
            guard !state.isClosed, let previous = state.previous, let slot = previous.slots[key] else { return nil }
            let entry = previous.entries[slot]
            guard entry.size == stamp.size, entry.modified == stamp.modified, entry.boilerplate == boilerplate
            else { return nil }
            return (previous, entry, slot)
        }
        guard let found, let record = Self.readRecord(found.entry, from: found.file.descriptor), record.systemPath == file.systemPath
        else {
            state.withLock { $0.counts.misses += 1 }
            return nil
        }
        state.withLock { state in
            state.counts.hits += 1
            state.used[found.slot] = true
        }
        return record
    }

    /// Keeps a freshly extracted article for the next file, which `save()` writes. The stored article is kept by
    /// its one reference and made into a `CacheRecord` only when saved: a load of 100,000 articles held 40 MB
    /// more at its peak when every record was kept as one.
    func remember(_ article: StoredArticle, hostInText: String?, systemPath: [UInt8], stamp: FileStamp?, boilerplate: UInt64) {
        guard let stamp else { return }
        state.withLock { state in
            guard !state.isClosed else { return }
            state.fresh.append(FreshRecord(
                article: article, hostInText: hostInText, systemPath: systemPath, stamp: stamp, boilerplate: boilerplate))
        }
    }

    /// Replaces the file with what this load used and extracted, unless that is exactly what it held, and
    /// closes the cache (later loads through the same loader extract). Failures leave the old file in place.
    public func save() {
        closeForSaving()?.run()
    }

    /// `save()` on a background thread: the load that calls it is done without waiting for hundreds of megabytes
    /// to be written. The cache closes at once; `counts`, a cache opened on the same file, and a normal exit of the
    /// process wait for the save; a signal does not (the reader quits promptly and the old cache stays). A process
    /// killed while saving leaves only its temporary file, never a half-made cache.
    public func saveInBackground() {
        guard let job = closeForSaving() else { return }
        let done = DispatchGroup()
        pendingSave.withLock { $0 = done }
        BackgroundSaves.start(path: path, done: done) { job.run() }
    }

    /// Returns once a save started by `saveInBackground()` has finished (at once when there is none).
    public func waitUntilSaved() {
        pendingSave.withLock { $0 }?.wait()
    }

    /// Closes the cache and takes what saving needs; nil when it was closed already.
    private func closeForSaving() -> SaveJob? {
        state.withLock { state -> SaveJob? in
            guard !state.isClosed else { return nil }
            state.isClosed = true
            let job = SaveJob(path: path, indexPath: indexFile.path, identity: identity, previous: state.previous,
                              used: state.used, fresh: state.fresh, state: self.state)
            state.previous = nil
            state.used = []
            state.fresh = []
            return job
        }
    }

    /// Everything one save writes, taken from the closed cache so that the writing needs no lock.
    private struct SaveJob: @unchecked Sendable {
        let path: String
        let indexPath: String
        let identity: UInt64
        let previous: PreviousFile?
        let used: [Bool]
        let fresh: [FreshRecord]
        let state: Locked<State>

        func run() {
            let unchanged = fresh.isEmpty && previous.map { previous in
                used.allSatisfy { $0 } && previous.entries.count == used.count
            } ?? true
            if unchanged {
                // The file's time says when a load last used it: files unused for a month are removed.
                utimensat(AT_FDCWD, path, nil, 0)
                return
            }
            guard let next = NextFile(beside: path, indexPath: indexPath, identity: identity) else { return }
            next.entries.reserveCapacity(fresh.count + used.count)
            var framed = CacheByteWriter()
            for item in fresh {
                framed.removeAll()
                CacheRecord(article: item.article.article, hostInText: item.hostInText, systemPath: item.systemPath)
                    .frame(into: &framed)
                next.entries.append(IndexEntry(
                    key: ExtractionCache.key(item.systemPath), size: item.stamp.size,
                    modified: item.stamp.modified, boilerplate: item.boilerplate,
                    offset: UInt64(next.length), length: UInt64(framed.bytes.count)))
                next.append(framed.bytes)
            }
            if let previous {
                for (slot, entry) in previous.entries.enumerated() where used[slot] {
                    guard let bytes = ExtractionCache.readBytes(entry, from: previous.descriptor) else { continue }
                    next.entries.append(IndexEntry(key: entry.key, size: entry.size, modified: entry.modified,
                                                   boilerplate: entry.boilerplate, offset: UInt64(next.length),
                                                   length: entry.length))
                    next.append(bytes)
                }
            }
            let saved = next.finish()
            state.withLock { $0.counts.saved = saved }
        }
    }

    /// An article extracted by this load, with what its record adds and the file state and boilerplate it holds for.
    private struct FreshRecord {
        let article: StoredArticle
        let hostInText: String?
        let systemPath: [UInt8]
        let stamp: FileStamp
        let boilerplate: UInt64
    }

    /// The index key of a path: its bytes hashed (the record holds the bytes themselves).
    static func key(_ systemPath: [UInt8]) -> UInt64 {
        systemPath.withUnsafeBytes { CacheChecksum.of($0) }
    }

    fileprivate static func readBytes(_ entry: IndexEntry, from descriptor: Int32) -> [UInt8]? {
        guard entry.length >= 12, entry.length <= UInt64(Int32.max) else { return nil }
        return FileIO.read(descriptor, count: Int(entry.length), at: Int64(entry.offset))
    }

    private static func readRecord(_ entry: IndexEntry, from descriptor: Int32) -> CacheRecord? {
        guard let bytes = readBytes(entry, from: descriptor) else { return nil }
        return bytes.withUnsafeBytes { raw -> CacheRecord? in
            var reader = CacheByteReader(raw)
            guard let checksum = reader.uint64(), let payload = reader.byteField(), reader.isAtEnd,
                  CacheChecksum.of(payload) == checksum else { return nil }
            return CacheRecord(decoding: payload)
        }
    }

    /// One index entry: which file, in which state, and where its record lies.
    struct IndexEntry: Equatable {
        static let size = 48
        var key: UInt64
        var size: Int64
        var modified: Int64
        var boilerplate: UInt64
        var offset: UInt64
        var length: UInt64

        func write(to writer: inout CacheByteWriter) {
            for field in [key, UInt64(bitPattern: size), UInt64(bitPattern: modified), boilerplate, offset, length] {
                writer.append(field)
            }
        }

        init(key: UInt64, size: Int64, modified: Int64, boilerplate: UInt64, offset: UInt64, length: UInt64) {
            (self.key, self.size, self.modified, self.boilerplate, self.offset, self.length) =
                (key, size, modified, boilerplate, offset, length)
        }

        init?(_ reader: inout CacheByteReader) {
            guard let key = reader.uint64(), let size = reader.uint64(), let modified = reader.uint64(),
                  let boilerplate = reader.uint64(), let offset = reader.uint64(), let length = reader.uint64()
            else { return nil }
            self.init(key: key, size: Int64(bitPattern: size), modified: Int64(bitPattern: modified),
                      boilerplate: boilerplate, offset: offset, length: length)
        }
    }

    /// The cache file as this load found it: its index, and the descriptor records are read through.
    final class PreviousFile {
        let descriptor: Int32
        let entries: [IndexEntry]
        /// Index key → position in `entries`.
        let slots: [UInt64: Int]

        /// nil when there is no file, or it is damaged or another build's.
        init?(path: String, identity: UInt64) {
            let descriptor = open(path, O_RDONLY | O_CLOEXEC)
            guard descriptor >= 0 else { return nil }
            guard let entries = Self.readIndex(descriptor, identity: identity) else {
                close(descriptor)
                return nil
            }
            self.descriptor = descriptor
            self.entries = entries
            var slots: [UInt64: Int] = [:]
            slots.reserveCapacity(entries.count)
            for (slot, entry) in entries.enumerated() { slots[entry.key] = slot }
            self.slots = slots
        }

        deinit { close(descriptor) }

        private static func readIndex(_ descriptor: Int32, identity: UInt64) -> [IndexEntry]? {
            var info = stat()
            guard fstat(descriptor, &info) == 0 else { return nil }
            let fileSize = Int64(info.st_size)
            guard fileSize >= Int64(headerSize + trailerSize),
                  let header: [UInt8] = FileIO.read(descriptor, count: headerSize, at: 0),
                  Array(header.prefix(magic.count)) == magic,
                  let trailer: [UInt8] = FileIO.read(descriptor, count: trailerSize, at: fileSize - Int64(trailerSize))
            else { return nil }
            let (storedIdentity, indexOffset, count, checksum) = header.withUnsafeBytes { headerBytes in
                trailer.withUnsafeBytes { trailerBytes in
                    var headerReader = CacheByteReader(UnsafeRawBufferPointer(rebasing: headerBytes[magic.count...]))
                    var trailerReader = CacheByteReader(trailerBytes)
                    return (headerReader.uint64(), trailerReader.uint64() ?? 0, trailerReader.uint64() ?? 0,
                            trailerReader.uint64() ?? 0)
                }
            }
            let indexEnd = fileSize - Int64(trailerSize)
            guard storedIdentity == identity, count <= UInt64(indexEnd) / UInt64(IndexEntry.size),
                  indexOffset >= UInt64(headerSize), indexOffset + count * UInt64(IndexEntry.size) == UInt64(indexEnd),
                  let index: [UInt8] = FileIO.read(descriptor, count: Int(count) * IndexEntry.size, at: Int64(indexOffset)),
                  CacheChecksum.of(index) == checksum
            else { return nil }
            return index.withUnsafeBytes { raw -> [IndexEntry]? in
                var reader = CacheByteReader(raw)
                var entries: [IndexEntry] = []
                entries.reserveCapacity(Int(count))
                for _ in 0..<count {
                    guard let entry = IndexEntry(&reader), entry.offset >= UInt64(headerSize),
                          entry.offset <= UInt64(indexOffset), entry.length <= UInt64(indexOffset) - entry.offset
                    else { return nil }
                    entries.append(entry)
                }
                return entries
            }
        }
    }

    /// The file this load writes, beside the old one until `finish` renames it over.
    final class NextFile {
        let file: ReplacingFile
        var entries: [IndexEntry] = []
        var length: Int { file.length }

        init?(beside path: String, indexPath: String, identity: UInt64) {
            guard let file = ReplacingFile(replacing: path) else { return nil }
            self.file = file
            NextFile.removeLeftovers(beside: path, indexPath: indexPath)
            var header = CacheByteWriter()
            header.append(identity)
            append(magic + header.bytes)
        }

        func append(_ bytes: [UInt8]) { file.write(bytes) }

        /// Writes the index and trailer and renames the file over the cache; false (and no file left) on failure.
        func finish() -> Bool {
            let indexOffset = length
            // Written and checksummed a thousand entries at a time (48 bytes each, so the checksum is the one of
            // the whole index): the whole index in one buffer came at the top of a load's memory.
            var checksum = ContentHasher()
            var chunk = CacheByteWriter(capacity: 1024 * IndexEntry.size)
            for start in stride(from: 0, to: entries.count, by: 1024) {
                chunk.removeAll()
                for entry in entries[start..<min(start + 1024, entries.count)] { entry.write(to: &chunk) }
                chunk.bytes.withUnsafeBufferPointer { checksum.add(bytes: $0) }
                append(chunk.bytes)
            }
            var trailer = CacheByteWriter()
            trailer.append(UInt64(indexOffset))
            trailer.append(UInt64(entries.count))
            trailer.append(checksum.finish())
            append(trailer.bytes)
            return file.commit()
        }

        /// Removes, from the cache folder, the temporary files of bylines that died while loading (their process
        /// is gone) and the caches of paths no load has used for `staleSeconds` (a cache is as big as its articles).
        private static func removeLeftovers(beside path: String, indexPath: String) {
            let folder = (path as NSString).deletingLastPathComponent
            let now = time(nil)
            for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] {
                let full = folder + "/" + name
                if let marker = name.range(of: ".cache.tmp-") ?? name.range(of: ".index.tmp-") {
                    guard let pid = Int32(name[marker.upperBound...]), pid != getpid(),
                          kill(pid, 0) != 0 && errno == ESRCH else { continue }
                    unlink(full)
                } else if name.hasSuffix(".cache") || name.hasSuffix(".index"), full != path, full != indexPath {
                    var info = stat()
                    guard stat(full, &info) == 0, Int(now) - Int(FileStamp(info).modified / 1_000_000_000) > staleSeconds else { continue }
                    unlink(full)
                }
            }
        }
    }

    private struct State {
        var previous: PreviousFile?
        var used: [Bool]
        var fresh: [FreshRecord] = []
        var isClosed = false
        var counts = Counts()

        init(previous: PreviousFile?) {
            self.previous = previous
            used = [Bool](repeating: false, count: previous?.entries.count ?? 0)
            counts.entriesRead = previous?.entries.count ?? 0
        }
    }
}
