/// parquet.thrift `Statistics`: bounds and counts for a column chunk or a page; every field is optional.
///
/// Bounds are PLAIN-encoded values without a length prefix for byte arrays. `min`/`max` are the
/// deprecated signed-order bounds; new files use `minValue`/`maxValue`, ordered by the column's
/// ``ColumnOrder``.
public struct Statistics: Hashable, Sendable, ThriftStruct {
    /// Field 1 `max`: deprecated signed-order maximum.
    public var max: [UInt8]? = nil
    /// Field 2 `min`: deprecated signed-order minimum.
    public var min: [UInt8]? = nil
    /// Field 3 `null_count`; absent means unknown, not zero.
    public var nullCount: Int64? = nil
    /// Field 4 `distinct_count`.
    public var distinctCount: Int64? = nil
    /// Field 5 `max_value`: upper bound in the column order.
    public var maxValue: [UInt8]? = nil
    /// Field 6 `min_value`: lower bound in the column order.
    public var minValue: [UInt8]? = nil
    /// Field 7 `is_max_value_exact`: whether ``maxValue`` occurs in the data.
    public var isMaxValueExact: Bool? = nil
    /// Field 8 `is_min_value_exact`: whether ``minValue`` occurs in the data.
    public var isMinValueExact: Bool? = nil
    /// Field 9 `nan_count`: NaN values, for floating-point columns; absent means NaNs may be present.
    public var nanCount: Int64? = nil
}

extension Statistics {
    package init(from reader: inout ThriftCompactReader) throws(ParquetError) {
        var value = Statistics()
        try reader.readStruct("Statistics") { (reader, field) throws(ParquetError) in
            switch field.id {
            case 1: value.max = try reader.readBinary(field)
            case 2: value.min = try reader.readBinary(field)
            case 3: value.nullCount = try reader.readI64(field)
            case 4: value.distinctCount = try reader.readI64(field)
            case 5: value.maxValue = try reader.readBinary(field)
            case 6: value.minValue = try reader.readBinary(field)
            case 7: value.isMaxValueExact = try reader.readBool(field)
            case 8: value.isMinValueExact = try reader.readBool(field)
            case 9: value.nanCount = try reader.readI64(field)
            default: try reader.skip(field.type)
            }
        }
        self = value
    }

    package func write(to writer: inout ThriftCompactWriter) {
        writer.writeStruct { writer in
            writer.writeField(1, max)
            writer.writeField(2, min)
            writer.writeField(3, nullCount)
            writer.writeField(4, distinctCount)
            writer.writeField(5, maxValue)
            writer.writeField(6, minValue)
            writer.writeField(7, isMaxValueExact)
            writer.writeField(8, isMinValueExact)
            writer.writeField(9, nanCount)
        }
    }
}

/// parquet.thrift `SizeStatistics`: unencoded sizes and level histograms that help readers size
/// buffers and prune nested data.
public struct SizeStatistics: Hashable, Sendable, ThriftStruct {
    /// Field 1 `unencoded_byte_array_data_bytes`: bytes of BYTE_ARRAY values without length prefixes.
    public var unencodedByteArrayDataBytes: Int64? = nil
    /// Field 2 `repetition_level_histogram`: how often each repetition level occurs.
    public var repetitionLevelHistogram: [Int64]? = nil
    /// Field 3 `definition_level_histogram`: how often each definition level occurs.
    public var definitionLevelHistogram: [Int64]? = nil
}

extension SizeStatistics {
    package init(from reader: inout ThriftCompactReader) throws(ParquetError) {
        var value = SizeStatistics()
        try reader.readStruct("SizeStatistics") { (reader, field) throws(ParquetError) in
            switch field.id {
            case 1: value.unencodedByteArrayDataBytes = try reader.readI64(field)
            case 2: value.repetitionLevelHistogram = try reader.readI64List(field)
            case 3: value.definitionLevelHistogram = try reader.readI64List(field)
            default: try reader.skip(field.type)
            }
        }
        self = value
    }

    package func write(to writer: inout ThriftCompactWriter) {
        writer.writeStruct { writer in
            writer.writeField(1, unencodedByteArrayDataBytes)
            writer.writeField(2, repetitionLevelHistogram)
            writer.writeField(3, definitionLevelHistogram)
        }
    }
}
