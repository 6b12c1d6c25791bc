#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Room to read a file into. A loading worker keeps one and reads file after file into it, so that a file's
/// bytes cost no allocation of their own (and no fresh pages to fault in): they are checked where they lie
/// and copied once, into the article's text. Not shared between threads.
final class ReadBuffer {
    private var base: UnsafeMutableRawPointer?
    private(set) var capacity = 0
    private let reused: Bool

    /// Room kept after a file that needed more is given back, so that one huge file does not hold memory
    /// for the rest of the load.
    static let keptCapacity = 1 << 20

    /// The least room a reused buffer maps: pages not written to cost nothing, and most files then fit.
    private static let leastReusedCapacity = 1 << 16

    /// With `reused` (a worker's), the room is mapped from the kernel rather than taken from `malloc`: a block
    /// this size would be mapped by `malloc` anyway, and giving it back would raise `malloc`'s threshold for
    /// mapping blocks, changing how the rest of the load lays out its memory. Room for one read comes from
    /// `malloc`, as an array's would.
    init(reused: Bool = false) {
        self.reused = reused
    }

    deinit { release() }

    /// Room for at least `count` bytes, keeping the first `kept` bytes written so far.
    func room(for count: Int, keeping kept: Int) -> UnsafeMutableRawPointer {
        if let base, count <= capacity { return base }
        // Grown by half again at least, so a file that keeps growing while it is read is not copied each time.
        let grown: Int
        let bigger: UnsafeMutableRawPointer
        if reused {
            let page = Int(sysconf(Int32(_SC_PAGESIZE)))
            let wanted = max(count, capacity + capacity / 2, Self.leastReusedCapacity)
            grown = (wanted + page - 1) / page * page
            guard let mapped = mmap(nil, grown, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0),
                  mapped != MAP_FAILED else {
                fatalError("out of memory mapping \(grown) bytes to read a file into")
            }
            bigger = mapped
        } else {
            grown = max(count, capacity + capacity / 2)
            bigger = UnsafeMutableRawPointer.allocate(byteCount: grown, alignment: 16)
        }
        if let base { bigger.copyMemory(from: base, byteCount: min(kept, capacity)) }
        release()
        base = bigger
        capacity = grown
        return bigger
    }

    /// The first `count` bytes, as written.
    func bytes(_ count: Int) -> UnsafeBufferPointer<UInt8> {
        guard let base, count > 0 else { return UnsafeBufferPointer(start: nil, count: 0) }
        return UnsafeBufferPointer(start: base.bindMemory(to: UInt8.self, capacity: count), count: count)
    }

    /// Gives back room beyond `keptCapacity` (its bytes are not needed any more).
    func shrink() {
        if capacity > Self.keptCapacity { release() }
    }

    private func release() {
        if let base {
            if reused { munmap(base, capacity) } else { base.deallocate() }
        }
        base = nil
        capacity = 0
    }
}
