import BylineCore
import BylineView
import Foundation

/// The person's settings and marks as every command finds them: config.toml (keys, sort) and state.json.
enum DailySettings {
    /// config.toml's reader settings; a mistake in it is a usage error (exit 2) naming file and line.
    static func config() throws -> ReaderConfig {
        let file = BylineConfigPaths(environment: ProcessInfo.processInfo.environment)?.configFile
        do {
            return try ReaderConfig.load(configFile: file)
        } catch {
            throw CLIError.usage(error.description)
        }
    }

    /// The state file, or nil when neither XDG_STATE_HOME nor HOME is set.
    static var marksFile: MarksFile? { MarksFile.defaultPath().map(MarksFile.init(path:)) }

    /// The marks on disk; a corrupt file is set aside with a warning on standard error.
    static func loadMarks() -> MarkSet {
        guard let file = marksFile else { return MarkSet() }
        do {
            let outcome = try file.load()
            if let warning = outcome.warning { warn(warning) }
            return outcome.marks
        } catch {
            warn("cannot read read marks: \(error)")
            return MarkSet()
        }
    }

    static func warn(_ text: String) {
        FileHandle.standardError.write(Data("byline: \(text)\n".utf8))
    }
}
