import Foundation

/// How much text is kept per article: 16 MB unless `BYLINE_MAX_ARTICLE_SIZE` (or a command-line option built
/// on `parse`) says otherwise. The cap bounds memory whatever the folder holds (a 200 MB one-line file).
public enum ArticleSizeLimit {
    /// The default cap.
    public static let defaultBytes = 16 << 20
    /// The largest cap accepted: the compact article text and the search's match offsets count in 32 bits.
    public static let largestBytes = 512 << 20
    /// The environment variable that overrides the default: a byte count with an optional K, M or G suffix.
    public static let environmentVariable = "BYLINE_MAX_ARTICLE_SIZE"

    /// The cap from `environment`, or the default when it is unset; nil when it is set but not a size, so the
    /// caller can say so rather than silently ignoring a typo.
    public static func configured(environment: [String: String] = ProcessInfo.processInfo.environment) -> Int? {
        guard let text = environment[environmentVariable] else { return defaultBytes }
        return parse(text)
    }

    /// Parses "16M", "512k", "2MB", "1000000" (binary units: K = 1024; G is understood). Nil for anything
    /// else, zero or negative sizes, and sizes above `largestBytes`.
    public static func parse(_ text: String) -> Int? {
        var digits = text.trimmingCharacters(in: .whitespaces).uppercased()
        if digits.hasSuffix("B") && digits.count > 1 && !digits.dropLast().allSatisfy(\.isNumber) { digits.removeLast() }
        var multiplier = 1
        if let unit = digits.last, let shift = ["K": 10, "M": 20, "G": 30][String(unit)] {
            multiplier = 1 << shift
            digits.removeLast()
        }
        guard !digits.isEmpty, digits.allSatisfy(\.isASCII), let count = Int(digits), count > 0 else { return nil }
        let (bytes, overflow) = count.multipliedReportingOverflow(by: multiplier)
        return overflow || bytes > largestBytes ? nil : bytes
    }
}
