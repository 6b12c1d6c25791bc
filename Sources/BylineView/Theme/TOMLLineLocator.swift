/// Finds the line of a key in TOML text, because the parser reports lines only for syntax errors.
///
/// It understands what theme and config files use: `[table]` headers, bare, quoted and dotted keys,
/// and inline tables (a key inside one is found on the line of its table). Strings spanning lines
/// are not tracked, so a line inside one that looks like a key could be picked; the answer is a
/// best guess for an error message, never used to read values.
struct TOMLLineLocator {
    private struct Entry {
        let path: [String]
        let line: Int
    }

    private let entries: [Entry]
    private let lines: [Substring]

    init(_ text: String) {
        lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var entries: [Entry] = []
        var table: [String] = []
        for (offset, rawLine) in lines.enumerated() {
            let line = rawLine.drop { $0 == " " || $0 == "\t" }
            if line.hasPrefix("[[") { continue }
            if line.hasPrefix("[") {
                if let (path, _) = Self.keyPath(line.dropFirst()) {
                    table = path
                    entries.append(Entry(path: path, line: offset + 1))
                }
            } else if let (path, rest) = Self.keyPath(line), rest.first == "=" {
                entries.append(Entry(path: table + path, line: offset + 1))
            }
        }
        self.entries = entries
    }

    /// The line defining `path` (a table header or key), or of the nearest enclosing key on a line
    /// (an inline table holding it); `nil` when nothing matches.
    func line(of path: [String]) -> Int? {
        if let exact = entries.first(where: { $0.path == path }) { return exact.line }
        // A longer path defined by dotted keys (`title-bar.fg = …` when asked for `title-bar`).
        if let longer = entries.first(where: { $0.path.starts(with: path) }) { return longer.line }
        var prefix = path
        while !prefix.isEmpty {
            prefix.removeLast()
            if let enclosing = entries.first(where: { $0.path == prefix }) { return enclosing.line }
        }
        return nil
    }

    /// The first line at or after `start` holding `needle` (to find one item of an array that may span lines).
    func line(containing needle: String, from start: Int) -> Int? {
        guard start >= 1, start <= lines.count else { return nil }
        for index in (start - 1)..<lines.count {
            let code = Self.withoutComment(lines[index])
            if code.contains(needle) { return index + 1 }
            // An array ends at its closing bracket; the value is not on a later line.
            if index > start - 1, code.contains("]"), !code.contains("[") { break }
        }
        return nil
    }

    /// The line up to a `#` that is not inside a string.
    private static func withoutComment(_ line: Substring) -> Substring {
        var quote: Character?
        var escaped = false
        for index in line.indices {
            let character = line[index]
            if let open = quote {
                if escaped {
                    escaped = false
                } else if character == "\\" && open == "\"" {
                    escaped = true
                } else if character == open {
                    quote = nil
                }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == "#" {
                return line[..<index]
            }
        }
        return line
    }

    /// A dotted key at the start of `text`, and what follows it after spaces.
    private static func keyPath(_ text: Substring) -> ([String], Substring)? {
        var rest = text
        var path: [String] = []
        while true {
            rest = rest.drop { $0 == " " || $0 == "\t" }
            guard let first = rest.first else { return nil }
            if first == "\"" || first == "'" {
                let body = rest.dropFirst()
                guard let close = body.firstIndex(of: first) else { return nil }
                path.append(String(body[..<close]))
                rest = body[body.index(after: close)...]
            } else {
                let bare = rest.prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
                guard !bare.isEmpty else { return nil }
                path.append(String(bare))
                rest = rest.dropFirst(bare.count)
            }
            rest = rest.drop { $0 == " " || $0 == "\t" }
            guard rest.first == "." else { return (path, rest) }
            rest = rest.dropFirst()
        }
    }
}
