/// parquet.thrift `FileMetaData`: the footer, which describes the schema, the row groups and where
/// every column chunk is.
///
/// The encryption fields (8 `encryption_algorithm`, 9 `footer_signing_key_metadata`) are skipped as
/// unknown.
public struct FileMetaData: Hashable, Sendable, ThriftStruct {
    /// Field 1 `version` (required): 1 or 2; readers treat them alike.
    public var version: Int32
    /// Field 2 `schema` (required): the schema tree, depth first, root first.
    public var schema: [SchemaElement]
    /// Field 3 `num_rows` (required).
    public var numRows: Int64
    /// Field 4 `row_groups` (required).
    public var rowGroups: [RowGroup]
    /// Field 5 `key_value_metadata`.
    public var keyValueMetadata: [KeyValue]? = nil
    /// Field 6 `created_by`: the writing application, e.g. `parquet-cpp-arrow version 15.0.0`.
    public var createdBy: String? = nil
    /// Field 7 `column_orders`: the order of min/max statistics, one per leaf column.
    public var columnOrders: [ColumnOrder]? = nil
}

extension FileMetaData {
    /// Decodes a footer.
    /// - Parameters:
    ///   - bytes: the Thrift-encoded footer, without the trailing length and magic; bytes after the
    ///     struct are ignored.
    ///   - what: what is being decoded, for error messages (normally "the footer").
    /// - Throws: ``ParquetError`` with code `corruptFile`.
    package static func decode(_ bytes: UnsafeRawBufferPointer, what: String) throws(ParquetError) -> FileMetaData {
        try decodePrefix(bytes, what: what).value
    }

    package init(from reader: inout ThriftCompactReader) throws(ParquetError) {
        let start = reader.position
        var version: Int32?
        var schema: [SchemaElement]?
        var numRows: Int64?
        var rowGroups: [RowGroup]?
        var value = FileMetaData(version: 0, schema: [], numRows: 0, rowGroups: [])
        try reader.readStruct("FileMetaData") { (reader, field) throws(ParquetError) in
            switch field.id {
            case 1: version = try reader.readI32(field)
            case 2: schema = try reader.readStructList(field)
            case 3: numRows = try reader.readI64(field)
            case 4: rowGroups = try reader.readStructList(field)
            case 5: value.keyValueMetadata = try reader.readStructList(field)
            case 6: value.createdBy = try reader.readString(field)
            case 7: value.columnOrders = try reader.readStructList(field)
            default: try reader.skip(field.type)
            }
        }
        value.version = try reader.require(version, "version", in: "FileMetaData", at: start)
        value.schema = try reader.require(schema, "schema", in: "FileMetaData", at: start)
        value.numRows = try reader.require(numRows, "num_rows", in: "FileMetaData", at: start)
        value.rowGroups = try reader.require(rowGroups, "row_groups", in: "FileMetaData", at: start)
        self = value
    }

    package func write(to writer: inout ThriftCompactWriter) {
        writer.writeStruct { writer in
            writer.writeField(1, version)
            writer.writeField(2, schema)
            writer.writeField(3, numRows)
            writer.writeField(4, rowGroups)
            writer.writeField(5, keyValueMetadata)
            writer.writeField(6, createdBy)
            writer.writeField(7, columnOrders)
        }
    }
}

/// parquet.thrift `ColumnOrder`: the union saying how min/max statistics of a column are ordered.
///
/// A member this version does not know decodes as ``unrecognized(fieldId:)``; its statistics should
/// then be ignored. It is written back as an empty struct under the same id.
public enum ColumnOrder: Hashable, Sendable, ThriftStruct {
    /// Field 1 `TYPE_ORDER`: the order of the logical type, or of the physical type without one.
    case typeOrder
    /// Field 2 `IEEE_754_TOTAL_ORDER`: IEEE 754 totalOrder for floating-point columns.
    case ieee754TotalOrder
    /// Field 3 `INT96_TIMESTAMP_ORDER`: chronological order of INT96 timestamps.
    case int96TimestampOrder
    /// A member this version does not know, with its union field id.
    case unrecognized(fieldId: Int16)
}

extension ColumnOrder {
    package init(from reader: inout ThriftCompactReader) throws(ParquetError) {
        let start = reader.position
        var result: ColumnOrder?
        try reader.readStruct("ColumnOrder") { (reader, field) throws(ParquetError) in
            let member: ColumnOrder =
                switch field.id {
                case 1: .typeOrder
                case 2: .ieee754TotalOrder
                case 3: .int96TimestampOrder
                default: .unrecognized(fieldId: field.id)
                }
            if case .unrecognized = member {
                try reader.skip(field.type)
            } else {
                try reader.readEmptyStruct(field)
            }
            if result == nil { result = member }
        }
        guard let result else { throw reader.corrupt("ColumnOrder union has no member set", at: start) }
        self = result
    }

    package func write(to writer: inout ThriftCompactWriter) {
        writer.writeStruct { writer in
            switch self {
            case .typeOrder: writer.writeEmptyStructField(1)
            case .ieee754TotalOrder: writer.writeEmptyStructField(2)
            case .int96TimestampOrder: writer.writeEmptyStructField(3)
            case .unrecognized(let id): writer.writeEmptyStructField(id)
            }
        }
    }
}
