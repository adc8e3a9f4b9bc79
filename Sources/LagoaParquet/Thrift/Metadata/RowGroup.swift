/// parquet.thrift `RowGroup`: a horizontal slice of the file with one ``ColumnChunk`` per leaf column.
public struct RowGroup: Hashable, Sendable, ThriftStruct {
    /// Field 1 `columns` (required): one chunk per leaf, in schema order.
    public var columns: [ColumnChunk]
    /// Field 2 `total_byte_size` (required): uncompressed bytes of all column data.
    public var totalByteSize: Int64
    /// Field 3 `num_rows` (required).
    public var numRows: Int64
    /// Field 4 `sorting_columns`: the sort order the rows follow, if any.
    public var sortingColumns: [SortingColumn]? = nil
    /// Field 5 `file_offset`: file offset of the first page.
    public var fileOffset: Int64? = nil
    /// Field 6 `total_compressed_size`: stored bytes of all column data.
    public var totalCompressedSize: Int64? = nil
    /// Field 7 `ordinal`: the row group's index in the file.
    public var ordinal: Int16? = nil
}

extension RowGroup {
    package init(from reader: inout ThriftCompactReader) throws(ParquetError) {
        let start = reader.position
        var columns: [ColumnChunk]?
        var totalByteSize: Int64?
        var numRows: Int64?
        var value = RowGroup(columns: [], totalByteSize: 0, numRows: 0)
        try reader.readStruct("RowGroup") { (reader, field) throws(ParquetError) in
            switch field.id {
            case 1: columns = try reader.readStructList(field)
            case 2: totalByteSize = try reader.readI64(field)
            case 3: numRows = try reader.readI64(field)
            case 4: value.sortingColumns = try reader.readStructList(field)
            case 5: value.fileOffset = try reader.readI64(field)
            case 6: value.totalCompressedSize = try reader.readI64(field)
            case 7: value.ordinal = try reader.readI16(field)
            default: try reader.skip(field.type)
            }
        }
        value.columns = try reader.require(columns, "columns", in: "RowGroup", at: start)
        value.totalByteSize = try reader.require(totalByteSize, "total_byte_size", in: "RowGroup", at: start)
        value.numRows = try reader.require(numRows, "num_rows", in: "RowGroup", at: start)
        self = value
    }

    package func write(to writer: inout ThriftCompactWriter) {
        writer.writeStruct { writer in
            writer.writeField(1, columns)
            writer.writeField(2, totalByteSize)
            writer.writeField(3, numRows)
            writer.writeField(4, sortingColumns)
            writer.writeField(5, fileOffset)
            writer.writeField(6, totalCompressedSize)
            writer.writeField(7, ordinal)
        }
    }
}

/// parquet.thrift `SortingColumn`: one key of a row group's sort order.
public struct SortingColumn: Hashable, Sendable, ThriftStruct {
    /// Field 1 `column_idx` (required): the leaf column's index in the row group.
    public var columnIdx: Int32
    /// Field 2 `descending` (required).
    public var descending: Bool
    /// Field 3 `nulls_first` (required).
    public var nullsFirst: Bool
}

extension SortingColumn {
    package init(from reader: inout ThriftCompactReader) throws(ParquetError) {
        let start = reader.position
        var columnIdx: Int32?
        var descending: Bool?
        var nullsFirst: Bool?
        try reader.readStruct("SortingColumn") { (reader, field) throws(ParquetError) in
            switch field.id {
            case 1: columnIdx = try reader.readI32(field)
            case 2: descending = try reader.readBool(field)
            case 3: nullsFirst = try reader.readBool(field)
            default: try reader.skip(field.type)
            }
        }
        self.init(
            columnIdx: try reader.require(columnIdx, "column_idx", in: "SortingColumn", at: start),
            descending: try reader.require(descending, "descending", in: "SortingColumn", at: start),
            nullsFirst: try reader.require(nullsFirst, "nulls_first", in: "SortingColumn", at: start)
        )
    }

    package func write(to writer: inout ThriftCompactWriter) {
        writer.writeStruct { writer in
            writer.writeField(1, columnIdx)
            writer.writeField(2, descending)
            writer.writeField(3, nullsFirst)
        }
    }
}
