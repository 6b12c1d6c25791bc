import BylineCore

/// Keeps read and star marks on disk without writing on every key: changes are collected and merged
/// into the state file at most `delaySeconds` after the first one, so a kill -9 loses at most that much.
public final class MarkKeeper {
    private let file: MarksFile
    private let delaySeconds: Double
    private var pending: [MarkKey: MarkChange] = [:]
    private var firstPendingAt: Double?
    /// The version of the file this instance last read or wrote.
    private var knownSignature: [Int64]?
    private var lastLookAt = -Double.infinity
    /// How often to look whether another instance changed the file.
    private let lookIntervalSeconds = 1.0

    public init(file: MarksFile, delaySeconds: Double = 0.5) {
        self.file = file
        self.delaySeconds = delaySeconds
    }

    public var hasPendingChanges: Bool { !pending.isEmpty }

    public func record(_ changes: [MarkKey: MarkChange], now: Double) {
        pending.add(changes)
        if firstPendingAt == nil { firstPendingAt = now }
    }

    /// The marks another byline wrote since this one last read or wrote the file (with this instance's
    /// unsaved changes on top), or nil when nothing changed. Looks at most once a second.
    public func marksChangedElsewhere(now: Double) -> MarksFile.Outcome? {
        guard now - lastLookAt >= lookIntervalSeconds else { return nil }
        lastLookAt = now
        let signature = file.signature()
        guard signature != knownSignature else { return nil }
        knownSignature = signature
        guard signature != nil, let outcome = try? file.load() else { return nil }
        var marks = outcome.marks
        marks.apply(pending)
        return MarksFile.Outcome(marks: marks, warning: outcome.warning)
    }

    /// Remembers the file as read at start-up, so it is not read again at once.
    public func noteLoaded() { knownSignature = file.signature() }

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
            let outcome = try file.apply(changes)
            knownSignature = file.signature()
            return .success(outcome)
        } catch let failure as AtomicFile.Failure {
            return .failure(failure)
        } catch {
            return .failure(AtomicFile.Failure(description: "\(error)"))
        }
    }
}
