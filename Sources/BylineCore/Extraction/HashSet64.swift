/// A fixed set of 64-bit hashes with open addressing and no per-lookup hashing of its own: the stop-word
/// test runs for every word of every block, and `Set<UInt64>` pays a SipHash each time.
struct HashSet64: Sendable {
    private let slots: [UInt64]
    private let shift: UInt64
    /// The odd multiplier whose top bits give a value's home slot.
    private let multiplier: UInt64
    /// Zero marks an empty slot, so a member zero is kept apart.
    private let containsZero: Bool
    /// The farthest any member lies past its home slot.
    let reach: Int

    /// `slotsPerMember`: four keeps probes short for a table asked millions of times; a set built for one
    /// article and asked a few dozen times is cheaper to clear with fewer (at least two, so that a slot stays
    /// empty and a probe for a value that is no member ends). `multipliers`: how many multipliers
    /// to try for the one that leaves members closest to their home slots (for a table built once and asked for
    /// every word, whose `Lookup` reads every slot up to the farthest).
    init(_ members: some Collection<UInt64>, slotsPerMember: Int = 4, multipliers: Int = 1) {
        precondition(slotsPerMember >= 2, "a full table leaves a probe for a non-member no empty slot to end at")
        var bits: UInt64 = 4
        while (1 << bits) < members.count * slotsPerMember { bits += 1 }
        let shift = 64 - bits
        var best: (slots: [UInt64], multiplier: UInt64, reach: Int)? = nil
        var zero = false
        var multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<max(1, multipliers) {
            let (slots, reach) = Self.fill(members, count: 1 << bits, shift: shift, multiplier: multiplier, zero: &zero)
            if best == nil || reach < best!.reach { best = (slots, multiplier, reach) }
            // The next odd multiplier from a SplitMix step.
            multiplier = (multiplier &+ 0x9E37_79B9_7F4A_7C15) ^ (multiplier >> 29) | 1
        }
        slots = best!.slots
        self.multiplier = best!.multiplier
        reach = best!.reach
        self.shift = shift
        containsZero = zero
    }

    /// The slots with `members` placed by linear probing (wrapping around), and the farthest any lies from home;
    /// `zero` is set when zero is a member.
    private static func fill(
        _ members: some Collection<UInt64>, count: Int, shift: UInt64, multiplier: UInt64, zero: inout Bool
    ) -> ([UInt64], Int) {
        var reach = 0
        // Written through a pointer: the checked array stores cost more than the probing for sets built per article.
        let slots = [UInt64](unsafeUninitializedCapacity: count) { buffer, initialized in
            buffer.initialize(repeating: 0)
            initialized = count
            for member in members {
                if member == 0 {
                    zero = true
                    continue
                }
                let home = Int(truncatingIfNeeded: (member &* multiplier) >> shift)
                var slot = home, distance = 0
                while buffer[slot] != 0 && buffer[slot] != member {
                    slot = (slot + 1) & (count - 1)
                    distance += 1
                }
                buffer[slot] = member
                reach = max(reach, distance)
            }
        }
        return (slots, reach)
    }

    /// The slot a probe for `value` starts at, and the number of slots: for tests of the wrap-around.
    func homeSlot(of value: UInt64) -> Int { Int(truncatingIfNeeded: (value &* multiplier) >> shift) }
    var slotCount: Int { slots.count }

    @inline(__always) func contains(_ value: UInt64) -> Bool {
        if value == 0 { return containsZero }
        var slot = Int(truncatingIfNeeded: (value &* multiplier) &>> shift)
        while true {
            let found = slots[slot]
            if found == value { return true }
            if found == 0 { return false }
            slot = (slot + 1) & (slots.count - 1)
        }
    }

    /// Calls `body` with a reader of the slots that the loops asking once per word keep for a whole block.
    @inline(__always) func withLookup<R>(_ body: (Lookup) -> R) -> R {
        slots.withUnsafeBufferPointer { buffer in
            body(Lookup(
                slots: buffer.baseAddress!, mask: buffer.count - 1, shift: shift, multiplier: multiplier,
                containsZero: containsZero, reach: reach))
        }
    }

    /// `contains` that reads every slot a member may lie in, with no branch on the answer: a miss and a hit
    /// cost the same and the word loop does not pay a mispredicted branch on every other word.
    struct Lookup {
        let slots: UnsafePointer<UInt64>
        let mask: Int
        let shift: UInt64
        let multiplier: UInt64
        let containsZero: Bool
        let reach: Int

        @inline(__always) func contains(_ value: UInt64) -> Bool {
            let home = Int(truncatingIfNeeded: (value &* multiplier) &>> shift)
            // The home slot and the next are read whatever the reach (a slot past the farthest member holds no
            // member that lies farther, so reading it changes no answer): a table built with its members at most
            // one slot from home, as the stop words are, is asked with no loop.
            var hits = (slots[home] == value ? 1 : 0) | (slots[(home &+ 1) & mask] == value ? 1 : 0)
            var offset = 2
            while offset <= reach {
                hits |= slots[(home &+ offset) & mask] == value ? 1 : 0
                offset &+= 1
            }
            // An empty slot reads as zero: the value zero is answered apart.
            return value == 0 ? containsZero : hits != 0
        }
    }
}
