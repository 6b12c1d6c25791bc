import TOMLKit

/// Reads one theme file's TOML into a `ThemeDefinition`, checking every key and value.
enum ThemeParser {
    static let reservedKeys: Set<String> = ["inherits", "description", "source-colors", "palette"]

    /// Parses `text`; `file` is how messages name the file. Throws the first problem in the file as a `ThemeError`.
    static func parse(_ text: String, name: String, file: String) throws -> ThemeDefinition {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ThemeError(file: file, line: error.source.begin.line, message: "TOML syntax error: \(error.description)")
        }
        var reader = Reader(file: file, locator: TOMLLineLocator(text))
        let definition = reader.read(table, name: name)
        if let first = reader.errors.min(by: { $0.line < $1.line }) { throw first }
        return definition
    }

    /// Walks the table, collecting errors so the earliest in the file can be reported.
    private struct Reader {
        let file: String
        let locator: TOMLLineLocator
        var errors: [ThemeError] = []

        init(file: String, locator: TOMLLineLocator) {
            self.file = file
            self.locator = locator
        }

        mutating func read(_ table: TOMLTable, name: String) -> ThemeDefinition {
            var description: String?
            var inherits: ThemeDefinition.Located<String>?
            var palette: [String: ThemeDefinition.Located<Color>] = [:]
            var styles: [ThemeElement: ThemeDefinition.StyleSpec] = [:]
            var sourceColors: ThemeDefinition.Located<[ThemeDefinition.Located<ThemeDefinition.ColorSpec>]>?
            for (key, value) in table {
                let line = line(of: [key])
                switch key {
                case "description":
                    description = string(value, at: [key])
                case "inherits":
                    if let parent = string(value, at: [key]) { inherits = .init(value: parent, line: line) }
                case "palette":
                    palette = readPalette(value)
                case "source-colors":
                    sourceColors = readSourceColors(value, line: line)
                default:
                    if let element = ThemeElement(rawValue: key) {
                        if let spec = readStyle(value, element: key, line: line) { styles[element] = spec }
                    } else {
                        fail(line, "unknown element \"\(key)\"\(Self.suggestion(for: key))")
                    }
                }
            }
            return ThemeDefinition(
                name: name, file: file, description: description, inherits: inherits,
                palette: palette, styles: styles, sourceColors: sourceColors)
        }

        private mutating func readPalette(_ value: TOMLValueConvertible) -> [String: ThemeDefinition.Located<Color>] {
            guard let table = value.table else {
                fail(line(of: ["palette"]), "palette must be a table of name = colour")
                return [:]
            }
            var palette: [String: ThemeDefinition.Located<Color>] = [:]
            for (name, entry) in table {
                let line = line(of: ["palette", name])
                if ThemeParser.reservedKeys.contains(name) || (entry.table != nil && ThemeElement(rawValue: name) != nil) {
                    fail(line, "\"\(name)\" is inside [palette]; everything else must come before the [palette] table")
                    continue
                }
                switch colorSpec(entry, line: line) {
                case .color(let color)?: palette[name] = .init(value: color, line: line)
                case .name(let word)?:
                    if let color = ThemeColorName.named[word] {
                        palette[name] = .init(value: color, line: line)
                    } else {
                        fail(line, "bad colour \"\(word)\" for palette entry \"\(name)\": expected a terminal colour (black … white, bright-black … bright-white, default), 0–255, or \"#rrggbb\"")
                    }
                case nil: break
                }
            }
            return palette
        }

        private mutating func readSourceColors(
            _ value: TOMLValueConvertible, line: Int
        ) -> ThemeDefinition.Located<[ThemeDefinition.Located<ThemeDefinition.ColorSpec>]>? {
            guard let array = value.array else {
                fail(line, "source-colors must be an array of colours, like [\"blue\", 114, \"#d7875f\"]")
                return nil
            }
            var colors: [ThemeDefinition.Located<ThemeDefinition.ColorSpec>] = []
            for item in array {
                let itemLine = locator.line(containing: Self.literal(item), from: line) ?? line
                if let spec = colorSpec(item, line: itemLine) { colors.append(.init(value: spec, line: itemLine)) }
            }
            return .init(value: colors, line: line)
        }

        private mutating func readStyle(_ value: TOMLValueConvertible, element: String, line: Int) -> ThemeDefinition.StyleSpec? {
            if value.string != nil || value.int != nil {
                guard let foreground = colorSpec(value, line: line) else { return nil }
                return .init(foreground: .init(value: foreground, line: line), background: nil, modifiers: [], line: line)
            }
            guard let table = value.table else {
                fail(line, "\"\(element)\" must be a colour or a table like { fg = \"white\", bg = 24, modifiers = [\"bold\"] }")
                return nil
            }
            var spec = ThemeDefinition.StyleSpec(foreground: nil, background: nil, modifiers: [], line: line)
            for (field, fieldValue) in table {
                let fieldLine = self.line(of: [element, field])
                switch field {
                case "fg": spec.foreground = colorSpec(fieldValue, line: fieldLine).map { .init(value: $0, line: fieldLine) }
                case "bg": spec.background = colorSpec(fieldValue, line: fieldLine).map { .init(value: $0, line: fieldLine) }
                case "modifiers": spec.modifiers = modifiers(fieldValue, line: fieldLine)
                default: fail(fieldLine, "unknown field \"\(field)\" in \"\(element)\" (expected fg, bg, modifiers)")
                }
            }
            return spec
        }

        private mutating func modifiers(_ value: TOMLValueConvertible, line: Int) -> Modifiers {
            let items: [TOMLValueConvertible]
            if let array = value.array { items = Array(array) } else { items = [value] }
            var modifiers: Modifiers = []
            for item in items {
                let itemLine = locator.line(containing: Self.literal(item), from: line) ?? line
                guard let word = item.string else {
                    fail(itemLine, "modifiers must be strings, like [\"bold\", \"underline\"]")
                    continue
                }
                guard let modifier = Self.modifierNames[word] else {
                    fail(itemLine, "unknown modifier \"\(word)\" (expected bold, dim, italic, underline, reverse)")
                    continue
                }
                modifiers.insert(modifier)
            }
            return modifiers
        }

        private mutating func colorSpec(_ value: TOMLValueConvertible, line: Int) -> ThemeDefinition.ColorSpec? {
            if let number = value.int {
                if let color = ThemeColorName.index(number) { return .color(color) }
                fail(line, "bad colour \(number): a colour index must be 0–255")
                return nil
            }
            guard let text = value.string else {
                fail(line, "bad colour \(value.debugDescription): expected \(ThemeColorName.expected)")
                return nil
            }
            if text.hasPrefix("#") {
                if let color = ThemeColorName.hex(text) { return .color(color) }
                fail(line, "bad colour \"\(text)\": expected \"#rrggbb\" with six hex digits")
                return nil
            }
            guard !text.isEmpty, text.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else {
                fail(line, "bad colour \"\(text)\": expected \(ThemeColorName.expected)")
                return nil
            }
            return .name(text)
        }

        private mutating func string(_ value: TOMLValueConvertible, at path: [String]) -> String? {
            if let text = value.string { return text }
            fail(line(of: path), "\(path.joined(separator: ".")) must be a string")
            return nil
        }

        private func line(of path: [String]) -> Int { locator.line(of: path) ?? 1 }

        private mutating func fail(_ line: Int, _ message: String) {
            errors.append(ThemeError(file: file, line: line, message: message))
        }

        /// How a value appears in the file, to find an array item's line.
        private static func literal(_ value: TOMLValueConvertible) -> String {
            if let text = value.string { return "\"\(text)\"" }
            if let number = value.int { return String(number) }
            return value.debugDescription
        }

        private static let modifierNames: [String: Modifiers] = [
            "bold": .bold, "dim": .dim, "italic": .italic, "underline": .underline, "reverse": .reverse,
        ]

        /// ` (did you mean "x"?)` for a key one or two edits from an element name.
        private static func suggestion(for key: String) -> String {
            let candidates = ThemeElement.allCases.map(\.rawValue) + Array(ThemeParser.reservedKeys)
            let best = candidates.map { ($0, EditDistance.between($0, key)) }.min { $0.1 < $1.1 }
            guard let (name, distance) = best, distance <= 2 else { return "" }
            return " (did you mean \"\(name)\"?)"
        }
    }
}

/// Levenshtein distance, for "did you mean" hints.
enum EditDistance {
    static func between(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
