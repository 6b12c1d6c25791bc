/// A fixed set of 64-bit hashes with open addressing and no per-lookup hashing of its own: the stop-word
/// test runs for every word of every block, and `Set<UInt64>` pays a SipHash each time.
struct HashSet64: Sendable {
    private let slots: [UInt64]
    private let shift: UInt64
    /// Zero marks an empty slot, so a member zero is kept apart.
    private let containsZero: Bool

    /// `slotsPerMember`: four keeps probes short for a table asked millions of times; a set built for one
    /// article and asked a few dozen times is cheaper to clear with fewer.
    init(_ members: some Collection<UInt64>, slotsPerMember: Int = 4) {
        var bits: UInt64 = 4
        while (1 << bits) < members.count * slotsPerMember { bits += 1 }
        var slots = [UInt64](repeating: 0, count: 1 << bits)
        var zero = false
        let shift = 64 - bits
        for member in members {
            if member == 0 { zero = true; continue }
            var slot = Int(truncatingIfNeeded: (member &* 0x9E37_79B9_7F4A_7C15) >> shift)
            while slots[slot] != 0 && slots[slot] != member { slot = (slot + 1) & (slots.count - 1) }
            slots[slot] = member
        }
        self.slots = slots
        self.shift = shift
        containsZero = zero
    }

    @inline(__always) func contains(_ value: UInt64) -> Bool {
        if value == 0 { return containsZero }
        var slot = Int(truncatingIfNeeded: (value &* 0x9E37_79B9_7F4A_7C15) >> shift)
        while true {
            let found = slots[slot]
            if found == value { return true }
            if found == 0 { return false }
            slot = (slot + 1) & (slots.count - 1)
        }
    }
}
