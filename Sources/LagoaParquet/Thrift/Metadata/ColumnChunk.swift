/// parquet.thrift `ColumnChunk`: one column of one row group.
///
/// The encryption fields (8 `crypto_metadata`, 9 `encrypted_column_metadata`) are skipped as unknown;
/// an encrypted column therefore decodes with ``metaData`` absent.
public struct ColumnChunk: Hashable, Sendable, ThriftStruct {
    /// Field 1 `file_path`: another file holding the data (summary `_metadata` files only).
    public var filePath: String? = nil
    /// Field 2 `file_offset` (required, deprecated): writers set 0. Read as 0 when absent, the
    /// format's default, since no reader relies on it.
    public var fileOffset: Int64 = 0
    /// Field 3 `meta_data`: optional in the IDL but written by every writer.
    public var metaData: ColumnMetaData? = nil
    /// Field 4 `offset_index_offset`.
    public var offsetIndexOffset: Int64? = nil
    /// Field 5 `offset_index_length`.
    public var offsetIndexLength: Int32? = nil
    /// Field 6 `column_index_offset`.
    public var columnIndexOffset: Int64? = nil
    /// Field 7 `column_index_length`.
    public var columnIndexLength: Int32? = nil
}

extension ColumnChunk {
    package init(from reader: inout ThriftCompactReader) throws(ParquetError) {
        var value = ColumnChunk()
        try reader.readStruct("ColumnChunk") { (reader, field) throws(ParquetError) in
            switch field.id {
            case 1: value.filePath = try reader.readString(field)
            case 2: value.fileOffset = try reader.readI64(field)
            case 3: value.metaData = try reader.readStruct(field) as ColumnMetaData
            case 4: value.offsetIndexOffset = try reader.readI64(field)
            case 5: value.offsetIndexLength = try reader.readI32(field)
            case 6: value.columnIndexOffset = try reader.readI64(field)
            case 7: value.columnIndexLength = try reader.readI32(field)
            default: try reader.skip(field.type)
            }
        }
        self = value
    }

    package func write(to writer: inout ThriftCompactWriter) {
        writer.writeStruct { writer in
            writer.writeField(1, filePath)
            writer.writeField(2, fileOffset)
            writer.writeField(3, metaData)
            writer.writeField(4, offsetIndexOffset)
            writer.writeField(5, offsetIndexLength)
            writer.writeField(6, columnIndexOffset)
            writer.writeField(7, columnIndexLength)
        }
    }
}
