import LagoaColumnar

/// Turns the plain-encoded min/max bytes of Parquet statistics and column indexes into Arrow values
/// of a leaf's type.
enum StatisticsDecoder {
    /// The value of `bytes` (PLAIN encoding without a length prefix) for `descriptor`'s type, or
    /// `nil` when the bytes do not have the expected size.
    static func value(_ bytes: [UInt8], _ descriptor: ColumnDescriptor) -> Value? {
        let physical = descriptor.physicalType
        func load<T: FixedWidthInteger>(_: T.Type) -> T? {
            guard bytes.count == MemoryLayout<T>.size else { return nil }
            return bytes.withUnsafeBytes { $0.loadUnaligned(as: T.self) }
        }
        switch (physical, descriptor.arrowType) {
        case (.boolean, _):
            return bytes.count == 1 ? .bool(bytes[0] != 0) : nil
        case (.int32, .decimal128(_, let scale)):
            return load(Int32.self).map { .decimal(Int128($0), scale: scale) }
        case (.int64, .decimal128(_, let scale)):
            return load(Int64.self).map { .decimal(Int128($0), scale: scale) }
        case (.fixedLenByteArray, .decimal128(_, let scale)), (.byteArray, .decimal128(_, let scale)):
            guard bytes.count <= 16 else { return nil }
            return .decimal(bytes.withUnsafeBytes { PhysicalConverter.bigEndianDecimal($0.baseAddress!, bytes.count) }, scale: scale)
        case (.int32, .date32):
            return load(Int32.self).map { .date($0) }
        case (.int32, .uint8), (.int32, .uint16), (.int32, .uint32):
            return load(UInt32.self).map { .uint(UInt64($0)) }
        case (.int32, .time64(let unit)):
            return load(Int32.self).map { .time(Int64($0), unit) }
        case (.int32, _):
            return load(Int32.self).map { .int(Int64($0)) }
        case (.int64, .uint64):
            return load(UInt64.self).map { .uint($0) }
        case (.int64, .time64(let unit)):
            return load(Int64.self).map { .time($0, unit) }
        case (.int64, .timestamp(let unit, let tz)):
            return load(Int64.self).map { .timestamp($0, unit, timeZone: tz) }
        case (.int64, _):
            return load(Int64.self).map { .int($0) }
        case (.float, _):
            return load(UInt32.self).map { .double(Double(Float(bitPattern: $0))) }
        case (.double, _):
            return load(UInt64.self).map { .double(Double(bitPattern: $0)) }
        case (.byteArray, .string):
            return .string(String(decoding: bytes, as: UTF8.self))
        case (.byteArray, _), (.fixedLenByteArray, .fixedSizeBinary):
            return .binary(bytes)
        default:
            return nil
        }
    }

    /// Statistics of a column chunk, preferring the unambiguous `min_value`/`max_value` fields and
    /// using the deprecated `min`/`max` only for numeric types whose sort order never changed.
    static func chunkStatistics(_ stats: Statistics?, _ descriptor: ColumnDescriptor, valueCount: Int) -> ColumnStatistics {
        var result = ColumnStatistics(nullCount: stats?.nullCount.map(Int.init), valueCount: valueCount)
        guard let stats else { return result }
        var minBytes = stats.minValue
        var maxBytes = stats.maxValue
        let legacyIsSafe: Bool
        switch (descriptor.physicalType, descriptor.arrowType) {
        case (.int32, .int32), (.int32, .int16), (.int32, .int8), (.int32, .date32), (.int64, .int64), (.float, _), (.double, _):
            legacyIsSafe = true
        default:
            legacyIsSafe = false
        }
        if legacyIsSafe {
            minBytes = minBytes ?? stats.min
            maxBytes = maxBytes ?? stats.max
        }
        result.min = minBytes.flatMap { value($0, descriptor) }
        result.max = maxBytes.flatMap { value($0, descriptor) }
        return result
    }
}
