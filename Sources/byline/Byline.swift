import ArgumentParser

/// The `byline` command: the reader by default, and script-friendly subcommands.
struct Byline: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "byline",
        abstract: "A terminal reader for folders of scraped news articles.",
        discussion: """
            Exit codes: 0 success; 1 a runtime failure or nothing to show; 2 a usage error.
            """,
        version: BylineVersion.string,
        subcommands: [Read.self, List.self, Show.self, Extract.self, Sources.self, Themes.self, Mark.self, HelpTopics.self],
        defaultSubcommand: Read.self
    )
}

/// The version printed by `byline --version`.
enum BylineVersion {
    static let string = "0.1.0"
}
