/// Splits text into words: runs of letters and digits, with inner apostrophes and hyphens kept.
enum WordScanner {
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
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
