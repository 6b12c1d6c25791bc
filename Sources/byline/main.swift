import ArgumentParser
import Foundation

// ArgumentParser exits 64 on usage errors; byline promises 2 (see `Byline` discussion).
do {
    var command = try Byline.parseAsRoot()
    try command.run()
} catch {
    if Byline.exitCode(for: error).rawValue == ExitCode.validationFailure.rawValue {
        FileHandle.standardError.write(Data((Byline.fullMessage(for: error) + "\n").utf8))
        exit(2)
    }
    Byline.exit(withError: error)
}
