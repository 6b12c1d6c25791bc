/// The display order of every entry for each sort key, kept up to date as entries are appended:
/// new entries are sorted on their own and merged in, so a growing store never pays a full sort again.
struct EntryOrders {
    private var orders: [SortOrder: [Int32]] = [:]
    /// How many entries each order covers.
    private var covered: [SortOrder: Int] = [:]

    /// Every index of `entries` in `sort` order (stable: equal keys keep index order).
    mutating func order(_ sort: SortOrder, of entries: [StoredArticle]) -> [Int32] {
        let known = covered[sort] ?? 0
        if known == entries.count, let order = orders[sort] { return order }
        let precedes = Self.comparator(sort, entries)
        let fresh = (known..<entries.count).map { Int32($0) }.sorted { precedes(Int($0), Int($1)) }
        let merged = Self.merge(orders[sort] ?? [], fresh, precedes)
        orders[sort] = merged
        covered[sort] = entries.count
        return merged
    }

    /// Merges two sorted runs; on ties the earlier run (lower indices) goes first, as a stable sort would.
    private static func merge(_ old: [Int32], _ fresh: [Int32], _ precedes: (Int, Int) -> Bool) -> [Int32] {
        if old.isEmpty { return fresh }
        if fresh.isEmpty { return old }
        var merged: [Int32] = []
        merged.reserveCapacity(old.count + fresh.count)
        var left = 0, right = 0
        while left < old.count && right < fresh.count {
            if precedes(Int(fresh[right]), Int(old[left])) {
                merged.append(fresh[right])
                right += 1
            } else {
                merged.append(old[left])
                left += 1
            }
        }
        merged.append(contentsOf: old[left...])
        merged.append(contentsOf: fresh[right...])
        return merged
    }

    /// Whether entry `lhs` comes before entry `rhs`: newest first with undated last, or source, folded
    /// title, path; ties by path.
    static func comparator(_ sort: SortOrder, _ entries: [StoredArticle]) -> (Int, Int) -> Bool {
        switch sort {
        case .date:
            return { lhs, rhs in
                let left = entries[lhs].article, right = entries[rhs].article
                if left.published != right.published {
                    guard let leftDate = left.published else { return false }
                    guard let rightDate = right.published else { return true }
                    return leftDate > rightDate
                }
                return left.path < right.path
            }
        case .source:
            return { lhs, rhs in
                let left = entries[lhs].article, right = entries[rhs].article
                return (left.source, left.path) < (right.source, right.path)
            }
        case .title:
            return { lhs, rhs in
                let left = entries[lhs].titleKey, right = entries[rhs].titleKey
                return left != right ? left < right : entries[lhs].article.path < entries[rhs].article.path
            }
        case .path:
            return { lhs, rhs in entries[lhs].article.path < entries[rhs].article.path }
        }
    }
}
