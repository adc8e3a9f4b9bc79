/// One value of an Iceberg primitive type: a partition value, a column bound, a filter literal.
///
/// Temporal values use the spec's physical units: days for dates, microseconds for times and
/// timestamps (nanoseconds for the `_ns` types); decimals are an unscaled integer plus the scale.
public enum IcebergValue: Sendable, Hashable, CustomStringConvertible {
    case boolean(Bool)
    case int(Int32)
    case long(Int64)
    case float(Float)
    case double(Double)
    case decimal(unscaled: Int128, scale: Int)
    case date(Int32)
    case time(Int64)
    case timestamp(Int64)
    case timestamptz(Int64)
    case timestampNs(Int64)
    case timestamptzNs(Int64)
    case string(String)
    case uuid([UInt8])
    case fixed([UInt8])
    case binary([UInt8])

    /// The value as a 64-bit integer, for integral and temporal kinds.
    public var integerValue: Int64? {
        switch self {
        case .int(let v), .date(let v): Int64(v)
        case .long(let v), .time(let v), .timestamp(let v), .timestamptz(let v), .timestampNs(let v),
            .timestamptzNs(let v):
            v
        default: nil
        }
    }

    /// A readable rendering: ISO dates and timestamps, plain numbers, hex for bytes.
    public var description: String { humanString }
}
