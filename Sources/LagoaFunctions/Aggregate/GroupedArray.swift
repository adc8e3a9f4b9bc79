import LagoaColumnar

/// Growable per-group state: `values[g]` for group `g`, grown with a default when `groupCount`
/// rises. Loops reach the storage through ``withPointer(_:)`` so they run over raw memory.
struct GroupedArray<T> {
    var values: [T] = []
    let initial: T

    init(_ initial: T) { self.initial = initial }

    mutating func grow(to count: Int) {
        if values.count < count { values.append(contentsOf: repeatElement(initial, count: count - values.count)) }
    }

    @inline(__always)
    mutating func withPointer<R>(_ body: (UnsafeMutablePointer<T>) throws -> R) rethrows -> R {
        try values.withUnsafeMutableBufferPointer { try body($0.baseAddress!) }
    }

    var count: Int { values.count }
}

/// Row validity as a 0/1 integer, for branch-free masking in aggregation loops.
@inline(__always)
func validBit(_ bits: UnsafePointer<UInt8>?, _ i: Int) -> Int64 {
    guard let bits else { return 1 }
    return Int64(truncatingIfNeeded: (bits[i >> 3] >> UInt8(i & 7)) & 1)
}

extension Validity {
    /// The validity bytes of an argument (offset 0), or `nil` when it has no nulls.
    static func bytes(_ buffer: Buffer?) -> UnsafePointer<UInt8>? {
        buffer?.pointer.assumingMemoryBound(to: UInt8.self)
    }
}
