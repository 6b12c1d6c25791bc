extension Key {
    private static let namedKeys: [String: Key] = {
        let keys: [Key] = [.up, .down, .left, .right, .pageUp, .pageDown, .home, .end, .enter, .escape, .tab,
                           .backTab, .backspace, .delete, .character(" ")]
        var table: [String: Key] = [:]
        for key in keys { table[key.name.lowercased()] = key }
        // Other spellings people write in config files.
        for (alias, key) in [("pageup", Key.pageUp), ("pagedown", .pageDown), ("pgdown", .pageDown), ("return", .enter),
                             ("escape", .escape), ("backtab", .backTab), ("del", .delete), ("spc", .character(" "))] {
            table[alias] = key
        }
        return table
    }()

    /// The key a name from `name` (or a config file) stands for: `j`, `Down`, `PgUp`, `Ctrl-A`, `Alt-x`,
    /// `Space`, `F1`. Named keys ignore case; single characters do not (`g` and `G` differ).
    public init?(name: String) {
        if name.count == 1, let character = name.first, !character.isWhitespace {
            self = .character(character)
            return
        }
        let lowered = name.lowercased()
        if let key = Self.namedKeys[lowered] {
            self = key
            return
        }
        if lowered.hasPrefix("ctrl-"), name.count == 6, let letter = lowered.last, letter.isASCII, letter.isLetter {
            self = .control(letter)
            return
        }
        if lowered.hasPrefix("alt-"), name.count == 5, let character = name.last {
            self = .alt(character)
            return
        }
        if lowered.hasPrefix("f"), let number = Int(lowered.dropFirst()), (1...24).contains(number) {
            self = .function(number)
            return
        }
        return nil
    }
}
