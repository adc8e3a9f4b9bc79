/// The smallest and largest value of a page or chunk, PLAIN-encoded without length prefix, in the
/// column's ``StatisticsOrder``.
struct ValueBounds: Sendable, Hashable {
    var min: [UInt8]
    var max: [UInt8]

    /// Bounds longer than this are not written: they would bloat the footer and page index.
    static let maximumLength = 4096

    /// Whether both bounds are short enough to write.
    var isWritable: Bool { min.count <= Self.maximumLength && max.count <= Self.maximumLength }

    /// Widens `self` to include `other`.
    mutating func merge(_ other: ValueBounds, order: StatisticsOrder) {
        if order.compare(other.min, min) < 0 { min = other.min }
        if order.compare(other.max, max) > 0 { max = other.max }
    }

    /// The bounds of physical values `range`, or `nil` when there are none (no values, or only NaN).
    ///
    /// Floating-point zeros follow the format's rule: a minimum of zero is written as -0.0 and a
    /// maximum of zero as +0.0, so that readers never exclude either zero.
    /// - Complexity: O(range.count), one comparison per value (a `memcmp` for byte arrays).
    static func of(_ values: PhysicalValues, _ range: Range<Int>, order: StatisticsOrder) -> ValueBounds? {
        guard !range.isEmpty else { return nil }
        switch order {
        case .boolean:
            let bytes = values.fixed(UInt8.self, range)
            return integers(bytes)
        case .int32: return integers(values.fixed(Int32.self, range))
        case .uint32: return integers(values.fixed(UInt32.self, range))
        case .int64: return integers(values.fixed(Int64.self, range))
        case .uint64: return integers(values.fixed(UInt64.self, range))
        case .float: return floats(values.fixed(Float.self, range))
        case .double: return floats(values.fixed(Double.self, range))
        case .unsignedBytes: return bytes(values, range, StatisticsOrder.lexicographic)
        case .signedBytes: return bytes(values, range, StatisticsOrder.signedBigEndian)
        }
    }

    private static func integers<T: FixedWidthInteger & BitwiseCopyable>(_ values: UnsafeBufferPointer<T>) -> ValueBounds {
        var lo = values[0]
        var hi = values[0]
        for v in values {
            lo = Swift.min(lo, v)
            hi = Swift.max(hi, v)
        }
        return ValueBounds(min: encode(lo), max: encode(hi))
    }

    private static func floats<T: BinaryFloatingPoint & BitwiseCopyable>(_ values: UnsafeBufferPointer<T>) -> ValueBounds? {
        var lo = T.infinity
        var hi = -T.infinity
        var found = false
        for v in values where !v.isNaN {
            found = true
            if v < lo { lo = v }
            if v > hi { hi = v }
        }
        guard found else { return nil }
        if lo == 0 { lo = -T.zero }
        if hi == 0 { hi = T.zero }
        return ValueBounds(min: encode(lo), max: encode(hi))
    }

    private static func bytes(
        _ values: PhysicalValues,
        _ range: Range<Int>,
        _ compare: (UnsafeRawBufferPointer, UnsafeRawBufferPointer) -> Int
    ) -> ValueBounds {
        var lo = values.bytes(at: range.lowerBound)
        var hi = lo
        for i in range.dropFirst() {
            let v = values.bytes(at: i)
            if compare(v, lo) < 0 {
                lo = v
            } else if compare(v, hi) > 0 {
                hi = v
            }
        }
        return ValueBounds(min: Array(lo), max: Array(hi))
    }

    /// The little-endian bytes of a fixed-width value.
    static func encode<T: BitwiseCopyable>(_ value: T) -> [UInt8] {
        withUnsafeBytes(of: value) { Array($0) }
    }
}
