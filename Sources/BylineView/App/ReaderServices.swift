import BylineCore
import Dispatch

/// What the loop asks of the world outside the state, injected so tests and benchmarks can run headless.
public struct ReaderServices {
    /// Keeps marks on disk; nil keeps them in memory only.
    public var marks: MarkKeeper?
    /// Files changed under the opened folders since the last call.
    public var takeLiveChanges: () -> LiveChanges?
    /// Shows the article in the pager; returns a message for the status line.
    public var page: (Article) -> String?
    /// Opens the article's file in the editor; returns a message for the status line.
    public var edit: (Article) -> String?
    /// Seconds on a monotonic clock.
    public var now: () -> Double

    public init(marks: MarkKeeper? = nil, takeLiveChanges: @escaping () -> LiveChanges? = { nil },
                page: @escaping (Article) -> String? = { _ in "no pager here" },
                edit: @escaping (Article) -> String? = { _ in "no editor here" },
                now: @escaping () -> Double = MonotonicClock.seconds) {
        self.marks = marks
        self.takeLiveChanges = takeLiveChanges
        self.page = page
        self.edit = edit
        self.now = now
    }
}

/// Seconds since an arbitrary start that never jump with the wall clock.
public enum MonotonicClock {
    public static func seconds() -> Double {
        Double(DispatchTime.now().uptimeNanoseconds) / 1e9
    }
}
