import Foundation

/// Findings that are reported but do not stop the run: the cell buffer clips them, so the screen stays right.
enum FuzzFindings {
    /// `ReaderDocument` gave a line wider than the pane (e.g. "(no article text)" at widths under 17).
    /// Set `BYLINE_FUZZ_STRICT=1` to make this a crash, so libFuzzer minimises an input for it.
    static func overWideLine(_ text: String, width: Int) {
        if ProcessInfo.processInfo.environment["BYLINE_FUZZ_STRICT"] == "1" {
            preconditionFailure("a reader line is wider than its pane (\(width)): \(text.debugDescription)")
        }
    }
}
