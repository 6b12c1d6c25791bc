/// One line of `byline themes`: a theme, where it comes from, and whether it loads.
public struct ThemeListing: Sendable, Equatable {
    public let name: String
    public let origin: ThemeOrigin
    /// A user theme with the name of a bundled one, which it replaces.
    public let overridesBundled: Bool
    /// The theme's `description`, when it has one and loads.
    public let description: String?
    /// Why the theme cannot be used (file, line and message), or `nil` when it loads.
    public let error: String?
    public let isActive: Bool
}

extension ThemeCatalog {
    /// Every theme in `names` order, with `active` (a name or path, as `--theme` takes) marked; a path
    /// not in the catalog is listed last.
    public func listing(active: String) -> [ThemeListing] {
        var rows: [ThemeListing] = []
        for name in names {
            let sources = sources(named: name)
            guard let source = sources.first else { continue }
            rows.append(row(for: source, overridesBundled: sources.count > 1, isActive: name == active))
        }
        if Self.isPath(active) {
            let source: ThemeSource
            if let text = try? String(contentsOfFile: active, encoding: .utf8) {
                source = ThemeSource(name: active, origin: .file(path: active), text: text)
                rows.append(row(for: source, overridesBundled: false, isActive: true))
            } else {
                rows.append(ThemeListing(
                    name: active, origin: .file(path: active), overridesBundled: false,
                    description: nil, error: "cannot read \(active)", isActive: true))
            }
        }
        return rows
    }

    private func row(for source: ThemeSource, overridesBundled: Bool, isActive: Bool) -> ThemeListing {
        var description: String?
        var problem: String?
        do {
            description = try ThemeParser.parse(source.text, name: source.name, file: source.file).description
            _ = try theme(from: source)
        } catch {
            problem = "\(error)"
        }
        return ThemeListing(
            name: source.name, origin: source.origin, overridesBundled: overridesBundled,
            description: problem == nil ? description : nil, error: problem, isActive: isActive)
    }
}
