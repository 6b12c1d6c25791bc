/// A clock tests move by hand, for the read-after-a-moment timer.
final class TestClock {
    var now = 1000.0
    func advance(_ seconds: Double) { now += seconds }
}

extension Fixtures {
    /// A state with `count` articles whose clock is `clock`.
    static func state(width: Int, height: Int, count: Int = 5, clock: TestClock) -> AppState {
        var state = AppState(width: width, height: height, query: ArticleQuery(sort: .path))
        state.clock = { clock.now }
        state.receive(snapshot((1...count).map { article($0) }))
        return state
    }
}

import BylineCore
@testable import BylineView
