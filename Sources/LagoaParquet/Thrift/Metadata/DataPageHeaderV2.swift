/// parquet.thrift `DataPageHeaderV2`: a version 2 data page, whose RLE levels come first and are never
/// compressed, so they can be read without decompressing the values.
public struct DataPageHeaderV2: Hashable, Sendable, ThriftStruct {
    /// Field 1 `num_values` (required): values including nulls.
    public var numValues: Int32
    /// Field 2 `num_nulls` (required).
    public var numNulls: Int32
    /// Field 3 `num_rows` (required): rows in the page; pages start at row boundaries.
    public var numRows: Int32
    /// Field 4 `encoding` (required): the values' encoding.
    public var encoding: Encoding
    /// Field 5 `definition_levels_byte_length` (required).
    public var definitionLevelsByteLength: Int32
    /// Field 6 `repetition_levels_byte_length` (required).
    public var repetitionLevelsByteLength: Int32
    /// Field 7 `is_compressed`: whether the values section is compressed; absent means true.
    public var isCompressed: Bool? = nil
    /// Field 8 `statistics`.
    public var statistics: Statistics? = nil

    /// Whether the values section is compressed, applying the format's default of `true`.
    public var valuesAreCompressed: Bool { isCompressed ?? true }
}

extension DataPageHeaderV2 {
    package init(from reader: inout ThriftCompactReader) throws(ParquetError) {
        let start = reader.position
        var numValues: Int32?
        var numNulls: Int32?
        var numRows: Int32?
        var encoding: Encoding?
        var definitionLength: Int32?
        var repetitionLength: Int32?
        var isCompressed: Bool?
        var statistics: Statistics?
        try reader.readStruct("DataPageHeaderV2") { (reader, field) throws(ParquetError) in
            switch field.id {
            case 1: numValues = try reader.readI32(field)
            case 2: numNulls = try reader.readI32(field)
            case 3: numRows = try reader.readI32(field)
            case 4: encoding = try reader.readEnum(field)
            case 5: definitionLength = try reader.readI32(field)
            case 6: repetitionLength = try reader.readI32(field)
            case 7: isCompressed = try reader.readBool(field)
            case 8: statistics = try reader.readStruct(field) as Statistics
            default: try reader.skip(field.type)
            }
        }
        let name: StaticString = "DataPageHeaderV2"
        self.init(
            numValues: try reader.require(numValues, "num_values", in: name, at: start),
            numNulls: try reader.require(numNulls, "num_nulls", in: name, at: start),
            numRows: try reader.require(numRows, "num_rows", in: name, at: start),
            encoding: try reader.require(encoding, "encoding", in: name, at: start),
            definitionLevelsByteLength: try reader.require(definitionLength, "definition_levels_byte_length", in: name, at: start),
            repetitionLevelsByteLength: try reader.require(repetitionLength, "repetition_levels_byte_length", in: name, at: start),
            isCompressed: isCompressed,
            statistics: statistics
        )
    }

    package func write(to writer: inout ThriftCompactWriter) {
        writer.writeStruct { writer in
            writer.writeField(1, numValues)
            writer.writeField(2, numNulls)
            writer.writeField(3, numRows)
            writer.writeField(4, encoding)
            writer.writeField(5, definitionLevelsByteLength)
            writer.writeField(6, repetitionLevelsByteLength)
            writer.writeField(7, isCompressed)
            writer.writeField(8, statistics)
        }
    }
}
