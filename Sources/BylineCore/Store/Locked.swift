import Foundation

/// A value guarded by a pthread mutex (`NSLock`). `Synchronization.Mutex` waits on a futex that
/// ThreadSanitizer cannot see, so every access under it is reported as a race; this lock it understands.
final class Locked<Value>: @unchecked Sendable {
    private var value: Value
    private let lock = NSLock()

    init(_ value: Value) { self.value = value }

    func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
