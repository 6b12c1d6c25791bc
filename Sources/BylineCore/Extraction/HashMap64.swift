/// Whole-number values keyed by 64-bit hashes, sized once for at most `capacity` keys and probed as
/// `HashTable64` is: the repeat test keeps a value per long block, and a `Dictionary` hashed each key again
/// with SipHash.
struct HashMap64 {
    private var keys: [UInt64]
    private var values: [Int]
    private let shift: UInt64
    /// Zero marks an empty slot, so the key zero is kept apart.
    private var zeroValue: Int?
    /// Keys in the slots (zero apart), kept below the slot count so that every probe meets an empty slot.
    private var count = 0

    init(capacity: Int) {
        var bits: UInt64 = 4
        while (1 << bits) < capacity * 2 { bits += 1 }
        keys = [UInt64](repeating: 0, count: 1 << bits)
        values = [Int](repeating: 0, count: 1 << bits)
        shift = 64 - bits
    }

    /// The slot holding `key`, or the empty slot where it would go.
    private func slot(of key: UInt64) -> Int {
        var slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
        while keys[slot] != 0 && keys[slot] != key { slot = (slot + 1) & (keys.count - 1) }
        return slot
    }

    /// The value kept for `key`; when there is none, `value` is kept for it and nil returned. At most
    /// `capacity` keys in all.
    mutating func value(for key: UInt64, orInsert value: Int) -> Int? {
        if key == 0 {
            defer { if zeroValue == nil { zeroValue = value } }
            return zeroValue
        }
        let slot = slot(of: key)
        if keys[slot] == key { return values[slot] }
        count += 1
        // The next probe for a missing key would find no empty slot and never end.
        precondition(count < keys.count, "HashMap64 filled beyond its capacity")
        keys[slot] = key
        values[slot] = value
        return nil
    }

    /// Replaces the value of a key already kept.
    mutating func replaceValue(for key: UInt64, with value: Int) {
        if key == 0 {
            zeroValue = value
            return
        }
        let slot = slot(of: key)
        precondition(keys[slot] == key, "HashMap64 asked to replace a missing key")
        values[slot] = value
    }
}
