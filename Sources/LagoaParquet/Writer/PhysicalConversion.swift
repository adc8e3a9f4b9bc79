import LagoaColumnar

/// How the Arrow values of a leaf become Parquet physical values.
enum PhysicalConversion: Sendable, Hashable {
    /// BOOLEAN: one byte (0 or 1) per value, which the boolean encoders take.
    case boolean
    /// The Arrow bytes already are the physical values (INT32, uint32 as its bit pattern, date32,
    /// INT64, uint64, time64 in µs/ns, timestamps, FLOAT, DOUBLE, FIXED_LEN_BYTE_ARRAY).
    case copy(width: Int)
    /// int8 or uint8 widened to INT32.
    case widen8(signed: Bool)
    /// int16 or uint16 widened to INT32.
    case widen16(signed: Bool)
    /// time64 in milliseconds (Int64) narrowed to INT32.
    case narrowTimeMillis
    /// decimal128 to big-endian two's-complement FIXED_LEN_BYTE_ARRAY of `width` bytes, checking
    /// that every value has at most `precision` digits.
    case decimal(precision: Int, width: Int)
    /// string or binary to BYTE_ARRAY.
    case byteArray

    /// The conversion for a leaf of Arrow type `arrowType` stored as `descriptor` says.
    /// - Throws: ``ParquetError`` (internal) for a nested type, which is never a leaf.
    init(arrowType: DataType, descriptor: ColumnDescriptor) throws(ParquetError) {
        switch arrowType {
        case .boolean: self = .boolean
        case .int8: self = .widen8(signed: true)
        case .uint8: self = .widen8(signed: false)
        case .int16: self = .widen16(signed: true)
        case .uint16: self = .widen16(signed: false)
        case .int32, .uint32, .date32, .float32: self = .copy(width: 4)
        case .int64, .uint64, .timestamp, .float64: self = .copy(width: 8)
        case .time64(let unit): self = unit == .millisecond ? .narrowTimeMillis : .copy(width: 8)
        case .decimal128(let precision, _): self = .decimal(precision: precision, width: descriptor.typeLength)
        case .string, .binary: self = .byteArray
        case .fixedSizeBinary(let width): self = .copy(width: width)
        case .list, .struct, .map:
            throw ParquetError(.internal, "leaf column '\(descriptor.dottedPath)' has nested type \(arrowType); this is a bug, please report it")
        }
    }

    /// Bytes per physical value: 1 for BOOLEAN (one byte each), 0 for BYTE_ARRAY.
    var width: Int {
        switch self {
        case .boolean: 1
        case .copy(let width): width
        case .widen8, .widen16, .narrowTimeMillis: 4
        case .decimal(_, let width): width
        case .byteArray: 0
        }
    }
}
