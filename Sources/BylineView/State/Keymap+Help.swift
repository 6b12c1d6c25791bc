extension Keymap {
    /// One line of key help: the keys bound to an action, and what it does.
    public struct HelpEntry: Sendable, Equatable {
        public let action: Action
        /// Key names separated by spaces: `Down j`.
        public let keys: String
        public let summary: String
    }

    /// Every bound action with its keys, in `Action` order; the help overlay and `byline help keys` print this.
    public var helpEntries: [HelpEntry] {
        Action.allCases.compactMap { action in
            let keys = self.keys(for: action)
            guard !keys.isEmpty else { return nil }
            return HelpEntry(action: action, keys: keys.map(\.name).joined(separator: " "), summary: action.summary)
        }
    }

    /// The help as plain text, one action a line, keys padded to a column.
    public var helpText: String {
        let entries = helpEntries
        let width = entries.map { DisplayWidth.of($0.keys) }.max() ?? 0
        return entries.map { entry in
            entry.keys + String(repeating: " ", count: width - DisplayWidth.of(entry.keys) + 2) + entry.summary
        }.joined(separator: "\n") + "\n"
    }
}
