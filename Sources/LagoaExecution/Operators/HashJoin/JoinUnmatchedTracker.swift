import Synchronization

/// Collects the build rows matched by every probe partition of a right or full join; the last
/// partition to finish emits the rows nobody matched.
final class JoinUnmatchedTracker: Sendable {
    private let state: Mutex<(remaining: Int, matched: [Bool])>

    init(partitions: Int) {
        state = Mutex((partitions, []))
    }

    /// Merges one finished partition's matches; returns every partition's matches when this was
    /// the last one to finish, `nil` otherwise.
    func finish(_ matched: [Bool]) -> [Bool]? {
        state.withLock { s in
            if s.matched.isEmpty {
                s.matched = matched
            } else {
                for i in matched.indices where matched[i] { s.matched[i] = true }
            }
            s.remaining -= 1
            return s.remaining == 0 ? s.matched : nil
        }
    }
}
