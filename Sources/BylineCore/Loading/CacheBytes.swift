/// Appends the little-endian fields of an extraction-cache file.
struct CacheByteWriter {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    mutating func reserveCapacity(_ capacity: Int) { bytes.reserveCapacity(capacity) }

    /// Empties the buffer and keeps its memory for the next bytes.
    mutating func removeAll() { bytes.removeAll(keepingCapacity: true) }

    mutating func append(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func append(_ value: UInt32) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    /// Writes `value` over the eight bytes at `offset`, written before as a placeholder.
    mutating func set(_ value: UInt64, at offset: Int) {
        withUnsafeBytes(of: value.littleEndian) { bytes.replaceSubrange(offset..<(offset + 8), with: $0) }
    }

    /// Writes `value` over the four bytes at `offset`, written before as a placeholder.
    mutating func set(_ value: UInt32, at offset: Int) {
        withUnsafeBytes(of: value.littleEndian) { bytes.replaceSubrange(offset..<(offset + 4), with: $0) }
    }

    /// A length (at most 4 GiB - 2), then the bytes.
    mutating func append<Bytes: Collection<UInt8>>(bytes field: Bytes) {
        append(UInt32(field.count))
        bytes.append(contentsOf: field)
    }

    mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { append(bytes: $0) }
    }

    /// nil is written as a length no string has.
    mutating func append(_ text: String?) {
        if let text { append(text) } else { append(CacheByteReader.absent) }
    }

    mutating func append(_ texts: [String]) {
        append(UInt32(texts.count))
        for text in texts { append(text) }
    }
}

/// Reads the fields `CacheByteWriter` wrote; every read checks its bounds, so a damaged file gives nil, never a
/// read outside the buffer.
struct CacheByteReader {
    static let absent = UInt32.max
    private let bytes: UnsafeRawBufferPointer
    private(set) var position = 0

    init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    var isAtEnd: Bool { position == bytes.count }

    mutating func uint64() -> UInt64? {
        guard bytes.count - position >= 8 else { return nil }
        defer { position += 8 }
        return UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: position, as: UInt64.self))
    }

    mutating func uint32() -> UInt32? {
        guard bytes.count - position >= 4 else { return nil }
        defer { position += 4 }
        return UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: position, as: UInt32.self))
    }

    mutating func byteField() -> UnsafeRawBufferPointer? {
        guard let length = uint32(), length != Self.absent, bytes.count - position >= Int(length) else { return nil }
        defer { position += Int(length) }
        return UnsafeRawBufferPointer(rebasing: bytes[position..<(position + Int(length))])
    }

    mutating func bytesArray() -> [UInt8]? { byteField().map { Array($0) } }

    mutating func string() -> String? { byteField().map { String(decoding: $0, as: UTF8.self) } }

    /// An optional string: `.some(nil)` for one written as nil, nil when the bytes are damaged.
    mutating func optionalString() -> String?? {
        guard bytes.count - position >= 4 else { return nil }
        if UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: position, as: UInt32.self)) == Self.absent {
            position += 4
            return .some(nil)
        }
        return string().map { .some($0) }
    }

    /// A count then that many strings; the count is checked against the bytes left, so a damaged count cannot
    /// ask for a huge array.
    mutating func strings() -> [String]? {
        guard let count = uint32(), Int(count) <= (bytes.count - position) / 4 else { return nil }
        var texts: [String] = []
        texts.reserveCapacity(Int(count))
        for _ in 0..<count {
            guard let text = string() else { return nil }
            texts.append(text)
        }
        return texts
    }
}

/// The 64-bit check of a record or an index (FNV-1a eight bytes at a time, mixed): tells a damaged or
/// half-written cache file from a good one.
enum CacheChecksum {
    static func of(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var hasher = ContentHasher()
        hasher.add(bytes: bytes.assumingMemoryBound(to: UInt8.self))
        return hasher.finish()
    }

    static func of(_ bytes: [UInt8]) -> UInt64 { bytes.withUnsafeBytes { of($0) } }
}
