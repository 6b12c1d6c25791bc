/// Turns a theme definition and its `inherits` chain into a `Theme` with a style for every element.
///
/// Inheriting works like Helix: the child's palette entries replace the parent's by name (so a
/// child can recolour its parent by changing only the palette), each element the child names
/// replaces the parent's entry for it, and `source-colors` replaces the parent's list.
/// An element no file in the chain names takes its `fallback` element's entry, and every element
/// takes the colours it leaves out from `base`.
struct ThemeResolver {
    /// Finds the definition a theme inherits from: a name, and the files already in the chain
    /// (so a user theme may inherit the bundled theme it overrides). `nil` when no theme has that name.
    typealias ParentLoader = (_ name: String, _ filesInChain: [String]) throws -> ThemeDefinition?

    let loadParent: ParentLoader
    /// Names for the "no such theme" message.
    let knownThemes: () -> [String]

    func resolve(_ leaf: ThemeDefinition) throws -> Theme {
        let chain = try inheritanceChain(from: leaf)
        var palette: [String: ThemeDefinition.Located<Color>] = [:]
        var specs: [ThemeElement: (spec: ThemeDefinition.StyleSpec, file: String)] = [:]
        var sourceColors: (colors: [ThemeDefinition.Located<ThemeDefinition.ColorSpec>], file: String)?
        for definition in chain.reversed() {
            palette.merge(definition.palette) { _, child in child }
            for (element, spec) in definition.styles { specs[element] = (spec, definition.file) }
            if let colors = definition.sourceColors { sourceColors = (colors.value, definition.file) }
        }

        func color(_ spec: ThemeDefinition.Located<ThemeDefinition.ColorSpec>?, element: String, file: String) throws -> Color? {
            guard let spec else { return nil }
            switch spec.value {
            case .color(let color): return color
            case .name(let name):
                if let entry = palette[name] { return entry.value }
                if let named = ThemeColorName.named[name] { return named }
                let candidates = Array(palette.keys) + Array(ThemeColorName.named.keys)
                throw ThemeError(
                    file: file, line: spec.line,
                    message: "unknown colour \"\(name)\" in \(element): not in [palette] and not a terminal colour name\(Self.suggestion(name, among: candidates))")
            }
        }

        let baseEntry = specs[.base]
        let base = Style(
            foreground: try color(baseEntry?.spec.foreground, element: "base", file: baseEntry?.file ?? leaf.file) ?? .default,
            background: try color(baseEntry?.spec.background, element: "base", file: baseEntry?.file ?? leaf.file) ?? .default,
            modifiers: baseEntry?.spec.modifiers ?? [])
        var styles: [ThemeElement: Style] = [.base: base]
        for element in ThemeElement.allCases where element != .base {
            guard let (spec, file) = Self.entry(for: element, in: specs) else {
                styles[element] = Style(foreground: base.foreground, background: base.background)
                continue
            }
            styles[element] = Style(
                foreground: try color(spec.foreground, element: "\"\(element.rawValue)\"", file: file) ?? base.foreground,
                background: try color(spec.background, element: "\"\(element.rawValue)\"", file: file) ?? base.background,
                modifiers: spec.modifiers)
        }
        var cycle: [Color] = []
        for spec in sourceColors?.colors ?? [] {
            if let resolved = try color(spec, element: "source-colors", file: sourceColors?.file ?? leaf.file) { cycle.append(resolved) }
        }
        return Theme(name: leaf.name, styles: styles, sourceColors: cycle)
    }

    /// The leaf first, then each theme it inherits from.
    func inheritanceChain(from leaf: ThemeDefinition) throws -> [ThemeDefinition] {
        var chain = [leaf]
        while let inherits = chain[chain.count - 1].inherits {
            let child = chain[chain.count - 1]
            guard let parent = try loadParent(inherits.value, chain.map(\.file)) else {
                let names = chain.map(\.name) + [inherits.value]
                if names.dropLast().contains(inherits.value) {
                    throw ThemeError(
                        file: child.file, line: inherits.line,
                        message: "cycle in inherits: \(names.joined(separator: " → "))")
                }
                throw ThemeError(
                    file: child.file, line: inherits.line,
                    message: "inherits \"\(inherits.value)\", but there is no such theme; known themes: \(knownThemes().joined(separator: ", "))")
            }
            chain.append(parent)
        }
        return chain
    }

    /// The entry styling `element`: its own, or the nearest fallback's.
    private static func entry(
        for element: ThemeElement, in specs: [ThemeElement: (spec: ThemeDefinition.StyleSpec, file: String)]
    ) -> (ThemeDefinition.StyleSpec, String)? {
        var current: ThemeElement? = element
        while let candidate = current {
            if let found = specs[candidate] { return (found.spec, found.file) }
            current = candidate.fallback
        }
        return nil
    }

    private static func suggestion(_ name: String, among candidates: [String]) -> String {
        let best = candidates.map { ($0, EditDistance.between($0, name)) }.min { ($0.1, $0.0) < ($1.1, $1.0) }
        guard let (candidate, distance) = best, distance <= 2 else { return "" }
        return " (did you mean \"\(candidate)\"?)"
    }
}
