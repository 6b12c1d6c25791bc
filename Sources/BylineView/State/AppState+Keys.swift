import BylineCore

extension AppState {
    /// Applies one event and returns what the app must do outside the state.
    public mutating func handle(_ event: InputEvent) -> [Effect] {
        var effects = handleEvent(event)
        effects += markReadAfterScrolling()
        effects += updateDwell()
        // One save request per event, however many marks it changed.
        var saved: [MarkKey: MarkChange] = [:]
        var others: [Effect] = []
        for effect in effects {
            if case .saveMarks(let changes) = effect { saved.add(changes) } else { others.append(effect) }
        }
        return saved.isEmpty ? others : [.saveMarks(saved)] + others
    }

    private mutating func handleEvent(_ event: InputEvent) -> [Effect] {
        switch event {
        case .tick:
            return []
        case .resize(let width, let height):
            resize(width: width, height: height)
            return [.redraw]
        case .mouse(let mouse):
            handleMouse(mouse)
            return []
        case .key(let key):
            message = nil
            switch mode {
            case .browse: return handleBrowse(key)
            case .search(let draft, let previous): handleSearch(key, draft: draft, previous: previous)
            case .picker(let picker): handlePicker(key, picker: picker)
            case .help(let offset): handleHelp(key, offset: offset)
            }
            return []
        }
    }

    private mutating func handleBrowse(_ key: Key) -> [Effect] {
        guard let action = keymap.action(for: key) else { return [] }
        let listPage = max(1, layout.list.height)
        let readerPage = max(1, readerPageHeight - 1)
        switch action {
        case .quit: return [.quit]
        case .redraw: return [.redraw]
        case .cycleTheme: return [.cycleTheme]
        case .moveUp: focus == .list ? select(row: selectedRow - 1) : scrollReader(by: -1)
        case .moveDown:
            if focus == .list && selectedRow + 1 >= visible.count { completeSearch() }
            focus == .list ? select(row: selectedRow + 1) : scrollReader(by: 1)
        case .pageUp: focus == .list ? select(row: selectedRow - listPage) : scrollReader(by: -readerPage)
        case .pageDown:
            if focus == .list && selectedRow + listPage >= visible.count { completeSearch() }
            focus == .list ? select(row: selectedRow + listPage) : scrollReader(by: readerPage)
        case .first: focus == .list ? select(row: 0) : scrollReader(by: -readerOffset)
        case .last:
            if focus == .list { completeSearch() }
            focus == .list ? select(row: visible.count - 1) : scrollReader(by: maxReaderOffset)
        case .focusReader: if selectedArticle != nil { focus = .reader }
        case .focusList:
            if zoomed {
                zoomed = false
                focus = .list
                relayout()
            } else if focus == .reader {
                focus = .list
            } else if key == .escape && !query.search.isEmpty {
                var cleared = query
                cleared.search = ""
                setQuery(cleared)
            }
        case .switchFocus: focus = selectedArticle == nil ? .list : focus.other
        case .pageOrNext:
            if readerOffset >= maxReaderOffset {
                if selectedRow + 1 >= visible.count { completeSearch() }
                if selectedRow + 1 < visible.count { select(row: selectedRow + 1) } else { message = Message("end of the list") }
            } else {
                scrollReader(by: readerPage)
            }
        case .search: mode = .search(draft: query.search, previous: query.search)
        case .nextMatch: jumpToMatch(forward: true)
        case .previousMatch: jumpToMatch(forward: false)
        case .pickSources: openPicker()
        case .cycleSort:
            var next = query
            next.sort = query.sort.next
            setQuery(next)
            message = Message("order: \(next.sort.label)")
        case .toggleRaw:
            showRaw.toggle()
            readerOffset = 0
        case .help: mode = .help(offset: 0)
        case .toggleRead: return toggleRead()
        case .markShownRead: return markShownRead()
        case .toggleStar: return toggleStar()
        case .starredOnly: toggleStarredOnly()
        case .switchLayout: switchLayout()
        case .zoom:
            zoomed.toggle()
            if zoomed, selectedArticle != nil { focus = .reader } else { focus = .list }
            relayout()
        case .openPager: return selectedArticle.map { [.page($0)] } ?? []
        case .openEditor: return selectedArticle.map { [.edit($0)] } ?? []
        }
        return []
    }

    /// `v`: the other arrangement than the one shown, while the screen is wide enough for it.
    private mutating func switchLayout() {
        let next: ScreenLayout.Arrangement = layout.arrangement == .sideBySide ? .stacked : .sideBySide
        if next == .sideBySide && layout.width < ScreenLayout.minimumSideBySideWidth {
            message = Message("too narrow for panes side by side")
            return
        }
        arrangementChoice = next
        zoomed = false
        relayout()
        message = Message(next == .sideBySide ? "panes side by side" : "panes stacked")
    }

    private mutating func handleSearch(_ key: Key, draft: String, previous: String) {
        var draft = draft
        switch key {
        case .enter:
            mode = .browse
            if visible.isEmpty { message = Message(emptyListMessage) }
            return
        case .escape:
            mode = .browse
            applySearch("")
            return
        case .backspace, .control("h"):
            if draft.isEmpty { mode = .browse; return }
            draft.removeLast()
        case .control("u"): draft = ""
        case .character(let character): draft.append(character)
        default: return
        }
        mode = .search(draft: draft, previous: previous)
        applySearch(draft)
    }

    private mutating func applySearch(_ text: String) {
        var next = query
        next.search = text
        setQuery(next)
    }

    private mutating func handlePicker(_ key: Key, picker: SourcePicker) {
        var picker = picker
        switch key {
        case .escape:
            mode = .browse
            return
        case .enter:
            mode = .browse
            var next = query
            next.sources = picker.chosenSources
            setQuery(next)
            return
        case .up: picker.move(by: -1)
        case .down: picker.move(by: 1)
        case .pageUp: picker.move(by: -10)
        case .pageDown: picker.move(by: 10)
        case .character(" "): picker.toggleHighlighted()
        case .control("a"): picker.markAll()
        case .backspace: picker.deleteBackward()
        case .character(let character): picker.type(character)
        default: break
        }
        mode = .picker(picker)
    }

    private mutating func handleHelp(_ key: Key, offset: Int) {
        switch key {
        case .down, .character("j"): mode = .help(offset: offset + 1)
        case .up, .character("k"): mode = .help(offset: max(0, offset - 1))
        default: mode = .browse
        }
    }

    /// Source counts reflect the current search, not the current source filter.
    private mutating func openPicker() {
        var searchOnly = query
        searchOnly.sources = []
        let indices = searchOnly.apply(to: snapshot.entries)
        mode = .picker(SourcePicker(sources: SourceSummary.summarize(snapshot.entries, indices: indices), shown: query.sources))
    }

    private mutating func jumpToMatch(forward: Bool) {
        let terms = highlightTerms
        guard !terms.isEmpty else {
            message = Message("no search: press / to search")
            return
        }
        let lines = readerLines
        let candidates = forward
            ? Array((readerOffset + 1)..<max(readerOffset + 1, lines.count))
            : Array((0..<min(readerOffset, lines.count)).reversed())
        if let line = candidates.first(where: { MatchHighlighter.matches(lines[$0].text, terms: terms) }) {
            focus = .reader
            readerOffset = min(line, maxReaderOffset)
            if line > maxReaderOffset { message = Message("match on line \(line + 1)") }
        } else {
            message = Message(forward ? "no more matches below" : "no more matches above")
        }
    }

    private mutating func handleMouse(_ mouse: MouseEvent) {
        let inList = layout.list.contains(x: mouse.x, y: mouse.y)
        let inReader = layout.reader.contains(x: mouse.x, y: mouse.y)
        switch mouse.action {
        case .press:
            if inList {
                focus = .list
                select(row: listOffset + mouse.y - layout.list.y)
            } else if inReader, selectedArticle != nil {
                focus = .reader
            }
        case .wheelUp:
            if inList { select(row: selectedRow - 3) } else if inReader { scrollReader(by: -3) }
        case .wheelDown:
            if inList { select(row: selectedRow + 3) } else if inReader { scrollReader(by: 3) }
        case .release:
            break
        }
    }

    /// What the list pane says when nothing matches.
    public var emptyListMessage: String {
        if snapshot.entries.isEmpty { return snapshot.isComplete ? "no articles found" : "loading…" }
        if searchPending { return "searching '\(liveSearch)'…" }
        let sourceCount = query.sources.isEmpty ? self.sourceCount : query.sources.count
        let sources = "\(sourceCount) source\(sourceCount == 1 ? "" : "s")"
        let search = liveSearch
        if search.isEmpty { return "no article in \(sources)" }
        return "no article matches '\(search)' in \(sources) — Esc clears"
    }
}

extension Rect {
    public func contains(x px: Int, y py: Int) -> Bool { px >= x && px < maxX && py >= y && py < maxY }
}
