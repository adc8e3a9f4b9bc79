import Synchronization

/// Counters an operator updates while it runs; thread-safe (partitions run concurrently).
public final class OperatorMetrics: Sendable {
    private let state = Mutex(State())

    struct State {
        var outputRows = 0
        var outputBatches = 0
        var elapsedNanos: UInt64 = 0
        var extra: [String: String] = [:]
    }

    public init() {}

    /// Adds one produced batch of `rows` rows.
    public func recordBatch(rows: Int) {
        state.withLock {
            $0.outputRows += rows
            $0.outputBatches += 1
        }
    }

    /// Adds time spent inside this operator (excluding its children where the operator can tell).
    public func addElapsed(nanos: UInt64) {
        state.withLock { $0.elapsedNanos += nanos }
    }

    /// Sets a free-form metric such as `files pruned` or `spilled bytes`.
    public func set(_ key: String, _ value: String) {
        state.withLock { $0.extra[key] = value }
    }

    public var outputRows: Int { state.withLock { $0.outputRows } }
    public var outputBatches: Int { state.withLock { $0.outputBatches } }
    public var elapsedSeconds: Double { state.withLock { Double($0.elapsedNanos) / 1e9 } }
    public var extra: [String: String] { state.withLock { $0.extra } }
}
