import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The search index of one load kept on disk beside its extraction cache, for the next load of exactly the same
/// articles (the same texts in the same order): reading it back costs a fraction of building it, which is most of
/// a load whose articles all come from the cache. Any other load builds the index and replaces the file.
///
/// The file: magic, the fingerprint of the articles, then each of the index's arrays as a count, its bytes and
/// their checksum. A file that is damaged, or another build's, or for other articles, is not used.
public final class SearchIndexFile: Sendable {
    public let path: String
    private let identity: UInt64

    static let magic = Array("byline search index v2\n".utf8)
    private let wasReadBack = Locked(false)

    /// Whether a load took its index from this file (for the benchmark and tests).
    public var readBack: Bool { wasReadBack.withLock { $0 } }
    /// How much of the entry lists is read at a time.
    private static let bufferSize = 1 << 20

    public init(path: String, identity: UInt64) {
        self.path = path
        self.identity = identity
    }

    /// Tells one list of articles from another: their texts' hashes and sizes, in order.
    static func fingerprint(_ entries: ArraySlice<StoredArticle>) -> UInt64 {
        // The checksum of count, then each entry's mark hash and length, as eight-byte little-endian fields,
        // hashed as they come instead of gathered into one buffer first.
        var checksum = ContentHasher()
        func add(_ field: UInt64) { withUnsafeBytes(of: field.littleEndian) { checksum.add(bytes: $0.assumingMemoryBound(to: UInt8.self)) } }
        add(UInt64(entries.count))
        for entry in entries {
            add(entry.article.markHash)
            add(UInt64(entry.searchBytes.count))
        }
        return checksum.finish()
    }

    /// The index saved for exactly `entries`, or nil.
    func load(for entries: ArraySlice<StoredArticle>) -> SearchIndex? {
        guard Self.hostIsLittleEndian else { return nil }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var reader = SectionReader(descriptor: descriptor)
        guard reader.bytes(count: Self.magic.count) == Self.magic, reader.uint64() == identity,
              reader.uint64() == Self.fingerprint(entries), let entryCount = reader.uint64(), entryCount == entries.count,
              let arena: [UInt8] = reader.array(), let wordStarts: [UInt32] = reader.array(),
              let keys: [UInt64] = reader.array(), let slots: [Int32] = reader.array(),
              let lengths: [UInt32] = reader.array(), let postings = reader.lists(lengths: lengths),
              let lastEntry: [Int32] = reader.array(), let sorted: [Int32] = reader.array(),
              let asciiStartKeys: [Int32] = reader.array(), reader.isAtEnd
        else { return nil }
        // Marks the file as used, as `ExtractionCache.save` does its own: unused files are removed after a month.
        utimensat(AT_FDCWD, path, nil, 0)
        let index = SearchIndex(parts: SearchIndex.Parts(
            entryCount: Int(entryCount), arena: arena, wordStarts: wordStarts, keys: keys, slots: slots,
            postings: postings, lastEntry: lastEntry, sorted: sorted, asciiStartKeys: asciiStartKeys))
        if index != nil { wasReadBack.withLock { $0 = true } }
        return index
    }

    /// Replaces the file with `index`, built for `entries`; on any failure the old file stays (or none).
    func save(_ index: SearchIndex, for entries: ArraySlice<StoredArticle>) {
        guard Self.hostIsLittleEndian else { return }
        guard let file = ReplacingFile(replacing: path) else { return }
        let writer = SectionWriter(file: file)
        var header = CacheByteWriter()
        for field in [identity, Self.fingerprint(entries), UInt64(index.entryCount)] { header.append(field) }
        writer.write(Self.magic + header.bytes)
        // The sections of `SearchIndex.Parts`, in its order; those the index does not hold as arrays are made a
        // chunk at a time as they are written, so that saving adds little to a load's peak memory.
        writer.array(index.arena)
        writer.array(index.wordStarts)
        writer.array(index.keys)
        writer.array(count: index.slotCount) { index.slotWord($0) }
        let postings = index.postings
        writer.array(count: postings.count) { UInt32(postings[$0].count) }
        writer.lists(postings)
        writer.array(index.lastEntries)
        writer.array(index.sorted)
        writer.array(index.asciiStartKeys)
        _ = file.commit()
    }

    /// Arrays are written as the machine holds them; a big-endian machine keeps no index file.
    private static let hostIsLittleEndian = 1.littleEndian == 1

    /// Writes sections: counts and checksums as `CacheByteWriter` does, arrays as their bytes.
    private struct SectionWriter {
        let file: ReplacingFile

        func write(_ bytes: [UInt8]) { file.write(bytes) }

        func uint64(_ value: UInt64) { withUnsafeBytes(of: value.littleEndian) { file.write($0) } }

        func array<Element: FixedWidthInteger>(_ array: [Element]) {
            uint64(UInt64(array.count))
            array.withUnsafeBytes { file.write($0) }
            uint64(array.withUnsafeBytes { CacheChecksum.of($0) })
        }

        /// `array` of the `count` elements `element` gives, made and written a chunk at a time. A chunk's bytes are a
        /// multiple of eight, so the checksum is the one of the whole array.
        func array<Element: FixedWidthInteger>(count: Int, _ element: (Int) -> Element) {
            uint64(UInt64(count))
            var checksum = ContentHasher()
            var chunk: [Element] = []
            chunk.reserveCapacity(Self.chunkCount)
            for start in stride(from: 0, to: count, by: Self.chunkCount) {
                chunk.removeAll(keepingCapacity: true)
                for position in start..<min(start + Self.chunkCount, count) { chunk.append(element(position)) }
                chunk.withUnsafeBytes { bytes in
                    checksum.add(bytes: bytes.assumingMemoryBound(to: UInt8.self))
                    file.write(bytes)
                }
            }
            uint64(checksum.finish())
        }

        private static let chunkCount = 8192

        /// The lists' bytes one after another (their lengths are a section of their own), then one checksum.
        func lists(_ lists: [[UInt8]]) {
            var hasher = ContentHasher()
            for list in lists {
                list.withUnsafeBufferPointer { hasher.add(bytes: $0) }
                list.withUnsafeBytes { file.write($0) }
            }
            uint64(hasher.finish())
        }
    }

    /// Reads what `SectionWriter` wrote, each array straight into its own storage, checking counts against the
    /// bytes left and checksums against the bytes read.
    private struct SectionReader {
        let descriptor: Int32
        private var offset: Int64 = 0
        private let size: Int64

        init(descriptor: Int32) {
            self.descriptor = descriptor
            var info = stat()
            size = fstat(descriptor, &info) == 0 ? Int64(info.st_size) : 0
        }

        var isAtEnd: Bool { offset == size }

        mutating func bytes(count: Int) -> [UInt8]? { read(UInt8.self, count: count) }

        mutating func uint64() -> UInt64? { read(UInt64.self, count: 1)?.first.map { UInt64(littleEndian: $0) } }

        mutating func array<Element: FixedWidthInteger>() -> [Element]? {
            guard let count = uint64(), count <= UInt64(size - offset) / UInt64(MemoryLayout<Element>.size),
                  let array = read(Element.self, count: Int(count)), let checksum = uint64(),
                  array.withUnsafeBytes({ CacheChecksum.of($0) }) == checksum else { return nil }
            return array
        }

        /// Lists of the given lengths, read through one buffer so that their bytes are never held twice.
        mutating func lists(lengths: [UInt32]) -> [[UInt8]]? {
            let total = lengths.reduce(0) { $0 + Int($1) }
            guard total <= Int(size - offset) else { return nil }
            var lists: [[UInt8]] = []
            lists.reserveCapacity(lengths.count)
            var hasher = ContentHasher()
            var chunk: [UInt8] = [], used = 0
            for length in lengths {
                var list = [UInt8]()
                list.reserveCapacity(Int(length))
                var needed = Int(length)
                while needed > 0 {
                    if used == chunk.count {
                        guard let next = read(UInt8.self, count: min(bufferSize, Int(size - offset))), !next.isEmpty else { return nil }
                        chunk = next
                        used = 0
                    }
                    let taken = min(needed, chunk.count - used)
                    list.append(contentsOf: chunk[used..<(used + taken)])
                    used += taken
                    needed -= taken
                }
                list.withUnsafeBufferPointer { hasher.add(bytes: $0) }
                lists.append(list)
            }
            // The last chunk may have read past the lists: step back to where they end.
            offset -= Int64(chunk.count - used)
            guard let checksum = uint64(), checksum == hasher.finish() else { return nil }
            return lists
        }

        private mutating func read<Element: FixedWidthInteger>(_ type: Element.Type, count: Int) -> [Element]? {
            guard count * MemoryLayout<Element>.size <= size - offset,
                  let array: [Element] = FileIO.read(descriptor, count: count, at: offset) else { return nil }
            offset += Int64(count * MemoryLayout<Element>.size)
            return array
        }
    }
}
