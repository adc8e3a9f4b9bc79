/// parquet.thrift `PageLocation`: where one data page of a column chunk is, for the offset index.
public struct PageLocation: Hashable, Sendable, ThriftStruct {
    /// Field 1 `offset` (required): the page's file offset.
    public var offset: Int64
    /// Field 2 `compressed_page_size` (required): the page's stored size, header included.
    public var compressedPageSize: Int32
    /// Field 3 `first_row_index` (required): the row group row the page starts at.
    public var firstRowIndex: Int64
}

extension PageLocation {
    package init(from reader: inout ThriftCompactReader) throws(ParquetError) {
        let start = reader.position
        var offset: Int64?
        var size: Int32?
        var firstRow: Int64?
        try reader.readStruct("PageLocation") { (reader, field) throws(ParquetError) in
            switch field.id {
            case 1: offset = try reader.readI64(field)
            case 2: size = try reader.readI32(field)
            case 3: firstRow = try reader.readI64(field)
            default: try reader.skip(field.type)
            }
        }
        self.init(
            offset: try reader.require(offset, "offset", in: "PageLocation", at: start),
            compressedPageSize: try reader.require(size, "compressed_page_size", in: "PageLocation", at: start),
            firstRowIndex: try reader.require(firstRow, "first_row_index", in: "PageLocation", at: start)
        )
    }

    package func write(to writer: inout ThriftCompactWriter) {
        writer.writeStruct { writer in
            writer.writeField(1, offset)
            writer.writeField(2, compressedPageSize)
            writer.writeField(3, firstRowIndex)
        }
    }
}

/// parquet.thrift `OffsetIndex`: the location of every data page of a column chunk (page index).
public struct OffsetIndex: Hashable, Sendable, ThriftStruct {
    /// Field 1 `page_locations` (required), by increasing offset.
    public var pageLocations: [PageLocation]
    /// Field 2 `unencoded_byte_array_data_bytes`: per page, for BYTE_ARRAY columns.
    public var unencodedByteArrayDataBytes: [Int64]? = nil
}

extension OffsetIndex {
    package init(from reader: inout ThriftCompactReader) throws(ParquetError) {
        let start = reader.position
        var locations: [PageLocation]?
        var unencoded: [Int64]?
        try reader.readStruct("OffsetIndex") { (reader, field) throws(ParquetError) in
            switch field.id {
            case 1: locations = try reader.readStructList(field)
            case 2: unencoded = try reader.readI64List(field)
            default: try reader.skip(field.type)
            }
        }
        self.init(
            pageLocations: try reader.require(locations, "page_locations", in: "OffsetIndex", at: start),
            unencodedByteArrayDataBytes: unencoded
        )
    }

    package func write(to writer: inout ThriftCompactWriter) {
        writer.writeStruct { writer in
            writer.writeField(1, pageLocations)
            writer.writeField(2, unencodedByteArrayDataBytes)
        }
    }
}

/// parquet.thrift `ColumnIndex`: per-page bounds and null counts of a column chunk (page index);
/// entry `i` of every list describes page `i` of the ``OffsetIndex``.
public struct ColumnIndex: Hashable, Sendable, ThriftStruct {
    /// Field 1 `null_pages` (required): whether each page holds only nulls (its bounds are then empty).
    public var nullPages: [Bool]
    /// Field 2 `min_values` (required): PLAIN-encoded lower bounds.
    public var minValues: [[UInt8]]
    /// Field 3 `max_values` (required): PLAIN-encoded upper bounds.
    public var maxValues: [[UInt8]]
    /// Field 4 `boundary_order` (required).
    public var boundaryOrder: BoundaryOrder
    /// Field 5 `null_counts`.
    public var nullCounts: [Int64]? = nil
    /// Field 6 `repetition_level_histograms`: per-page histograms, concatenated.
    public var repetitionLevelHistograms: [Int64]? = nil
    /// Field 7 `definition_level_histograms`: per-page histograms, concatenated.
    public var definitionLevelHistograms: [Int64]? = nil
    /// Field 8 `nan_counts`: per page, for floating-point columns.
    public var nanCounts: [Int64]? = nil
}

extension ColumnIndex {
    package init(from reader: inout ThriftCompactReader) throws(ParquetError) {
        let start = reader.position
        var nullPages: [Bool]?
        var minValues: [[UInt8]]?
        var maxValues: [[UInt8]]?
        var order: BoundaryOrder?
        var value = ColumnIndex(nullPages: [], minValues: [], maxValues: [], boundaryOrder: .unordered)
        try reader.readStruct("ColumnIndex") { (reader, field) throws(ParquetError) in
            switch field.id {
            case 1: nullPages = try reader.readBoolList(field)
            case 2: minValues = try reader.readBinaryList(field)
            case 3: maxValues = try reader.readBinaryList(field)
            case 4: order = try reader.readEnum(field)
            case 5: value.nullCounts = try reader.readI64List(field)
            case 6: value.repetitionLevelHistograms = try reader.readI64List(field)
            case 7: value.definitionLevelHistograms = try reader.readI64List(field)
            case 8: value.nanCounts = try reader.readI64List(field)
            default: try reader.skip(field.type)
            }
        }
        value.nullPages = try reader.require(nullPages, "null_pages", in: "ColumnIndex", at: start)
        value.minValues = try reader.require(minValues, "min_values", in: "ColumnIndex", at: start)
        value.maxValues = try reader.require(maxValues, "max_values", in: "ColumnIndex", at: start)
        value.boundaryOrder = try reader.require(order, "boundary_order", in: "ColumnIndex", at: start)
        self = value
    }

    package func write(to writer: inout ThriftCompactWriter) {
        writer.writeStruct { writer in
            writer.writeField(1, nullPages)
            writer.writeField(2, minValues)
            writer.writeField(3, maxValues)
            writer.writeField(4, boundaryOrder)
            writer.writeField(5, nullCounts)
            writer.writeField(6, repetitionLevelHistograms)
            writer.writeField(7, definitionLevelHistograms)
            writer.writeField(8, nanCounts)
        }
    }
}
