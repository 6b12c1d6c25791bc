/// Splits text into words: runs of letters and digits, with inner apostrophes and hyphens kept.
enum WordScanner {
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 {
            // ASCII fast path: property look-ups dominate the cost on long English text.
            let value = scalar.value
            return (value >= 0x30 && value <= 0x39) || (value >= 0x41 && value <= 0x5A)
                || (value >= 0x61 && value <= 0x7A) || value == 0x5F
        }
        if ScalarClass.isPunctuationBlock(scalar.value) { return false }
        let properties = scalar.properties
        return properties.isAlphabetic || properties.numericType != nil || scalar == "_"
    }

    static func words(_ text: String) -> [Substring] {
        var words: [Substring] = []
        var start: String.Index?
        var index = text.startIndex
        let scalars = text.unicodeScalars
        while index < text.endIndex {
            let scalar = scalars[index]
            if isWordScalar(scalar) {
                if start == nil { start = index }
            } else if let begun = start {
                words.append(text[begun..<index])
                start = nil
            }
            index = scalars.index(after: index)
        }
        if let begun = start { words.append(text[begun..<text.endIndex]) }
        return words
    }
}
