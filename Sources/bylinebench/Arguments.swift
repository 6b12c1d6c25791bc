/// The command line after the subcommand: `--name value` options, `--flag` switches and positional words.
struct Arguments {
    private(set) var options: [String: String] = [:]
    private(set) var flags: Set<String> = []
    private(set) var positional: [String] = []

    init(_ words: [String], flags known: Set<String>) throws {
        var index = 0
        while index < words.count {
            let word = words[index]
            if word.hasPrefix("--") {
                let name = String(word.dropFirst(2))
                if let equals = name.firstIndex(of: "=") {
                    options[String(name[..<equals])] = String(name[name.index(after: equals)...])
                } else if known.contains(name) {
                    flags.insert(name)
                } else {
                    guard index + 1 < words.count else { throw BenchError("\(word) needs a value") }
                    options[name] = words[index + 1]
                    index += 1
                }
            } else {
                positional.append(word)
            }
            index += 1
        }
    }

    func integer(_ name: String, default value: Int) throws -> Int {
        guard let text = options[name] else { return value }
        guard let number = Int(text.replacingOccurrences(of: "_", with: "")) else { throw BenchError("--\(name) wants a number, not \(text)") }
        return number
    }

    func folder() throws -> String {
        guard positional.count == 1 else { throw BenchError("expected one folder") }
        return positional[0]
    }
}
