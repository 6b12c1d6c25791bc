/// A change to one article's marks, field by field, so two instances that change different fields of
/// the same article (one marks it read, the other stars it) both keep their change when merged.
public struct MarkChange: Sendable, Equatable {
    /// The new read state, or nil to leave it.
    public var read: Bool?
    /// The new star, or nil to leave it.
    public var starred: Bool?

    public init(read: Bool? = nil, starred: Bool? = nil) {
        self.read = read
        self.starred = starred
    }

    public func applied(to mark: ArticleMark) -> ArticleMark {
        ArticleMark(read: read ?? mark.read, starred: starred ?? mark.starred)
    }

    /// This change followed by `later`: the later one wins for each field it sets.
    public func then(_ later: MarkChange) -> MarkChange {
        MarkChange(read: later.read ?? read, starred: later.starred ?? starred)
    }
}

extension [MarkKey: MarkChange] {
    /// Folds later changes in, field by field.
    public mutating func add(_ later: [MarkKey: MarkChange]) {
        merge(later) { $0.then($1) }
    }
}
