/// The logical type of a column, modelled on Arrow's type system.
///
/// Offsets of variable-length types (string, binary, list, map) are 64-bit, like Arrow's
/// `large_*` types, so one column never overflows at 2 GiB.
public indirect enum DataType: Sendable, Hashable {
    case boolean
    case int8, int16, int32, int64
    case uint8, uint16, uint32, uint64
    case float32, float64
    /// An exact decimal stored as a 128-bit two's-complement integer scaled by `10^scale`.
    case decimal128(precision: Int, scale: Int)
    /// Days since 1970-01-01, 32-bit.
    case date32
    /// Time of day since midnight, 64-bit, in `unit`.
    case time64(TimeUnit)
    /// Instant or local date-time since 1970-01-01T00:00:00, 64-bit, in `unit`; `timeZone` is `"UTC"`
    /// for instants (Parquet's isAdjustedToUTC) and `nil` for local date-times.
    case timestamp(TimeUnit, timeZone: String?)
    /// UTF-8 text, 64-bit offsets.
    case string
    /// Arbitrary bytes, 64-bit offsets.
    case binary
    /// Values of exactly `byteWidth` bytes (a UUID is `fixedSizeBinary(16)`).
    case fixedSizeBinary(Int)
    /// A variable-length list; its element is the single child column.
    case list(Field)
    /// A record of named children.
    case `struct`([Field])
    /// Key/value pairs, stored like a list of `struct<key, value>` entries.
    case map(key: Field, value: Field, keysSorted: Bool)

    /// Byte width of one value for fixed-width types, `nil` otherwise (boolean is bit-packed).
    public var fixedWidth: Int? {
        switch self {
        case .int8, .uint8: 1
        case .int16, .uint16: 2
        case .int32, .uint32, .float32, .date32: 4
        case .int64, .uint64, .float64, .time64, .timestamp: 8
        case .decimal128: 16
        case .fixedSizeBinary(let width): width
        default: nil
        }
    }

    /// Whether values are variable-length bytes with offsets (string, binary).
    public var isVariableBinary: Bool {
        switch self {
        case .string, .binary: true
        default: false
        }
    }

    /// Whether the type has child columns.
    public var isNested: Bool {
        switch self {
        case .list, .struct, .map: true
        default: false
        }
    }
}

/// Resolution of a time or timestamp.
public enum TimeUnit: String, Sendable, Hashable {
    case millisecond = "ms"
    case microsecond = "us"
    case nanosecond = "ns"

    /// Units per second.
    public var perSecond: Int64 {
        switch self {
        case .millisecond: 1_000
        case .microsecond: 1_000_000
        case .nanosecond: 1_000_000_000
        }
    }
}

extension DataType: CustomStringConvertible {
    /// The type as users write it, e.g. `decimal(15, 2)`, `list<int64>`, `timestamp[us, UTC]`.
    public var description: String {
        switch self {
        case .boolean: "boolean"
        case .int8: "int8"
        case .int16: "int16"
        case .int32: "int32"
        case .int64: "int64"
        case .uint8: "uint8"
        case .uint16: "uint16"
        case .uint32: "uint32"
        case .uint64: "uint64"
        case .float32: "float32"
        case .float64: "float64"
        case .decimal128(let p, let s): "decimal(\(p), \(s))"
        case .date32: "date32"
        case .time64(let unit): "time64[\(unit.rawValue)]"
        case .timestamp(let unit, let tz): tz.map { "timestamp[\(unit.rawValue), \($0)]" } ?? "timestamp[\(unit.rawValue)]"
        case .string: "string"
        case .binary: "binary"
        case .fixedSizeBinary(let w): "fixed_size_binary[\(w)]"
        case .list(let f): "list<\(f.type)>"
        case .struct(let fields): "struct<" + fields.map { "\($0.name): \($0.type)" }.joined(separator: ", ") + ">"
        case .map(let k, let v, _): "map<\(k.type), \(v.type)>"
        }
    }
}
