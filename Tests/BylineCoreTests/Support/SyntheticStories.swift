import Foundation
@testable import BylineCore

extension TemporaryFolder {
    /// Writes `count` stories under `source/` with the same site chrome around each (so boilerplate detection
    /// has something to find) and a body that differs by story number; `extra` is one more body paragraph.
    func writeStories(source: String, count: Int, extra: String? = nil) throws {
        for number in 0..<count {
            var body = """
                The council met on Tuesday to discuss the plan for the city, and officials said the \
                vote would come next week. “We are ready,” the mayor said — after \(number) hours.
                """
            if let extra { body += "\n\n" + extra.replacingOccurrences(of: "{n}", with: "\(number)") }
            try write("\(source)/story\(String(format: "%02d", number)).txt", """
                Home
                World
                Subscribe

                Story \(number) from \(source) about Kyiv talks

                By Anna Smith
                Published 2024-03-\(String(format: "%02d", 1 + number % 28))

                \(body)

                © 2024 \(source). All rights reserved.
                """)
        }
    }
}
