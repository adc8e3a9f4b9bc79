#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import LagoaColumnar

/// The order in which a leaf's min/max statistics are computed: the `TYPE_ORDER` of its logical
/// type, or of its physical type when it has none.
enum StatisticsOrder: Sendable, Hashable {
    /// false < true.
    case boolean
    /// Signed INT32 (also date, time in ms, int8/int16).
    case int32
    /// Unsigned INT32 (uint8/16/32).
    case uint32
    /// Signed INT64 (also timestamps, times in µs/ns).
    case int64
    /// Unsigned INT64 (uint64).
    case uint64
    /// FLOAT, NaN excluded.
    case float
    /// DOUBLE, NaN excluded.
    case double
    /// Unsigned byte-wise lexicographic (BYTE_ARRAY, FIXED_LEN_BYTE_ARRAY).
    case unsignedBytes
    /// Big-endian two's-complement numbers of equal width (DECIMAL stored as FIXED_LEN_BYTE_ARRAY).
    case signedBytes

    /// The order of values of Arrow type `arrowType` stored as `descriptor` says.
    init(arrowType: DataType, descriptor: ColumnDescriptor) {
        switch arrowType {
        case .boolean: self = .boolean
        case .uint8, .uint16, .uint32: self = .uint32
        case .uint64: self = .uint64
        case .float32: self = .float
        case .float64: self = .double
        case .decimal128: self = .signedBytes
        case .string, .binary, .fixedSizeBinary: self = .unsignedBytes
        default: self = descriptor.physicalType == .int32 ? .int32 : .int64
        }
    }

    /// Whether the deprecated `min`/`max` fields are written too: only for signed orders, whose
    /// meaning old readers agree on (as parquet-cpp does).
    var writesDeprecatedBounds: Bool {
        switch self {
        case .int32, .int64, .float, .double, .signedBytes: true
        default: false
        }
    }

    /// Compares two PLAIN-encoded bounds (without length prefix) of this order.
    /// - Returns: a negative number, zero or a positive number as `a` is below, equal to or above `b`.
    /// - Complexity: O(min(a.count, b.count)).
    func compare(_ a: [UInt8], _ b: [UInt8]) -> Int {
        switch self {
        case .boolean: return Self.sign(a.first ?? 0, b.first ?? 0)
        case .int32: return Self.sign(Self.load(Int32.self, a), Self.load(Int32.self, b))
        case .uint32: return Self.sign(Self.load(UInt32.self, a), Self.load(UInt32.self, b))
        case .int64: return Self.sign(Self.load(Int64.self, a), Self.load(Int64.self, b))
        case .uint64: return Self.sign(Self.load(UInt64.self, a), Self.load(UInt64.self, b))
        case .float:
            return Self.sign(Float(bitPattern: Self.load(UInt32.self, a)), Float(bitPattern: Self.load(UInt32.self, b)))
        case .double:
            return Self.sign(Double(bitPattern: Self.load(UInt64.self, a)), Double(bitPattern: Self.load(UInt64.self, b)))
        case .unsignedBytes:
            return a.withUnsafeBytes { x in b.withUnsafeBytes { y in Self.lexicographic(x, y) } }
        case .signedBytes:
            return a.withUnsafeBytes { x in b.withUnsafeBytes { y in Self.signedBigEndian(x, y) } }
        }
    }

    @inline(__always)
    static func sign<T: Comparable>(_ a: T, _ b: T) -> Int {
        a < b ? -1 : (a > b ? 1 : 0)
    }

    private static func load<T: FixedWidthInteger>(_: T.Type, _ bytes: [UInt8]) -> T {
        precondition(bytes.count == MemoryLayout<T>.size, "a \(T.self) bound has \(bytes.count) bytes")
        return bytes.withUnsafeBytes { T(littleEndian: $0.loadUnaligned(as: T.self)) }
    }

    /// Unsigned byte-wise comparison; a proper prefix sorts first. The first 8 bytes (or the first
    /// byte of shorter values) are compared inline, so most comparisons never call `memcmp`.
    @inline(__always)
    static func lexicographic(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Int {
        let n = min(a.count, b.count)
        if n >= 8 {
            let x = a.loadUnaligned(as: UInt64.self).bigEndian
            let y = b.loadUnaligned(as: UInt64.self).bigEndian
            if x != y { return x < y ? -1 : 1 }
        } else if n > 0 {
            let x = a[0]
            let y = b[0]
            if x != y { return x < y ? -1 : 1 }
        }
        if n > 0 {
            let c = memcmp(a.baseAddress!, b.baseAddress!, n)
            if c != 0 { return Int(c) }
        }
        return a.count - b.count
    }

    /// Compares big-endian two's-complement numbers of the same width.
    @inline(__always)
    static func signedBigEndian(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Int {
        guard let x = a.first, let y = b.first else { return a.count - b.count }
        if x != y { return sign(Int8(bitPattern: x), Int8(bitPattern: y)) }
        return lexicographic(UnsafeRawBufferPointer(rebasing: a.dropFirst()), UnsafeRawBufferPointer(rebasing: b.dropFirst()))
    }
}
