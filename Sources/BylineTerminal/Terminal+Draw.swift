import BylineView
import CNcurses

extension Terminal {
    /// Shows `buffer`: writes only the cells that differ from the frame on screen (all of them after a
    /// resize or `forceRedraw`), then one `doupdate`. A buffer of another size than the screen is cropped or
    /// padded with blanks.
    public func draw(_ buffer: CellBuffer) {
        guard !isShutDown, !isSuspended else { return }
        let screenSize = size
        let frame = buffer.width == screenSize.width && buffer.height == screenSize.height
            ? buffer : buffer.fitted(width: screenSize.width, height: screenSize.height)
        let sameSize = shownSize.width == screenSize.width && shownSize.height == screenSize.height
        let previous = sameSize ? shownFrame : nil
        let (runs, drawn) = ScreenDiff.diff(from: previous, to: frame)

        let bytesBefore = cn_process_bytes_written()
        for run in runs { write(run) }
        if needsRepaint {
            clearok(cn_curscr(), true)
            needsRepaint = false
        }
        wnoutrefresh(window)
        doupdate()
        let bytesAfter = cn_process_bytes_written()

        var statistics = DrawStatistics()
        statistics.runs = runs.count
        statistics.cellsWritten = runs.reduce(0) { $0 + $1.columns }
        statistics.bytesWritten = bytesBefore >= 0 && bytesAfter >= bytesBefore ? Int(bytesAfter - bytesBefore) : nil
        statistics.wasFullRedraw = previous == nil
        lastDraw = statistics
        shownFrame = drawn
        shownSize = screenSize
    }

    private func write(_ run: ScreenRun) {
        let look = attributes(for: run.style)
        wattr_set(window, look.attributes, look.pair, nil)
        // One reused buffer of wide characters: no allocation per run.
        wideText.removeAll(keepingCapacity: true)
        for scalar in run.text.unicodeScalars { wideText.append(wchar_t(bitPattern: scalar.value)) }
        // Writing the bottom-right cell returns ERR (the cursor cannot advance), but the cell is drawn.
        _ = mvwaddnwstr(window, Int32(run.y), Int32(run.x), wideText, Int32(wideText.count))
    }

    private func attributes(for style: Style) -> (attributes: attr_t, pair: Int16) {
        if let known = attributesByStyle[style] { return known }
        let rendition = TerminalRendition(style, depth: colorDepth, defaultColors: hasDefaultColors)
        var attributes = CN_A_NORMAL
        if rendition.modifiers.contains(.bold) { attributes |= CN_A_BOLD }
        if rendition.modifiers.contains(.dim) { attributes |= CN_A_DIM }
        if rendition.modifiers.contains(.italic) { attributes |= CN_A_ITALIC }
        if rendition.modifiers.contains(.underline) { attributes |= CN_A_UNDERLINE }
        if rendition.modifiers.contains(.reverse) { attributes |= CN_A_REVERSE }
        var pair: Int16 = 0
        if colorDepth != .none && rendition.usesColor {
            let allocation = pairs.pair(foreground: rendition.foreground, background: rendition.background)
            if allocation.isNew {
                init_pair(allocation.number, Int16(rendition.foreground), Int16(rendition.background))
            }
            pair = allocation.number
        }
        attributesByStyle[style] = (attributes, pair)
        return (attributes, pair)
    }
}

extension CellBuffer {
    /// This buffer cropped or padded with blank cells to another size.
    func fitted(width: Int, height: Int) -> CellBuffer {
        var fitted = CellBuffer(width: width, height: height)
        for y in 0..<min(height, self.height) {
            for x in 0..<min(width, self.width) { fitted[x, y] = self[x, y] }
        }
        return fitted
    }
}
