/// `String.lowercased()` with fast paths: the standard library maps every scalar of non-ASCII text through
/// a property look-up, yet most non-ASCII scalars in news text are curly quotes and dashes without case.
/// The result is the same: `lowercased()` is the per-scalar `lowercaseMapping`.
enum FastCase {
    static func lowercased(_ text: some StringProtocol) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                bytes.append(value >= 0x41 && value <= 0x5A ? UInt8(value | 0x20) : UInt8(value))
            } else if ScalarClass.hasNoCase(value) {
                UTF8.encode(scalar) { bytes.append($0) }
            } else {
                bytes.append(contentsOf: scalar.properties.lowercaseMapping.utf8)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
