import BylineCore

/// The article being looked at in the reader, and since when.
struct Dwell: Equatable {
    let id: ArticleID
    let since: Double
    /// Already marked read (or marked by hand): don't mark it again until another article is shown.
    var settled: Bool
}

extension AppState {
    /// The marks of the article at `index` in `snapshot.entries`.
    public func mark(ofEntry index: Int) -> ArticleMark {
        entryMarks.indices.contains(index) ? entryMarks[index] : .blank
    }

    public func mark(of article: Article) -> ArticleMark {
        guard let key = markKeys[article.id] else { return .blank }
        return marks[key]
    }

    /// Takes the marks as kept on disk (at start-up, and after each save merged in other instances' marks).
    public mutating func receiveMarks(_ marks: MarkSet) {
        self.marks = marks
        refreshEntryMarks()
        if starredOnly { refilter(keeping: selectionAnchor) } else { countUnread() }
    }

    /// Hashes the articles not seen before and lines keys and marks up with `snapshot.entries`;
    /// `onlyAppended`: the entries keyed so far are unchanged, so only the new ones are looked at.
    mutating func computeMarkKeys(onlyAppended: Bool = false) {
        let entries = snapshot.entries
        let start = onlyAppended ? min(entryKeys.count, entries.count) : 0
        if start == 0 { entryKeys = [] }
        entryKeys.reserveCapacity(entries.count)
        for entry in entries[start...] {
            let article = entry.article
            if let key = markKeys[article.id] {
                entryKeys.append(key)
            } else {
                let key = MarkKey(article)
                markKeys[article.id] = key
                entryKeys.append(key)
            }
        }
        refreshEntryMarks(from: start)
    }

    /// Lines `entryMarks` up with `entryKeys` from entry `start` on (those before it are up to date).
    mutating func refreshEntryMarks(from start: Int = 0) {
        let start = min(start, entryMarks.count)
        entryMarks.removeSubrange(start...)
        entryMarks.reserveCapacity(entryKeys.count)
        if marks.count == 0 {
            entryMarks.append(contentsOf: repeatElement(.blank, count: entryKeys.count - start))
        } else {
            let marks = self.marks
            for key in entryKeys[start...] { entryMarks.append(marks[key]) }
        }
    }

    mutating func countUnread() {
        unreadCount = entryMarks.withUnsafeBufferPointer { marks in
            visible.reduce(0) { $0 + (marks[$1].read ? 0 : 1) }
        }
    }

    /// Changes the marks of `articles` and asks the app to keep the change.
    mutating func setMarks(_ articles: [Article], _ change: MarkChange) -> [Effect] {
        var changes: [MarkKey: MarkChange] = [:]
        for article in articles {
            guard let key = markKeys[article.id] else { continue }
            let mark = change.applied(to: marks[key])
            if mark != marks[key] {
                marks[key] = mark
                changes[key] = change
            }
        }
        guard !changes.isEmpty else { return [] }
        // The same text can sit in two files; every entry with a changed key shows the change.
        for index in entryKeys.indices where changes[entryKeys[index]] != nil { entryMarks[index] = marks[entryKeys[index]] }
        if starredOnly { refilter(keeping: selectionAnchor) } else { countUnread() }
        return [.saveMarks(changes)]
    }

    mutating func toggleRead() -> [Effect] {
        guard let article = selectedArticle else { return [] }
        let read = !mark(of: article).read
        dwell?.settled = true
        message = Message(read ? "marked read" : "marked unread")
        return setMarks([article], MarkChange(read: read))
    }

    mutating func toggleStar() -> [Effect] {
        guard let article = selectedArticle else { return [] }
        let starred = !mark(of: article).starred
        message = Message(starred ? "starred" : "star removed")
        return setMarks([article], MarkChange(starred: starred))
    }

    mutating func markShownRead() -> [Effect] {
        completeSearch()
        let unread = visible.map { snapshot.entries[$0].article }.filter { !mark(of: $0).read }
        message = Message(unread.isEmpty ? "nothing unread here" : "\(unread.count.formatted()) marked read")
        dwell?.settled = true
        return setMarks(unread, MarkChange(read: true))
    }

    mutating func toggleStarredOnly() {
        let anchor = selectionAnchor
        starredOnly.toggle()
        refilter(keeping: anchor)
        message = Message(starredOnly ? "starred articles only" : "all articles")
    }

    /// Marks the selected article read once it has been shown for `readAfterSeconds`; starts timing
    /// when the selection changes. Runs after every event, so `.tick` drives it while nothing is typed.
    mutating func updateDwell() -> [Effect] {
        guard let article = selectedArticle else {
            dwell = nil
            return []
        }
        let now = clock()
        guard let current = dwell, current.id == article.id else {
            dwell = Dwell(id: article.id, since: now, settled: mark(of: article).read)
            return []
        }
        guard !current.settled, now - current.since >= Self.readAfterSeconds, !layout.reader.isEmpty else { return [] }
        return markRead(article)
    }

    /// Starts timing when the selection changed outside an event (new articles arrived).
    mutating func startDwellIfSelectionChanged() {
        guard let article = selectedArticle else { return }
        if dwell?.id != article.id { dwell = Dwell(id: article.id, since: clock(), settled: mark(of: article).read) }
    }

    /// Seconds until the selected article counts as read (nil: nothing to wait for), so the loop can
    /// wake up on time rather than at its next idle tick.
    public var secondsUntilRead: Double? {
        guard let dwell, !dwell.settled, dwell.id == selectedArticle?.id, !layout.reader.isEmpty else { return nil }
        return max(0, dwell.since + Self.readAfterSeconds - clock())
    }

    /// Scrolling an article counts as reading it.
    mutating func markReadAfterScrolling() -> [Effect] {
        guard readerOffset > 0, let article = selectedArticle, dwell?.settled != true else { return [] }
        return markRead(article)
    }

    private mutating func markRead(_ article: Article) -> [Effect] {
        if dwell?.id == article.id { dwell?.settled = true }
        return setMarks([article], MarkChange(read: true))
    }
}
