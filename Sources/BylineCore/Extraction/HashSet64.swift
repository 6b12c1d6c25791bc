/// A fixed set of 64-bit hashes with open addressing and no per-lookup hashing of its own: the stop-word
/// test runs for every word of every block, and `Set<UInt64>` pays a SipHash each time.
struct HashSet64: Sendable {
    /// The home slots, then room for members pushed past the last of them (probing never wraps around) and
    /// at least one empty slot after the last member.
    private let slots: [UInt64]
    private let shift: UInt64
    /// Zero marks an empty slot, so a member zero is kept apart.
    private let containsZero: Bool
    /// The farthest any member lies past its home slot.
    private let reach: Int

    /// `slotsPerMember`: four keeps probes short for a table asked millions of times; a set built for one
    /// article and asked a few dozen times is cheaper to clear with fewer.
    init(_ members: some Collection<UInt64>, slotsPerMember: Int = 4) {
        var bits: UInt64 = 4
        while (1 << bits) < members.count * slotsPerMember { bits += 1 }
        let shift = 64 - bits
        var zero = false, reach = 0
        // Written through a pointer: the checked array stores cost more than the probing for sets built per article.
        let slots = [UInt64](unsafeUninitializedCapacity: (1 << bits) + members.count + 1) { buffer, initialized in
            buffer.initialize(repeating: 0)
            initialized = buffer.count
            for member in members {
                if member == 0 { zero = true; continue }
                let home = Int(truncatingIfNeeded: (member &* 0x9E37_79B9_7F4A_7C15) >> shift)
                var slot = home
                while buffer[slot] != 0 && buffer[slot] != member { slot += 1 }
                buffer[slot] = member
                reach = max(reach, slot - home)
            }
        }
        self.slots = slots
        self.shift = shift
        containsZero = zero
        self.reach = reach
    }

    @inline(__always) func contains(_ value: UInt64) -> Bool {
        if value == 0 { return containsZero }
        var slot = Int(truncatingIfNeeded: (value &* 0x9E37_79B9_7F4A_7C15) >> shift)
        while true {
            let found = slots[slot]
            if found == value { return true }
            if found == 0 { return false }
            slot += 1
        }
    }

    /// Calls `body` with a reader of the slots that the loops asking once per word keep for a whole block.
    @inline(__always) func withLookup<R>(_ body: (Lookup) -> R) -> R {
        slots.withUnsafeBufferPointer { buffer in
            body(Lookup(slots: buffer.baseAddress!, shift: shift, containsZero: containsZero, reach: reach))
        }
    }

    /// `contains` that reads every slot a member may lie in, with no branch on the answer: a miss and a hit
    /// cost the same and the word loop does not pay a mispredicted branch on every other word.
    struct Lookup {
        let slots: UnsafePointer<UInt64>
        let shift: UInt64
        let containsZero: Bool
        let reach: Int

        @inline(__always) func contains(_ value: UInt64) -> Bool {
            let home = slots + Int(truncatingIfNeeded: (value &* 0x9E37_79B9_7F4A_7C15) >> shift)
            var hits = 0
            var offset = 0
            repeat {
                hits |= home[offset] == value ? 1 : 0
                offset &+= 1
            } while offset <= reach
            // An empty slot reads as zero: the value zero is answered apart.
            return value == 0 ? containsZero : hits != 0
        }
    }
}

/// A set of 64-bit hashes filled while it is asked, sized once for at most `capacity` members: the repeat test
/// keeps every sentence hash of an article, and `Set<Int>` hashed each of them again with SipHash.
struct HashTable64 {
    private var slots: [UInt64]
    private let shift: UInt64
    /// Zero marks an empty slot, so a member zero is kept apart.
    private var containsZero = false

    init(capacity: Int) {
        var bits: UInt64 = 4
        while (1 << bits) < capacity * 2 { bits += 1 }
        slots = [UInt64](repeating: 0, count: 1 << bits)
        shift = 64 - bits
    }

    func contains(_ value: UInt64) -> Bool {
        if value == 0 { return containsZero }
        var slot = Int(truncatingIfNeeded: (value &* 0x9E37_79B9_7F4A_7C15) >> shift)
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
        var slot = Int(truncatingIfNeeded: (value &* 0x9E37_79B9_7F4A_7C15) >> shift)
        while slots[slot] != 0 && slots[slot] != value { slot = (slot + 1) & (slots.count - 1) }
        slots[slot] = value
    }
}
