import BylineCore
import Dispatch

/// Everything the screen shows, as a value: the articles, the query, the selection, scroll positions and mode.
/// Events change it through `handle(_:)`; `Screen.render` draws it. Nothing here touches the terminal.
public struct AppState {
    /// What has the keyboard besides the panes.
    public enum Mode: Equatable {
        case browse
        case search(draft: String, previous: String)
        case picker(SourcePicker)
        case help(offset: Int)
    }

    /// Work only the app can do (terminal, files, themes), requested by a state change.
    public enum Effect: Equatable {
        case quit
        case cycleTheme
        case redraw
        /// Marks changed: keep them (the app debounces and merges them into the state file).
        case saveMarks([MarkKey: MarkChange])
        /// Show the cleaned article in the pager.
        case page(Article)
        /// Open the article's original file in the editor.
        case edit(Article)
    }

    /// A line for the status bar that lasts until the next key.
    public struct Message: Equatable {
        public let text: String
        public let isError: Bool
        public init(_ text: String, isError: Bool = false) {
            self.text = text
            self.isError = isError
        }
    }

    /// What the store gave, with live folder changes applied on top (see `applyLiveChanges`).
    public internal(set) var snapshot = StoreSnapshot(entries: [], isComplete: false)
    /// What the store last gave, before live changes.
    var storeSnapshot = StoreSnapshot(entries: [], isComplete: false)
    var live = LiveOverlay()
    /// Indices into `snapshot.entries` of the articles shown, in display order.
    public private(set) var visible: [Int] = []
    /// True while `visible` holds only the first matches of a long search whose full answer is still being
    /// read in the background (`completeSearchIfReady` takes it in).
    public private(set) var searchPending = false
    public private(set) var query: ArticleQuery
    public private(set) var selectedRow = 0
    public private(set) var listOffset = 0
    public var readerOffset = 0
    public var focus: Pane = .list
    public var mode: Mode = .browse
    public private(set) var layout: ScreenLayout
    /// How the person asked the panes to be arranged with `v` (nil: by the terminal's width).
    public internal(set) var arrangementChoice: ScreenLayout.Arrangement?
    /// `z`: the reader fills the screen.
    public internal(set) var zoomed = false
    /// Read and star marks, by content key.
    public internal(set) var marks = MarkSet()
    /// Each article's content key, computed once when it arrives.
    var markKeys: [ArticleID: MarkKey] = [:]
    /// The key and the marks of each of `snapshot.entries`, by index, so drawing and counting never hash.
    var entryKeys: [MarkKey] = []
    var entryMarks: [ArticleMark] = []
    /// `S`: only starred articles are shown.
    public internal(set) var starredOnly = false
    /// Unread articles among those shown (for the title bar).
    public internal(set) var unreadCount = 0
    /// Seconds on a monotonic clock; injected so tests can move time.
    public var clock: () -> Double = { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }
    /// The article being looked at and since when, so it can become read after `readAfterSeconds`.
    var dwell: Dwell?
    /// How long an article must be shown in the reader before it counts as read.
    public static let readAfterSeconds = 1.5
    public var showRaw = false
    public var theme: Theme
    public var message: Message?
    public let keymap: Keymap
    /// Reads an article's original blocks for the raw view (injected: the view layer does no file I/O).
    public var rawBlocks: (Article) -> [ClassifiedBlock] = { _ in [] }
    let cache = ReaderCache()
    /// The list rows' texts, cut to their columns.
    let listRows = ListRowCache()
    /// Every source seen so far, counted as entries arrive (the title bar shows it on every frame).
    private var sourcesSeen = Set<String>()
    var sourcesCountedThrough = 0

    public init(width: Int, height: Int, query: ArticleQuery = ArticleQuery(), theme: Theme = BuiltinTheme.fallback,
                keymap: Keymap = .standard) {
        layout = ScreenLayout(width: width, height: height)
        self.query = query
        self.theme = theme
        self.keymap = keymap
    }

    // MARK: - Reading the state

    public var selectedEntry: StoredArticle? {
        visible.indices.contains(selectedRow) ? snapshot.entries[visible[selectedRow]] : nil
    }

    public var selectedArticle: Article? { selectedEntry?.article }

    /// The reader's lines for the selected article at the current width (cached).
    public var readerLines: [ReaderLine] {
        guard let article = selectedArticle else { return [] }
        let width = layout.readerText.width
        return cache.lines(id: article.id, width: width, raw: showRaw) {
            showRaw ? ReaderDocument.rawLines(for: rawBlocks(article), width: width)
                    : ReaderDocument.lines(for: article, width: width)
        }
    }

    /// Rows of the reader that show text (the pane's height).
    var readerPageHeight: Int { max(1, layout.readerText.height) }

    var maxReaderOffset: Int { max(0, readerLines.count - readerPageHeight) }

    /// The reading position for the status line: `42%`, or `All` when the whole article fits.
    public var readingPosition: String {
        guard selectedArticle != nil else { return "" }
        if readerLines.count <= readerPageHeight { return "All" }
        return "\(readerOffset * 100 / max(1, maxReaderOffset))%"
    }

    /// The search terms shown as highlights (folded).
    public var highlightTerms: [String] { SearchTerms(liveSearch).terms }

    /// The search in effect, including one being typed.
    var liveSearch: String {
        if case .search(let draft, _) = mode { return draft }
        return query.search
    }

    // MARK: - Changing the state

    /// Takes newly loaded articles, keeping the selected article selected and on the same screen row.
    /// How many distinct sources the collection has.
    public var sourceCount: Int { sourcesSeen.count }

    /// Counts only the entries that arrived since the last snapshot (the store appends), or all after a shrink.
    mutating func countSources() {
        let entries = snapshot.entries
        if entries.count < sourcesCountedThrough {
            sourcesSeen = []
            sourcesCountedThrough = 0
        }
        for entry in entries[sourcesCountedThrough...] { sourcesSeen.insert(entry.article.source) }
        sourcesCountedThrough = entries.count
    }

    public mutating func receive(_ snapshot: StoreSnapshot) {
        let anchor = selectionAnchor
        // The store only appends: without live changes on top, the entries keyed so far are unchanged
        // (checked at both ends of what was there, which costs two identity comparisons).
        let old = self.snapshot.entries, new = snapshot.entries
        let appended = live.isEmpty && new.count >= old.count
            && (old.isEmpty || (new[0] == old[0] && new[old.count - 1] == old[old.count - 1]))
        storeSnapshot = snapshot
        self.snapshot = live.apply(to: snapshot)
        countSources()
        computeMarkKeys(onlyAppended: appended)
        refilter(keeping: anchor)
        startDwellIfSelectionChanged()
    }

    /// Replaces the query (from flags or a picker), keeping the selection where possible.
    public mutating func setQuery(_ query: ArticleQuery) {
        let anchor = selectionAnchor
        self.query = query
        refilter(keeping: anchor)
    }

    public mutating func resize(width: Int, height: Int) {
        layout = ScreenLayout(width: width, height: height, arrangement: arrangementChoice, zoomed: zoomed)
        clampScrolling()
    }

    /// Re-lays out the same screen after the arrangement or zoom changed.
    mutating func relayout() { resize(width: layout.width, height: layout.height) }

    /// The selected article, and where it sits in `snapshot.entries`, to find it again after a change.
    struct SelectionAnchor {
        let id: ArticleID
        let entryIndex: Int
    }

    /// Read before the snapshot or query changes, then given to `refilter(keeping:)`.
    var selectionAnchor: SelectionAnchor? {
        guard visible.indices.contains(selectedRow) else { return nil }
        let index = visible[selectedRow]
        return SelectionAnchor(id: snapshot.entries[index].article.id, entryIndex: index)
    }

    /// Recomputes the visible list; the anchored article stays selected, on the same screen row, if shown.
    ///
    /// A long search shows its first matches at once (`searchPending`), read down to the anchored article
    /// when it matches, so the selection never jumps away (if it is still missing, the full answer is waited for).
    mutating func refilter(keeping anchor: SelectionAnchor?, complete: Bool = false) {
        let screenRow = selectedRow - listOffset
        // The anchored article's entry when it passes the filters (read once, before the first rows are sought).
        var reaching: Int?
        if complete {
            visible = query.apply(to: snapshot.entries)
            searchPending = false
        } else {
            reaching = anchor.flatMap { isShown($0) ? $0.entryIndex : nil }
            let answer = query.answer(for: snapshot.entries, firstRows: max(Self.firstSearchRows, 4 * layout.list.height),
                                      reaching: reaching)
            visible = answer.indices
            searchPending = !answer.isComplete
        }
        if starredOnly { visible = visible.filter { mark(ofEntry: $0).starred } }
        if searchPending, let anchor, reaching != nil, row(of: anchor) == nil {
            refilter(keeping: anchor, complete: true)
            return
        }
        countUnread()
        if let anchor, let row = row(of: anchor) {
            selectedRow = row
            listOffset = row - screenRow
        } else {
            selectedRow = min(selectedRow, max(0, visible.count - 1))
            if selectedArticle?.id != anchor?.id { readerOffset = 0 }
        }
        clampScrolling()
    }

    /// How many matches of a long search are looked for before the first frame: several screens' worth (more
    /// rows than a terminal has; paging past them waits for the full answer).
    static let firstSearchRows = 300

    /// Takes in the full answer of a long search once the background has it.
    public mutating func completeSearchIfReady() {
        guard searchPending, query.isAnswered(for: snapshot.entries) else { return }
        refilter(keeping: selectionAnchor)
    }

    /// Waits for the full answer of a long search: for keys that need the whole list (End, the count of
    /// what `U` marks, moving past the last row shown).
    mutating func completeSearch() {
        guard searchPending else { return }
        refilter(keeping: selectionAnchor, complete: true)
    }

    /// Whether the anchored article passes the current filters (read directly, not looked up in the list).
    private func isShown(_ anchor: SelectionAnchor) -> Bool {
        let entries = snapshot.entries
        guard entries.indices.contains(anchor.entryIndex), entries[anchor.entryIndex].article.id == anchor.id else { return false }
        let entry = entries[anchor.entryIndex]
        if !query.sources.isEmpty && !query.sources.contains(entry.article.source) { return false }
        if starredOnly && !mark(ofEntry: anchor.entryIndex).starred { return false }
        return query.search.isEmpty || SearchTerms(query.search).matches(entry.searchText)
    }

    /// The visible row of the anchored article. The store only appends, so its entry index usually still
    /// holds it and the search compares integers; after live changes moved entries, it compares ids.
    private func row(of anchor: SelectionAnchor) -> Int? {
        let entries = snapshot.entries
        if entries.indices.contains(anchor.entryIndex) && entries[anchor.entryIndex].article.id == anchor.id {
            return visible.firstIndex(of: anchor.entryIndex)
        }
        return visible.firstIndex { entries[$0].article.id == anchor.id }
    }

    mutating func select(row: Int) {
        guard !visible.isEmpty else { return }
        let clamped = min(max(0, row), visible.count - 1)
        if clamped != selectedRow {
            selectedRow = clamped
            readerOffset = 0
        }
        clampScrolling()
    }

    mutating func scrollReader(by lines: Int) {
        readerOffset = min(max(0, readerOffset + lines), maxReaderOffset)
    }

    mutating func clampScrolling() {
        let rows = max(1, layout.list.height)
        listOffset = min(listOffset, selectedRow)
        if selectedRow >= listOffset + rows { listOffset = selectedRow - rows + 1 }
        listOffset = max(0, min(listOffset, max(0, visible.count - rows)))
        readerOffset = min(max(0, readerOffset), maxReaderOffset)
    }

    /// Drops cached layouts, e.g. after a theme or article change.
    public func invalidateLayoutCache() { cache.removeAll() }
}
