/// The word bytes of ASCII and their lower case, for loops that read runs of ASCII words without the scalar
/// table (its entries for ASCII say the same; ExtractionWordRunTests checks every byte).
enum ASCIIClass {
    /// For each byte value, the byte lower-cased when it is an ASCII word byte (a letter, a digit or `_`), zero
    /// otherwise (every byte from 0x80 up too). Kept outside any array: the loop that reads it per byte pays no
    /// bounds check or reference count.
    nonisolated(unsafe) static let loweredWordBytes: UnsafePointer<UInt8> = {
        let table = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
        for byte in 0..<256 {
            let value = UInt8(byte)
            let isWord = (value >= 0x30 && value <= 0x39) || (value >= 0x41 && value <= 0x5A) || value == 0x5F
                || (value >= 0x61 && value <= 0x7A)
            table[byte] = isWord ? (value >= 0x41 && value <= 0x5A ? value + 0x20 : value) : 0
        }
        return UnsafePointer(table)
    }()
}
