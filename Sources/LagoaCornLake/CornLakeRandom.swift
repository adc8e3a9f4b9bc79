/// SplitMix64: a small, fast, fully deterministic generator, so the same seed gives the same
/// CornLake on every machine and Swift version (Swift's own random numbers are not reproducible).
struct CornLakeRandom {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed &+ 0x9E37_79B9_7F4A_7C15
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in `0..<bound`.
    mutating func int(_ bound: Int) -> Int {
        Int(next() % UInt64(max(1, bound)))
    }

    mutating func int(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + int(range.count)
    }

    /// Uniform in [0, 1).
    mutating func unit() -> Double {
        Double(next() >> 11) / Double(1 << 53)
    }

    /// True with probability `p`.
    mutating func chance(_ p: Double) -> Bool { unit() < p }

    mutating func pick<T>(_ items: [T]) -> T { items[int(items.count)] }

    /// Roughly normal (sum of uniforms), mean `mean`, standard deviation `sd`.
    mutating func normal(_ mean: Double, _ sd: Double) -> Double {
        var sum = 0.0
        for _ in 0..<6 { sum += unit() }
        return mean + (sum - 3) * sd * 1.414
    }
}
