/// A set of 64-bit hashes filled while it is asked, sized once for at most `capacity` members: the repeat test
/// keeps every sentence hash of an article, and `Set<Int>` hashed each of them again with SipHash.
struct HashTable64 {
    private var slots: [UInt64]
    private let shift: UInt64
    /// Zero marks an empty slot, so a member zero is kept apart.
    private var containsZero = false
    /// Members in the slots (zero apart), kept below the slot count so that every probe meets an empty slot.
    private var count = 0

    init(capacity: Int) {
        var bits: UInt64 = 4
        while (1 << bits) < capacity * 2 { bits += 1 }
        slots = [UInt64](repeating: 0, count: 1 << bits)
        shift = 64 - bits
    }

    /// The slot a probe for `value` starts at, and the number of slots: for tests of the wrap-around.
    func homeSlot(of value: UInt64) -> Int { Int(truncatingIfNeeded: (value &* 0x9E37_79B9_7F4A_7C15) >> shift) }
    var slotCount: Int { slots.count }

    func contains(_ value: UInt64) -> Bool {
        if value == 0 { return containsZero }
        var slot = homeSlot(of: value)
        while true {
            let found = slots[slot]
            if found == value { return true }
            if found == 0 { return false }
            slot = (slot + 1) & (slots.count - 1)
        }
    }

    /// Adds `value`; at most `capacity` members in all.
    mutating func insert(_ value: UInt64) {
        if value == 0 {
            containsZero = true
            return
        }
        var slot = homeSlot(of: value)
        while slots[slot] != 0 && slots[slot] != value { slot = (slot + 1) & (slots.count - 1) }
        if slots[slot] == 0 {
            count += 1
            // The next probe for a non-member would find no empty slot and never end.
            precondition(count < slots.count, "HashTable64 filled beyond its capacity")
        }
        slots[slot] = value
    }
}
