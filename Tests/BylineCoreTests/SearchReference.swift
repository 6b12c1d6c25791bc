@testable import BylineCore

/// The search rule written plainly, scalar by scalar, to check the index and the byte search against:
/// each folded term must occur in the folded text where a word may start.
enum SearchReference {
    static func matches(_ terms: [String], title: String, body: String) -> Bool {
        let text = Array(TextFolding.fold(title + "\n" + body).unicodeScalars)
        return terms.allSatisfy { occurs(Array($0.unicodeScalars), in: text) }
    }

    static func occurs(_ term: [Unicode.Scalar], in text: [Unicode.Scalar]) -> Bool {
        guard !term.isEmpty else { return true }
        guard text.count >= term.count else { return false }
        for start in 0...(text.count - term.count) where Array(text[start..<(start + term.count)]) == term {
            if start == 0 || !(isWord(text[start - 1]) && isWord(text[start]) && !alone(text[start - 1]) && !alone(text[start])) {
                return true
            }
        }
        return false
    }

    private static func isWord(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) }
        if (0x2000...0x206F).contains(scalar.value) { return false }
        if scalar.properties.isAlphabetic { return true }
        switch scalar.properties.generalCategory {
        case .decimalNumber, .letterNumber, .otherNumber, .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    private static func alone(_ scalar: Unicode.Scalar) -> Bool {
        let ranges: [ClosedRange<UInt32>] = [0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7AF, 0x1100...0x11FF,
                                             0x3130...0x318F, 0xF900...0xFAFF, 0xFF66...0xFF9F, 0x20000...0x3FFFF]
        return ranges.contains { $0.contains(scalar.value) }
    }
}
