extension Boilerplate {
    /// `contains(Substring(line))` read from the line's own bytes: every line of every block is asked, and a
    /// `Substring` per line cost its reference counting and a slice's look-up of its storage.
    func containsLine(_ line: String) -> Bool {
        guard !lineHashes.isEmpty else { return false }
        return UTF8Text.withBytes(line) { containsLine(bytes: $0) }
    }
}
