import LagoaColumnar
#if canImport(Glibc)
import Glibc
#endif

/// One ORDER BY key of a set of rows, re-encoded so rows compare without boxing: fixed-width values
/// become order-preserving `UInt64` words (two for 128-bit decimals), inverted for DESC; strings and
/// binaries compare their bytes; NULLs get a rank that puts them first or last.
///
/// - Complexity: building is O(rows); ``compare(_:_:_:_:)`` is O(1) for fixed-width keys and
///   O(length) for strings.
final class SortKeyColumn: @unchecked Sendable {
    // Immutable after init; shared read-only by the tasks of a parallel sort.
    enum Storage {
        case word([UInt64])
        case wide(hi: [UInt64], lo: [UInt64])
        case bytes(Column)
        case values([Value])
    }

    let storage: Storage
    /// For byte keys: the first 8 bytes big-endian (inverted for DESC), an order-consistent prefix.
    private(set) var prefix: [UInt64]?
    /// Per row: 0 (NULL sorted first), 1 (a value), 2 (NULL sorted last); `nil` without NULLs.
    let nullRank: [UInt8]?
    let descending: Bool
    let count: Int

    /// - Parameter compactDecimals: encode decimals that fit 64 bits as one word. Keys compared
    ///   across batches (merging spilled runs) pass `false` so every batch encodes alike.
    init(_ column: Column, ascending: Bool, nullsFirst: Bool, compactDecimals: Bool = true) {
        count = column.count
        descending = !ascending
        if column.nullCount > 0 {
            let nullValue: UInt8 = nullsFirst ? 0 : 2
            nullRank = (0..<column.count).map { column.isValid($0) ? 1 : nullValue }
        } else {
            nullRank = nil
        }
        let flip: UInt64 = ascending ? 0 : ~0
        switch column.type {
        case .int8: storage = .word(Self.signed(column.values(as: Int8.self), flip))
        case .int16: storage = .word(Self.signed(column.values(as: Int16.self), flip))
        case .int32, .date32: storage = .word(Self.signed(column.values(as: Int32.self), flip))
        case .int64, .time64, .timestamp: storage = .word(Self.signed(column.values(as: Int64.self), flip))
        case .uint8: storage = .word(column.values(as: UInt8.self).map { UInt64($0) ^ flip })
        case .uint16: storage = .word(column.values(as: UInt16.self).map { UInt64($0) ^ flip })
        case .uint32: storage = .word(column.values(as: UInt32.self).map { UInt64($0) ^ flip })
        case .uint64: storage = .word(column.values(as: UInt64.self).map { $0 ^ flip })
        case .float32: storage = .word(column.values(as: Float.self).map { Self.orderedBits(Double($0)) ^ flip })
        case .float64: storage = .word(column.values(as: Double.self).map { Self.orderedBits($0) ^ flip })
        case .boolean: storage = .word((0..<column.count).map { (column.bool(at: $0) ? 1 : 0) ^ flip })
        case .decimal128:
            let v = column.values(as: Int128.self)
            if compactDecimals && (0..<v.count).allSatisfy({ !column.isValid($0) || Int64(exactly: v[$0]) != nil }) {
                // Most decimals fit 64 bits: one word sorts faster.
                storage = .word((0..<v.count).map { UInt64(bitPattern: Int64(truncatingIfNeeded: v[$0])) ^ (1 << 63) ^ flip })
                return
            }
            var hi = [UInt64](repeating: 0, count: v.count)
            var lo = [UInt64](repeating: 0, count: v.count)
            for i in 0..<v.count {
                hi[i] = (UInt64(truncatingIfNeeded: v[i] >> 64) ^ (1 << 63)) ^ flip
                lo[i] = UInt64(truncatingIfNeeded: v[i]) ^ flip
            }
            storage = .wide(hi: hi, lo: lo)
        case .string, .binary, .fixedSizeBinary:
            storage = .bytes(column)
            prefix = (0..<column.count).map { i in
                let b = Self.bytes(column, i)
                var w: UInt64 = 0
                for k in 0..<8 { w = (w << 8) | UInt64(k < b.count ? b[k] : 0) }
                return w ^ flip
            }
        default: storage = .values(column.allValues)
        }
    }

    private static func signed<T: FixedWidthInteger & SignedInteger>(_ values: UnsafeBufferPointer<T>, _ flip: UInt64) -> [UInt64] {
        values.map { UInt64(bitPattern: Int64($0)) ^ (1 << 63) ^ flip }
    }

    /// Bits of `d` whose unsigned order is SQL's order of doubles (-0 equals 0, NaN above +inf).
    @inline(__always)
    static func orderedBits(_ d: Double) -> UInt64 {
        let x = d == 0 ? 0.0 : (d.isNaN ? Double.nan : d)
        let bits = x.bitPattern
        return bits & (1 << 63) != 0 ? ~bits : bits | (1 << 63)
    }

    /// The first word of row `i`: the whole key for one-word keys, the first 8 bytes of byte keys,
    /// 0 otherwise. Different words order rows as the key does.
    @inline(__always)
    func leadingWord(_ i: Int) -> UInt64 {
        if case .word(let w) = storage { return w[i] }
        return prefix?[i] ?? 0
    }

    /// Whether ``leadingWord(_:)`` orders rows at all (fixed-width and byte keys).
    var hasLeadingWord: Bool { isSingleWord || prefix != nil }

    /// Whether equal leading words also mean equal keys (one-word keys).
    var isSingleWord: Bool {
        if case .word = storage { return true }
        return false
    }

    /// The order of row `i` of `a` and row `j` of `b` (two encodings of the same key): -1, 0 or 1.
    @inline(__always)
    static func compare(_ a: SortKeyColumn, _ i: Int, _ b: SortKeyColumn, _ j: Int) -> Int {
        let ra = a.nullRank?[i] ?? 1
        let rb = b.nullRank?[j] ?? 1
        if ra != rb { return ra < rb ? -1 : 1 }
        if ra != 1 { return 0 }
        switch (a.storage, b.storage) {
        case (.word(let x), .word(let y)):
            return x[i] == y[j] ? 0 : (x[i] < y[j] ? -1 : 1)
        case (.wide(let xh, let xl), .wide(let yh, let yl)):
            if xh[i] != yh[j] { return xh[i] < yh[j] ? -1 : 1 }
            return xl[i] == yl[j] ? 0 : (xl[i] < yl[j] ? -1 : 1)
        case (.bytes(let x), .bytes(let y)):
            let c = compareBytes(bytes(x, i), bytes(y, j))
            return a.descending ? -c : c
        case (.values(let x), .values(let y)):
            let c = compareValues(x[i], y[j])
            return a.descending ? -c : c
        default:
            preconditionFailure("sort keys of different encodings compared; the planner gives both sides one type")
        }
    }

    @inline(__always)
    private static func bytes(_ c: Column, _ i: Int) -> UnsafeRawBufferPointer {
        if case .fixedSizeBinary = c.type { return c.fixedBytes(at: i) }
        return c.bytes(at: i)
    }

    @inline(__always)
    static func compareBytes(_ x: UnsafeRawBufferPointer, _ y: UnsafeRawBufferPointer) -> Int {
        let n = min(x.count, y.count)
        if n > 0 {
            let c = memcmp(x.baseAddress!, y.baseAddress!, n)
            if c != 0 { return c < 0 ? -1 : 1 }
        }
        return x.count == y.count ? 0 : (x.count < y.count ? -1 : 1)
    }

    /// A total order on nested values (lists, structs, maps) by their text; a slow path.
    private static func compareValues(_ x: Value, _ y: Value) -> Int {
        let a = x.description
        let b = y.description
        return a == b ? 0 : (a < b ? -1 : 1)
    }
}
