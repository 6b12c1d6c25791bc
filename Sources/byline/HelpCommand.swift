import ArgumentParser
import BylineView
import Foundation

/// `byline help keys`: the reader's keys and what they do, from the same keymap the reader and its `?` use.
struct HelpTopics: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "help",
        abstract: "Show help: `byline help keys` lists the reader's keys; `byline help COMMAND` a command's options.")

    @Argument(help: "keys, or a command name.") var topic: [String] = []
    @Flag(help: "With keys: list every action name config.toml's [keys] table accepts.") var actions = false

    func run() throws {
        try reportingErrors {
            guard topic.first == "keys" else {
                print(Byline.helpMessage(for: topic.isEmpty ? Byline.self : try subcommand(named: topic[0])))
                return
            }
            var output = StandardOutput()
            if actions {
                for action in Action.allCases { output.line("\(action.rawValue)\t\(action.summary)") }
            } else {
                let keymap = try DailySettings.config().keymap
                output.write(keymap.helpText)
                output.line("")
                output.line("Change them in config.toml's [keys] table: key = \"action\" (`byline help keys --actions` lists the actions).")
            }
            output.flush()
        }
    }

    private func subcommand(named name: String) throws -> ParsableCommand.Type {
        guard let command = Byline.configuration.subcommands.first(where: { $0._commandName == name }) else {
            throw CLIError.usage("no help topic '\(name)' (try `byline help keys`)")
        }
        return command
    }
}
