/// Folds text for matching: case, accents and character width are ignored.
///
/// The fold is Foundation's `folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive])`
/// taken scalar by scalar from a precomputed table (`FoldingTable.swift`): ASCII is lower-cased byte by byte,
/// other scalars map through a page table, and combining marks that the fold drops after a base vanish.
/// Calling Foundation per article cost more than extracting it.
public enum TextFolding {
    public static func fold(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 && !($0 >= 0x41 && $0 <= 0x5A) }) { return text }
        return String(decoding: foldedUTF8(text), as: UTF8.self)
    }

    /// The folded text as UTF-8 bytes.
    public static func foldedUTF8<S: StringProtocol>(_ text: S) -> [UInt8] {
        var output: [UInt8] = []
        appendFolded(text, to: &output)
        return output
    }

    /// Appends the folded UTF-8 of `text` to `output`.
    public static func appendFolded<S: StringProtocol>(_ text: S, to output: inout [UInt8]) {
        output.reserveCapacity(output.count + text.utf8.count)
        let done: Void? = text.utf8.withContiguousStorageIfAvailable { appendFolded(bytes: $0, to: &output) }
        if done == nil {
            let bytes = Array(text.utf8)
            bytes.withUnsafeBufferPointer { appendFolded(bytes: $0, to: &output) }
        }
    }

    /// Folds valid UTF-8.
    static func appendFolded(bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        let table = FoldTable.shared
        var index = 0
        while index < bytes.count {
            // Eight ASCII bytes (most of a title) are lower-cased and appended in one step, not byte by byte.
            if index &+ 8 <= bytes.count {
                let word = ByteLanes.load(bytes, at: index)
                if word & ByteLanes.high == 0 {
                    withUnsafeBytes(of: ByteLanes.asciiLowercased(word)) { output.append(contentsOf: $0) }
                    index &+= 8
                    continue
                }
            }
            let step = step(bytes, at: index, table: table)
            switch step {
            case .keep(1):
                output.append(bytes[index])
            case .keep(let length):
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<(index + length)]))
            case .lowerASCII:
                output.append(bytes[index] | 0x20)
            case .mapped(_, let replacement):
                output.append(contentsOf: table.pool[replacement])
            case .dropped:
                break
            }
            index += step.length
        }
    }

    /// What the fold does to the scalar that starts at `index` (one place for `appendFolded` and the
    /// compact article text, which must fold exactly alike).
    @inline(__always)
    static func step(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, table: FoldTable) -> FoldStep {
        let byte = bytes[index]
        if byte < 0x80 { return byte >= 0x41 && byte <= 0x5A ? .lowerASCII : .keep(1) }
        let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
        guard index + length <= bytes.count, length > 1 else { return .keep(1) }
        var value = UInt32(byte) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
        let entry = table.entry(value)
        if entry == 0 { return .keep(length) }
        // A combining mark after a base: the accent the fold removes.
        if entry & FoldTable.droppedMark != 0 && index > 0 { return .dropped(length) }
        if entry & FoldTable.mappingMask == 0 { return .keep(length) }
        let start = Int((entry & FoldTable.mappingMask) >> 4)
        return .mapped(length, start..<(start + Int(entry & 0xF)))
    }
}

/// What folding does to one scalar: its bytes kept, an ASCII capital lower-cased, replaced by other bytes (a
/// range of `FoldTable.pool`), or dropped.
enum FoldStep {
    case keep(Int)
    case lowerASCII
    case mapped(Int, Range<Int>)
    case dropped(Int)

    /// How many bytes of the input the step covers.
    var length: Int {
        switch self {
        case .keep(let length), .mapped(let length, _), .dropped(let length): length
        case .lowerASCII: 1
        }
    }
}

/// The fold of every scalar U+0080…U+1FFFF, as 256-scalar pages; pages where nothing changes are left out.
final class FoldTable: Sendable {
    static let shared = FoldTable()
    /// Set on a combining mark the fold drops when it follows a base character.
    static let droppedMark: UInt32 = 1 << 31
    /// Offset into `pool` (shifted left by 4) and byte count (low 4 bits) of a scalar's folded UTF-8.
    static let mappingMask: UInt32 = ~droppedMark

    /// Page number → index into `pages` plus one (0: nothing on that page changes).
    private let pageSlots: [UInt16]
    private let pages: [[UInt32]]
    /// The folded UTF-8 of every mapped scalar, back to back.
    let pool: [UInt8]

    private init() {
        let pageCount = 0x20000 >> 8
        var slots = [UInt16](repeating: 0, count: pageCount)
        var pages: [[UInt32]] = []
        var pool: [UInt8] = []
        func setEntry(_ scalar: UInt32, _ update: (inout UInt32) -> Void) {
            let page = Int(scalar >> 8)
            guard page < pageCount else { return }
            if slots[page] == 0 {
                pages.append([UInt32](repeating: 0, count: 256))
                slots[page] = UInt16(pages.count)
            }
            update(&pages[Int(slots[page]) - 1][Int(scalar & 0xFF)])
        }
        let flat = TextFolding.foldedScalars
        var position = 0
        while position + 1 < flat.count {
            let scalar = flat[position], mappedCount = Int(flat[position + 1])
            var bytes: [UInt8] = []
            for mapped in flat[(position + 2)..<min(flat.count, position + 2 + mappedCount)] {
                if let mappedScalar = Unicode.Scalar(mapped) { UTF8.encode(mappedScalar) { bytes.append($0) } }
            }
            position += 2 + mappedCount
            // An empty or over-long mapping keeps the scalar as it is (none exist in the table today).
            guard !bytes.isEmpty, bytes.count < 16 else { continue }
            let start = UInt32(pool.count)
            pool += bytes
            setEntry(scalar) { $0 = ($0 & FoldTable.droppedMark) | start << 4 | UInt32(bytes.count) }
        }
        // Variation selectors are dropped after a letter but kept after an emoji (⬇️); emoji are what they follow.
        for range in TextFolding.droppedMarkRanges {
            for scalar in range where !(0xFE00...0xFE0F).contains(scalar) && !(0xE0100...0xE01EF).contains(scalar) {
                setEntry(scalar) { $0 |= FoldTable.droppedMark }
            }
        }
        self.pageSlots = slots
        self.pages = pages
        self.pool = pool
    }

    /// 0 when the scalar folds to itself.
    @inline(__always)
    func entry(_ scalar: UInt32) -> UInt32 {
        let page = Int(scalar >> 8)
        guard page < pageSlots.count else { return 0 }
        let slot = Int(pageSlots[page])
        return slot == 0 ? 0 : pages[slot - 1][Int(scalar & 0xFF)]
    }
}
