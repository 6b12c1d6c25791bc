import BylineCore

/// Keeps read and star marks on disk without writing on every key: changes are collected and merged
/// into the state file at most `delaySeconds` after the first one, so a kill -9 loses at most that much.
public final class MarkKeeper {
    private let file: MarksFile
    private let delaySeconds: Double
    private var pending: [MarkKey: MarkChange] = [:]
    private var firstPendingAt: Double?

    public init(file: MarksFile, delaySeconds: Double = 0.5) {
        self.file = file
        self.delaySeconds = delaySeconds
    }

    public var hasPendingChanges: Bool { !pending.isEmpty }

    public func record(_ changes: [MarkKey: MarkChange], now: Double) {
        pending.add(changes)
        if firstPendingAt == nil { firstPendingAt = now }
    }

    /// How long until the pending changes are due, for the loop's poll timeout (nil: nothing pending).
    public func secondsUntilDue(now: Double) -> Double? {
        firstPendingAt.map { max(0, $0 + delaySeconds - now) }
    }

    /// Writes the pending changes when they are due (or now with `force`); returns the merged marks
    /// (which include other instances' changes) or an error message.
    public func flush(now: Double, force: Bool = false) -> Result<MarksFile.Outcome, AtomicFile.Failure>? {
        guard let first = firstPendingAt, force || now - first >= delaySeconds else { return nil }
        let changes = pending
        pending = [:]
        firstPendingAt = nil
        do {
            return .success(try file.apply(changes))
        } catch let failure as AtomicFile.Failure {
            return .failure(failure)
        } catch {
            return .failure(AtomicFile.Failure(description: "\(error)"))
        }
    }
}
