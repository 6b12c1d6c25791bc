/// Where one search term matched: for each entry it matched (ascending), the byte offsets of every match in
/// that entry's folded text. Kept flat, three arrays for any number of entries, so a phrase typed over 70,000
/// articles does not allocate an array and a dictionary slot per article, and a longer term that begins with
/// this one finds its entries' places by walking forward instead of hashing.
struct MatchPlaces: Sendable, Equatable {
    private(set) var entries: [Int32] = []
    /// The offsets of `entries[n]` are `offsets[starts[n]..<starts[n + 1]]`.
    private var starts: [Int32] = [0]
    private var offsets: [Int32] = []

    var isEmpty: Bool { entries.isEmpty }

    /// Adds `entry`, which must be above every entry already held, with its match offsets.
    mutating func append(_ entry: Int32, _ entryOffsets: [Int32]) {
        entries.append(entry)
        offsets.append(contentsOf: entryOffsets)
        starts.append(Int32(offsets.count))
    }

    /// Adds the entries of `other` (ascending) above the last one held; those at or below it are already held.
    mutating func append(contentsOf other: MatchPlaces) {
        let first = entries.last.map { other.firstPosition(atOrAbove: $0 + 1) } ?? 0
        guard first < other.entries.count else { return }
        let shift = Int32(offsets.count) - other.starts[first]
        entries.append(contentsOf: other.entries[first...])
        offsets.append(contentsOf: other.offsets[Int(other.starts[first])...])
        starts.append(contentsOf: other.starts[(first + 1)...].lazy.map { $0 + shift })
    }

    /// The position in `entries` of the first entry at or above `entry`.
    func firstPosition(atOrAbove entry: Int32) -> Int {
        var low = 0, high = entries.count
        while low < high {
            let middle = (low + high) / 2
            if entries[middle] < entry { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The offsets recorded for `entry`, looked up from `cursor` (a position in `entries`), which moves past
    /// the entries below `entry`: asking for ascending entries walks the list once.
    func offsets(of entry: Int32, from cursor: inout Int) -> ArraySlice<Int32>? {
        while cursor < entries.count && entries[cursor] < entry { cursor += 1 }
        guard cursor < entries.count && entries[cursor] == entry else { return nil }
        return offsets[Int(starts[cursor])..<Int(starts[cursor + 1])]
    }
}
