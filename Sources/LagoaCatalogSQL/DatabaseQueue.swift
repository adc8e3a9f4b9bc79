import Dispatch
import LagoaIceberg

/// Runs a store's blocking database calls on its own serial dispatch queue, off Swift's
/// cooperative thread pool: a SQLite writer may wait up to its busy timeout for a lock, and a
/// PostgreSQL round trip blocks on the network; neither should hold one of the few threads every
/// task of the process shares.
final class DatabaseQueue: Sendable {
    private let queue: DispatchQueue

    init(label: String) {
        queue = DispatchQueue(label: label)
    }

    /// Runs `work` on the queue and returns its result to the awaiting task.
    func run<Value: Sendable>(
        _ work: @escaping @Sendable () throws(IcebergError) -> Value
    ) async throws(IcebergError) -> Value {
        let result: Result<Value, IcebergError> = await withCheckedContinuation { continuation in
            queue.async {
                continuation.resume(returning: Result { () throws(IcebergError) -> Value in try work() })
            }
        }
        return try result.get()
    }

    /// Runs `work` on the queue and waits for it on the calling thread (for `close()` and `init`).
    func runBlocking<Value>(_ work: () throws(IcebergError) -> Value) throws(IcebergError) -> Value {
        let result = queue.sync { Result { () throws(IcebergError) -> Value in try work() } }
        return try result.get()
    }
}
