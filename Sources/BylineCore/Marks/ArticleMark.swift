/// What a person has marked on one article.
public struct ArticleMark: Sendable, Equatable, Codable {
    public var read: Bool
    public var starred: Bool

    public init(read: Bool = false, starred: Bool = false) {
        self.read = read
        self.starred = starred
    }

    /// The mark of an article nobody has touched; not worth keeping in the file.
    public var isBlank: Bool { !read && !starred }

    public static let blank = ArticleMark()
}

/// Every article's marks, by content key; articles not listed are unread and not starred.
public struct MarkSet: Sendable, Equatable {
    public private(set) var marks: [MarkKey: ArticleMark]

    public init(_ marks: [MarkKey: ArticleMark] = [:]) {
        self.marks = marks.filter { !$0.value.isBlank }
    }

    public subscript(key: MarkKey) -> ArticleMark {
        get { marks[key] ?? .blank }
        set { marks[key] = newValue.isBlank ? nil : newValue }
    }

    public var count: Int { marks.count }

    /// Applies changes on top of what is here: only the fields each change sets are replaced.
    public mutating func apply(_ changes: [MarkKey: MarkChange]) {
        for (key, change) in changes { self[key] = change.applied(to: self[key]) }
    }
}
