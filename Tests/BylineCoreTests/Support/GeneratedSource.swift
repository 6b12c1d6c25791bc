/// Writes the data files that tests regenerate from the toolchain's Unicode data (ScalarTableData.swift,
/// CombiningMarksData.swift) when a look-up answers otherwise.
enum GeneratedSource {
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
