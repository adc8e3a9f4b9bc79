import Synchronization

/// Tracks bytes held by joins, aggregates and sorts against an optional limit. Operators that can
/// spill call ``tryReserve(_:)`` and spill when it fails; others use ``reserve(_:)``.
public final class MemoryPool: Sendable {
    /// `nil`: unlimited.
    public let limit: Int?
    private let used = Atomic<Int>(0)

    public init(limit: Int?) { self.limit = limit }

    public var usedBytes: Int { used.load(ordering: .relaxed) }

    /// Reserves `bytes` if that stays within the limit; returns `false` (reserving nothing) otherwise.
    public func tryReserve(_ bytes: Int) -> Bool {
        guard let limit else {
            used.add(bytes, ordering: .relaxed)
            return true
        }
        while true {
            let current = used.load(ordering: .relaxed)
            if current + bytes > limit { return false }
            if used.compareExchange(expected: current, desired: current + bytes, ordering: .relaxed).exchanged { return true }
        }
    }

    /// Reserves `bytes` or throws ``ExecutionError/Code/resourcesExhausted`` naming the operator.
    public func reserve(_ bytes: Int, for consumer: String) throws {
        guard tryReserve(bytes) else {
            throw ExecutionError(
                .resourcesExhausted,
                "\(consumer) needs \(bytes) more bytes but the memory limit of \(limit ?? 0) bytes is reached (\(usedBytes) in use); raise --memory-limit"
            )
        }
    }

    /// Reserves `bytes` even past the limit: the last resort of an operator that has nothing left
    /// to spill (one key whose rows alone exceed the limit).
    func forceReserve(_ bytes: Int) {
        used.add(bytes, ordering: .relaxed)
    }

    /// Gives back `bytes` reserved earlier.
    public func release(_ bytes: Int) {
        used.subtract(bytes, ordering: .relaxed)
    }
}
