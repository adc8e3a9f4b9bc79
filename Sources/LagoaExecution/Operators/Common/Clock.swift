/// Monotonic nanoseconds for operator timing metrics.
enum Clock {
    @inline(__always)
    static func nanos() -> UInt64 { DispatchFreeClock.now() }
}

/// `ContinuousClock` reading as nanoseconds (no Foundation/Dispatch needed).
enum DispatchFreeClock {
    static let origin = ContinuousClock.now
    static func now() -> UInt64 {
        let d = ContinuousClock.now - origin
        let (seconds, attos) = d.components
        return UInt64(max(0, seconds)) &* 1_000_000_000 &+ UInt64(max(0, attos) / 1_000_000_000)
    }
}
