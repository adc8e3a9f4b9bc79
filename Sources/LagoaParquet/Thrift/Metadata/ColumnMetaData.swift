/// parquet.thrift `ColumnMetaData`: where a column chunk's pages are and how they are stored.
///
/// Field 17 (`geospatial_statistics`) is skipped as unknown.
public struct ColumnMetaData: Hashable, Sendable, ThriftStruct {
    /// Field 1 `type` (required): the physical type.
    public var type: PhysicalType
    /// Field 2 `encodings` (required): every encoding used in the chunk, levels included.
    public var encodings: [Encoding]
    /// Field 3 `path_in_schema` (required): the leaf's path, root excluded.
    public var pathInSchema: [String]
    /// Field 4 `codec` (required).
    public var codec: ParquetCompressionCodec
    /// Field 5 `num_values` (required): values including nulls.
    public var numValues: Int64
    /// Field 6 `total_uncompressed_size` (required): bytes of all pages after decompression, headers included.
    public var totalUncompressedSize: Int64
    /// Field 7 `total_compressed_size` (required): bytes of all pages as stored, headers included.
    public var totalCompressedSize: Int64
    /// Field 8 `key_value_metadata`.
    public var keyValueMetadata: [KeyValue]? = nil
    /// Field 9 `data_page_offset` (required): file offset of the first data page.
    public var dataPageOffset: Int64
    /// Field 10 `index_page_offset`.
    public var indexPageOffset: Int64? = nil
    /// Field 11 `dictionary_page_offset`: file offset of the dictionary page, if any.
    public var dictionaryPageOffset: Int64? = nil
    /// Field 12 `statistics`.
    public var statistics: Statistics? = nil
    /// Field 13 `encoding_stats`: page counts per page type and encoding.
    public var encodingStats: [PageEncodingStats]? = nil
    /// Field 14 `bloom_filter_offset`.
    public var bloomFilterOffset: Int64? = nil
    /// Field 15 `bloom_filter_length`: bytes of the Bloom filter, header included.
    public var bloomFilterLength: Int32? = nil
    /// Field 16 `size_statistics`.
    public var sizeStatistics: SizeStatistics? = nil
}

extension ColumnMetaData {
    package init(from reader: inout ThriftCompactReader) throws(ParquetError) {
        let start = reader.position
        var type: PhysicalType?
        var encodings: [Encoding]?
        var path: [String]?
        var codec: ParquetCompressionCodec?
        var numValues: Int64?
        var uncompressed: Int64?
        var compressed: Int64?
        var dataPageOffset: Int64?
        var value = ColumnMetaData(
            type: .boolean, encodings: [], pathInSchema: [], codec: .uncompressed, numValues: 0,
            totalUncompressedSize: 0, totalCompressedSize: 0, dataPageOffset: 0
        )
        try reader.readStruct("ColumnMetaData") { (reader, field) throws(ParquetError) in
            switch field.id {
            case 1: type = try reader.readEnum(field)
            case 2: encodings = try reader.readEnumList(field)
            case 3: path = try reader.readStringList(field)
            case 4: codec = try reader.readEnum(field)
            case 5: numValues = try reader.readI64(field)
            case 6: uncompressed = try reader.readI64(field)
            case 7: compressed = try reader.readI64(field)
            case 8: value.keyValueMetadata = try reader.readStructList(field)
            case 9: dataPageOffset = try reader.readI64(field)
            case 10: value.indexPageOffset = try reader.readI64(field)
            case 11: value.dictionaryPageOffset = try reader.readI64(field)
            case 12: value.statistics = try reader.readStruct(field) as Statistics
            case 13: value.encodingStats = try reader.readStructList(field)
            case 14: value.bloomFilterOffset = try reader.readI64(field)
            case 15: value.bloomFilterLength = try reader.readI32(field)
            case 16: value.sizeStatistics = try reader.readStruct(field) as SizeStatistics
            default: try reader.skip(field.type)
            }
        }
        let name: StaticString = "ColumnMetaData"
        value.type = try reader.require(type, "type", in: name, at: start)
        value.encodings = try reader.require(encodings, "encodings", in: name, at: start)
        value.pathInSchema = try reader.require(path, "path_in_schema", in: name, at: start)
        value.codec = try reader.require(codec, "codec", in: name, at: start)
        value.numValues = try reader.require(numValues, "num_values", in: name, at: start)
        value.totalUncompressedSize = try reader.require(uncompressed, "total_uncompressed_size", in: name, at: start)
        value.totalCompressedSize = try reader.require(compressed, "total_compressed_size", in: name, at: start)
        value.dataPageOffset = try reader.require(dataPageOffset, "data_page_offset", in: name, at: start)
        self = value
    }

    package func write(to writer: inout ThriftCompactWriter) {
        writer.writeStruct { writer in
            writer.writeField(1, type)
            writer.writeField(2, encodings)
            writer.writeField(3, pathInSchema)
            writer.writeField(4, codec)
            writer.writeField(5, numValues)
            writer.writeField(6, totalUncompressedSize)
            writer.writeField(7, totalCompressedSize)
            writer.writeField(8, keyValueMetadata)
            writer.writeField(9, dataPageOffset)
            writer.writeField(10, indexPageOffset)
            writer.writeField(11, dictionaryPageOffset)
            writer.writeField(12, statistics)
            writer.writeField(13, encodingStats)
            writer.writeField(14, bloomFilterOffset)
            writer.writeField(15, bloomFilterLength)
            writer.writeField(16, sizeStatistics)
        }
    }
}

/// parquet.thrift `PageEncodingStats`: how many pages of one type use one encoding.
public struct PageEncodingStats: Hashable, Sendable, ThriftStruct {
    /// Field 1 `page_type` (required).
    public var pageType: PageType
    /// Field 2 `encoding` (required).
    public var encoding: Encoding
    /// Field 3 `count` (required).
    public var count: Int32
}

extension PageEncodingStats {
    package init(from reader: inout ThriftCompactReader) throws(ParquetError) {
        let start = reader.position
        var pageType: PageType?
        var encoding: Encoding?
        var count: Int32?
        try reader.readStruct("PageEncodingStats") { (reader, field) throws(ParquetError) in
            switch field.id {
            case 1: pageType = try reader.readEnum(field)
            case 2: encoding = try reader.readEnum(field)
            case 3: count = try reader.readI32(field)
            default: try reader.skip(field.type)
            }
        }
        self.init(
            pageType: try reader.require(pageType, "page_type", in: "PageEncodingStats", at: start),
            encoding: try reader.require(encoding, "encoding", in: "PageEncodingStats", at: start),
            count: try reader.require(count, "count", in: "PageEncodingStats", at: start)
        )
    }

    package func write(to writer: inout ThriftCompactWriter) {
        writer.writeStruct { writer in
            writer.writeField(1, pageType)
            writer.writeField(2, encoding)
            writer.writeField(3, count)
        }
    }
}

/// parquet.thrift `KeyValue`: one entry of free-form metadata (pyarrow stores the Arrow schema here).
public struct KeyValue: Hashable, Sendable, ThriftStruct {
    /// Field 1 `key` (required).
    public var key: String
    /// Field 2 `value`.
    public var value: String? = nil

    /// Creates an entry.
    public init(key: String, value: String? = nil) {
        self.key = key
        self.value = value
    }
}

extension KeyValue {
    package init(from reader: inout ThriftCompactReader) throws(ParquetError) {
        let start = reader.position
        var key: String?
        var value: String?
        try reader.readStruct("KeyValue") { (reader, field) throws(ParquetError) in
            switch field.id {
            case 1: key = try reader.readString(field)
            case 2: value = try reader.readString(field)
            default: try reader.skip(field.type)
            }
        }
        self.init(key: try reader.require(key, "key", in: "KeyValue", at: start), value: value)
    }

    package func write(to writer: inout ThriftCompactWriter) {
        writer.writeStruct { writer in
            writer.writeField(1, key)
            writer.writeField(2, value)
        }
    }
}
