/// An article's title and body held once: folded UTF-8 (what search reads) plus the patches that give the
/// original text back, instead of the paragraphs as separate strings beside a folded copy.
///
/// The patches list each run of characters that folding changed: an upper-case ASCII run (restored by
/// upper-casing the folded bytes) or any other run with its original bytes. English text needs about one
/// two-byte patch per capitalised word.
final class ArticleText: Sendable {
    /// The folded title, a line break, then the folded paragraphs separated by blank lines.
    let folded: [UInt8]
    /// Where the first paragraph starts in `folded`.
    let bodyStart: Int
    /// Records of: gap since the previous record (folded bytes), folded length << 1 | 1 when the original
    /// bytes follow (their count, then the bytes), all counts as LEB128 varints.
    let patches: [UInt8]
    /// Each paragraph's original UTF-8 length, with its kind in the top two bits.
    let paragraphLengths: [UInt32]

    private static let kindShift: UInt32 = 30
    private static let kinds: [Paragraph.Kind] = [.body, .quote, .subhead]

    init(title: String, paragraphs: [Paragraph]) {
        var folded: [UInt8] = []
        folded.reserveCapacity(title.utf8.count + 1 + paragraphs.reduce(0) { $0 + $1.text.utf8.count + 2 })
        TextFolding.appendFolded(title, to: &folded)
        folded.append(0x0A)
        bodyStart = folded.count
        var writer = PatchWriter(bodyStart: folded.count)
        // Room for the patches reserved at once (a sixteenth of the text's bytes, about what capitalised words
        // need), instead of growing from empty; they are copied to an exact array at the end anyway.
        writer.patches.reserveCapacity(folded.capacity / 16)
        var lengths: [UInt32] = []
        lengths.reserveCapacity(paragraphs.count)
        for (index, paragraph) in paragraphs.enumerated() {
            if index > 0 {
                folded.append(0x0A)
                folded.append(0x0A)
            }
            var text = paragraph.text
            text.withUTF8 { writer.fold($0, into: &folded) }
            let kind = UInt32(Self.kinds.firstIndex(of: paragraph.kind) ?? 0)
            lengths.append(UInt32(min(text.utf8.count, (1 << Int(Self.kindShift)) - 1)) | kind << Self.kindShift)
        }
        self.folded = folded
        // Appending left up to twice the room needed; a hundred thousand articles keep this array.
        let patches = writer.patches
        self.patches = [UInt8](unsafeUninitializedCapacity: patches.count) { buffer, count in
            count = buffer.initialize(fromContentsOf: patches)
        }
        self.paragraphLengths = lengths
    }

    /// The parts as another `ArticleText` held them (read back from the extraction cache).
    init(folded: [UInt8], bodyStart: Int, patches: [UInt8], paragraphLengths: [UInt32]) {
        self.folded = folded
        self.bodyStart = bodyStart
        self.patches = patches
        self.paragraphLengths = paragraphLengths
    }

    /// The paragraphs as they were given.
    func paragraphs() -> [Paragraph] {
        let body = originalBody()
        var result: [Paragraph] = []
        result.reserveCapacity(paragraphLengths.count)
        var start = 0
        for entry in paragraphLengths {
            let length = Int(entry & ((1 << Self.kindShift) - 1))
            // Clamped, like every count in `originalBody`: parts read back from a cache file are trusted only
            // as far as a checksum goes, and a wrong count must give wrong text, never a crash.
            start = min(start, body.count)
            let end = min(body.count, start + length)
            let text = String(decoding: body[start..<end], as: UTF8.self)
            result.append(Paragraph(text, kind: Self.kinds[min(Int(entry >> Self.kindShift), Self.kinds.count - 1)]))
            start = end + 2
        }
        return result
    }

    var paragraphCount: Int { paragraphLengths.count }

    /// The original paragraphs' UTF-8, separated by blank lines.
    func originalBody() -> [UInt8] {
        var output: [UInt8] = []
        var position = min(max(0, bodyStart), folded.count)
        output.reserveCapacity(folded.count - position + patches.count)
        var cursor = 0
        /// The next count, never negative; callers clamp it to what is left (see `paragraphs`).
        func varint() -> Int {
            var value = 0, shift = 0
            while cursor < patches.count {
                let byte = patches[cursor]
                cursor += 1
                if shift < 56 { value |= Int(byte & 0x7F) << shift }
                if byte < 0x80 { break }
                shift += 7
            }
            return value
        }
        while cursor < patches.count {
            let gap = min(varint(), folded.count - position)
            output.append(contentsOf: folded[position..<(position + gap)])
            position += gap
            let header = varint()
            let foldedLength = min(header >> 1, folded.count - position)
            if header & 1 == 1 {
                let originalLength = min(varint(), patches.count - cursor)
                output.append(contentsOf: patches[cursor..<(cursor + originalLength)])
                cursor += originalLength
            } else {
                for byte in folded[position..<(position + foldedLength)] { output.append(byte & ~0x20) }
            }
            position += foldedLength
        }
        output.append(contentsOf: folded[position...])
        return output
    }

    static func == (lhs: ArticleText, rhs: ArticleText) -> Bool {
        lhs === rhs || (lhs.folded == rhs.folded && lhs.patches == rhs.patches && lhs.paragraphLengths == rhs.paragraphLengths)
    }

    /// Folds text scalar by scalar like `TextFolding`, writing a patch for every run it changes.
    private struct PatchWriter {
        var patches: [UInt8] = []
        /// Where the last written patch ended in the folded text.
        private var lastEnd: Int

        init(bodyStart: Int) { lastEnd = bodyStart }

        mutating func fold(_ bytes: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) {
            let table = FoldTable.shared
            var index = 0
            // The run of scalars the fold maps or drops being gathered: where it starts in `bytes` and in
            // `output` (its original bytes are `bytes` from there on, so nothing is copied until it is written).
            var runStart = -1, runFoldedStart = 0
            // Bytes `appendKeptStretch` may copy and cut back again in this paragraph, so that its copies
            // never cost more than a few passes over the paragraph, however many stretches it has.
            var spareCopies = 2 &* bytes.count
            while index < bytes.count {
                let step = TextFolding.step(bytes, at: index, table: table)
                switch step {
                case .keep, .lowerASCII:
                    // Most text keeps its length: ASCII, whose capitals are lower-cased, and scalars folding
                    // keeps. Such a stretch is copied at once and its capitals patched in place.
                    if runStart >= 0 {
                        writeChanged(UnsafeBufferPointer(rebasing: bytes[runStart..<index]), foldedStart: runFoldedStart,
                                     foldedEnd: output.count)
                        runStart = -1
                    }
                    if bytes.count &- index <= spareCopies {
                        let end = appendKeptStretch(bytes, from: index, to: &output, table: table)
                        spareCopies &-= bytes.count &- end
                        index = end
                    } else {
                        let end = Self.keptStretchEnd(bytes, from: index, table: table)
                        appendLowerCasingCapitals(UnsafeBufferPointer(rebasing: bytes[index..<end]), to: &output)
                        index = end
                    }
                    continue
                case .mapped(_, let replacement):
                    if runStart < 0 {
                        runStart = index
                        runFoldedStart = output.count
                    }
                    table.pool.withUnsafeBufferPointer { output.append(contentsOf: UnsafeBufferPointer(rebasing: $0[replacement])) }
                case .dropped:
                    if runStart < 0 {
                        runStart = index
                        runFoldedStart = output.count
                    }
                }
                index &+= step.length
            }
            if runStart >= 0 {
                writeChanged(UnsafeBufferPointer(rebasing: bytes[runStart...]), foldedStart: runFoldedStart, foldedEnd: output.count)
            }
        }

        /// Appends the stretch from `from` that `keptStretchEnd` finds, with its capitals lower-cased and
        /// patched as `appendLowerCasingCapitals` does, and returns where it ends: one pass over a copy of the
        /// rest of the paragraph, lower-cased in place and cut back after the stretch, instead of a pass to
        /// find the end, a copy and a pass for the capitals.
        private mutating func appendKeptStretch(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, to output: inout [UInt8],
                                                table: FoldTable) -> Int {
            let start = output.count &- from
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[from...]))
            let count = bytes.count
            let end = output.withUnsafeMutableBufferPointer { folded in
                var index = from
                while index < count {
                    if index &+ 8 <= count {
                        let word = ByteLanes.load(bytes, at: index)
                        let beyondASCII = word & ByteLanes.high
                        let capitals: UInt64
                        if beyondASCII == 0 {
                            capitals = ByteLanes.asciiCapitals(word)
                            if capitals == 0 {
                                index &+= 8
                                continue
                            }
                        } else {
                            // Only the capitals before the first byte beyond ASCII: the stretch may end at it.
                            capitals = ByteLanes.between(word, 0x40, 0x5B) & (beyondASCII &- 1)
                            if capitals == 0 {
                                index &+= beyondASCII.trailingZeroBitCount &>> 3
                                guard case .keep(let length) = TextFolding.step(bytes, at: index, table: table) else { return index }
                                index &+= length
                                continue
                            }
                        }
                        index &+= capitals.trailingZeroBitCount &>> 3
                    } else if bytes[index] >= 0x80 {
                        guard case .keep(let length) = TextFolding.step(bytes, at: index, table: table) else { return index }
                        index &+= length
                        continue
                    } else if !Self.isASCIICapital(bytes[index]) {
                        index &+= 1
                        continue
                    }
                    // A run of capitals begins at `index`.
                    var end = index &+ 1
                    while end < count, Self.isASCIICapital(bytes[end]) { end &+= 1 }
                    for offset in index..<end { folded[start &+ offset] |= 0x20 }
                    writeUpper(at: start &+ index, length: end &- index)
                    index = end
                }
                return count
            }
            if end < count { output.removeLast(count &- end) }
            return end
        }

        /// Where the stretch from `start` of bytes whose fold keeps their length (ASCII, and scalars the fold
        /// keeps) ends: at the first scalar the fold maps or drops, or the end.
        private static func keptStretchEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, table: FoldTable) -> Int {
            var index = start
            while index < bytes.count {
                if index &+ 8 <= bytes.count, ByteLanes.load(bytes, at: index) & ByteLanes.high == 0 {
                    index &+= 8
                    continue
                }
                if bytes[index] < 0x80 {
                    index &+= 1
                    continue
                }
                guard case .keep(let length) = TextFolding.step(bytes, at: index, table: table) else { return index }
                index &+= length
            }
            return index
        }

        /// Appends `bytes` (a kept stretch) with its ASCII capitals lower-cased, writing one patch for each run
        /// of capitals, as the fold of each byte would.
        private mutating func appendLowerCasingCapitals(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
            let start = output.count
            output.append(contentsOf: bytes)
            output.withUnsafeMutableBufferPointer { folded in
                var index = 0
                while index < bytes.count {
                    if index &+ 8 <= bytes.count {
                        let capitals = ByteLanes.between(ByteLanes.load(bytes, at: index), 0x40, 0x5B)
                        if capitals == 0 {
                            index &+= 8
                            continue
                        }
                        index &+= capitals.trailingZeroBitCount >> 3
                    } else if !Self.isASCIICapital(bytes[index]) {
                        index &+= 1
                        continue
                    }
                    var end = index &+ 1
                    while end < bytes.count, Self.isASCIICapital(bytes[end]) { end &+= 1 }
                    for offset in index..<end { folded[start &+ offset] |= 0x20 }
                    writeUpper(at: start &+ index, length: end &- index)
                    index = end
                }
            }
        }

        @inline(__always) private static func isASCIICapital(_ byte: UInt8) -> Bool { byte >= 0x41 && byte <= 0x5A }

        /// The record of a run of capitals lower-cased at `position` of the folded text.
        @inline(__always)
        private mutating func writeUpper(at position: Int, length: Int) {
            append(position &- lastEnd)
            append(length << 1)
            lastEnd = position &+ length
        }

        /// The record of a run the fold mapped or dropped: `original` became `foldedStart..<foldedEnd`.
        private mutating func writeChanged(_ original: UnsafeBufferPointer<UInt8>, foldedStart: Int, foldedEnd: Int) {
            append(foldedStart - lastEnd)
            append((foldedEnd - foldedStart) << 1 | 1)
            append(original.count)
            patches.append(contentsOf: original)
            lastEnd = foldedEnd
        }

        /// A count as a varint: one byte, nearly always.
        @inline(__always)
        private mutating func append(_ value: Int) {
            // The one-byte write below would keep a negative count's low bits without a word.
            assert(value >= 0, "a patch count is never negative")
            if value < 0x80 {
                patches.append(UInt8(truncatingIfNeeded: value))
            } else {
                appendLong(value)
            }
        }

        @inline(never)
        private mutating func appendLong(_ value: Int) {
            var rest = value
            while rest >= 0x80 {
                patches.append(UInt8(rest & 0x7F) | 0x80)
                rest >>= 7
            }
            patches.append(UInt8(rest))
        }
    }
}
