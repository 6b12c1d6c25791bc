// Built normally, this replays files (a seed corpus or a crash input) through the fuzz pipeline, so the target
// builds and runs with a plain `swift build`. Built for libFuzzer (`.ci/fuzz.sh`: `-sanitize=fuzzer
// -D BYLINE_LIBFUZZER`), FuzzDriver.swift is the entry point instead.
#if !BYLINE_LIBFUZZER
import Foundation

/// Replays fuzz inputs given as files or folders; exits non-zero through a failed precondition on a finding.
@main
struct FuzzReplay {
    static func main() {
        var replayed = 0
        for argument in CommandLine.arguments.dropFirst() {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: argument, isDirectory: &isFolder) else {
                FileHandle.standardError.write(Data("byline-fuzz: no such file or folder: \(argument)\n".utf8))
                exit(2)
            }
            let paths = isFolder.boolValue
                ? ((try? FileManager.default.contentsOfDirectory(atPath: argument)) ?? []).sorted().map { argument + "/" + $0 }
                : [argument]
            for path in paths {
                guard let data = FileManager.default.contents(atPath: path) else { continue }
                FuzzPipeline.run(Array(data))
                replayed += 1
            }
        }
        print("byline-fuzz: replayed \(replayed) input\(replayed == 1 ? "" : "s") without a finding")
    }
}
#endif
