/// Writes the data files that tests regenerate from the toolchain's Unicode data (ScalarTableData.swift,
/// CombiningMarksData.swift, WordBoundaryData.swift) when a look-up answers otherwise.
enum GeneratedSource {
    /// The runs of scalars for which `flags` holds, as pairs: the first scalar of a run and the one after it.
    static func runBounds(_ flags: [Bool]) -> [UInt32] {
        var bounds: [UInt32] = []
        for value in flags.indices where flags[value] != (value > 0 && flags[value - 1]) {
            bounds.append(UInt32(value))
        }
        if flags.last == true { bounds.append(UInt32(flags.count)) }
        return bounds
    }

    /// `numbers` as hexadecimal array elements, indented for an array literal, lines of at most 120 columns.
    static func hexLines(_ numbers: [UInt32]) -> String {
        var lines: [String] = []
        var line = "       "
        for number in numbers {
            let item = " 0x" + String(number, radix: 16, uppercase: true) + ","
            if line.count + item.count > 120 {
                lines.append(line)
                line = "       "
            }
            line += item
        }
        lines.append(line)
        return lines.joined(separator: "\n")
    }
}
