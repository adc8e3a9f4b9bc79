import Synchronization

/// The bytes one consumer (a partial aggregate, a join's build side) holds in a ``MemoryPool``,
/// resized as the consumer grows and shrinks and given back when it is released or deallocated,
/// so a failing or cancelled query does not leave bytes reserved (DataFusion's
/// `MemoryReservation`).
final class MemoryReservation: Sendable {
    let pool: MemoryPool
    private let held = Atomic<Int>(0)

    init(_ pool: MemoryPool) { self.pool = pool }

    deinit { release() }

    /// Bytes held now.
    var size: Int { held.load(ordering: .relaxed) }

    /// Grows or shrinks the reservation to `bytes`; returns `false` (holding what it held) when
    /// growing would pass the pool's limit. Shrinking always succeeds.
    func tryResize(to bytes: Int) -> Bool {
        let current = size
        if bytes <= current {
            shrink(by: current - bytes)
            return true
        }
        guard pool.tryReserve(bytes - current) else { return false }
        held.add(bytes - current, ordering: .relaxed)
        return true
    }

    /// Grows or shrinks the reservation to `bytes` even past the limit (the last resort when
    /// nothing is left to spill).
    func forceResize(to bytes: Int) {
        let current = size
        if bytes <= current {
            shrink(by: current - bytes)
        } else {
            pool.forceReserve(bytes - current)
            held.add(bytes - current, ordering: .relaxed)
        }
    }

    /// Gives every held byte back to the pool.
    func release() { shrink(by: size) }

    private func shrink(by bytes: Int) {
        guard bytes > 0 else { return }
        held.subtract(bytes, ordering: .relaxed)
        pool.release(bytes)
    }
}
