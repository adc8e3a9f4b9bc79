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
    /// - Complexity: O(range.count), one comparison per value (byte arrays compare their first
    ///   8 bytes inline and call `memcmp` only on ties).
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
        case .unsignedBytes: return bytes(values, range, signed: false)
        case .signedBytes: return bytes(values, range, signed: true)
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

    /// The bounds of the byte-array or FIXED_LEN_BYTE_ARRAY values at `positions` (used with the
    /// first position of each distinct dictionary entry of a page), or `nil` when there are none.
    /// - Complexity: O(positions.count) comparisons.
    static func of(_ values: PhysicalValues, positions: [Int], order: StatisticsOrder) -> ValueBounds? {
        guard !positions.isEmpty else { return nil }
        return bytes(values, positions, signed: order == .signedBytes)
    }

    /// Whether `order` compares values as bytes, so that bounds over distinct values pay off.
    static func comparesBytes(_ order: StatisticsOrder) -> Bool {
        order == .unsignedBytes || order == .signedBytes
    }

    private static func bytes<S: Sequence<Int>>(_ values: PhysicalValues, _ positions: S, signed: Bool) -> ValueBounds {
        if !values.isByteArray && values.width <= 8 {
            return narrowFixed(values, positions, signed: signed)
        }
        var iterator = positions.makeIterator()
        var lo = values.bytes(at: iterator.next()!)
        var hi = lo
        while let i = iterator.next() {
            let v = values.bytes(at: i)
            if compare(v, lo, signed) < 0 {
                lo = v
            } else if compare(v, hi, signed) > 0 {
                hi = v
            }
        }
        return ValueBounds(min: Array(lo), max: Array(hi))
    }

    @inline(__always)
    private static func compare(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer, _ signed: Bool) -> Int {
        signed ? StatisticsOrder.signedBigEndian(a, b) : StatisticsOrder.lexicographic(a, b)
    }

    /// Bounds of FIXED_LEN_BYTE_ARRAY values of at most 8 bytes, compared as big-endian integers
    /// (with the sign bit flipped for signed order) instead of byte by byte.
    private static func narrowFixed<S: Sequence<Int>>(_ values: PhysicalValues, _ positions: S, signed: Bool) -> ValueBounds {
        let width = values.width
        let base = values.base
        let high: UInt64 = width == 8 ? ~0 : ~(UInt64.max >> UInt64(8 * width))
        let flip: UInt64 = signed ? 1 << 63 : 0
        let wordSafe = values.count * width >= 8 ? (values.count * width - 8) / width + 1 : 0
        var lo: UInt64 = 0
        var hi: UInt64 = 0
        var loAt = -1
        var hiAt = -1
        for i in positions {
            var key: UInt64
            if i < wordSafe {
                key = base.loadUnaligned(fromByteOffset: i * width, as: UInt64.self).bigEndian & high
            } else {
                key = 0
                for b in 0..<width {
                    key |= UInt64(base.load(fromByteOffset: i * width + b, as: UInt8.self)) << UInt64(56 - 8 * b)
                }
            }
            key ^= flip
            if loAt < 0 {
                (lo, hi, loAt, hiAt) = (key, key, i, i)
            } else if key < lo {
                lo = key
                loAt = i
            } else if key > hi {
                hi = key
                hiAt = i
            }
        }
        return ValueBounds(min: Array(values.bytes(at: loAt)), max: Array(values.bytes(at: hiAt)))
    }

    /// The little-endian bytes of a fixed-width value.
    static func encode<T: BitwiseCopyable>(_ value: T) -> [UInt8] {
        withUnsafeBytes(of: value) { Array($0) }
    }
}
