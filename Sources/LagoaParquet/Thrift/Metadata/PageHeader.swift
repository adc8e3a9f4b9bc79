/// parquet.thrift `PageHeader`: the header in front of every page of a column chunk.
///
/// Exactly one of the page-specific headers is set, as ``type`` says. Decode with
/// ``decode(_:what:)`` to learn how many bytes the header took; the page data follows it.
public struct PageHeader: Hashable, Sendable, ThriftStruct {
    /// Field 1 `type` (required).
    public var type: PageType
    /// Field 2 `uncompressed_page_size` (required): page bytes after decompression, excluding the header.
    public var uncompressedPageSize: Int32
    /// Field 3 `compressed_page_size` (required): page bytes as stored, excluding the header.
    public var compressedPageSize: Int32
    /// Field 4 `crc`: CRC-32 of the stored page bytes.
    public var crc: Int32? = nil
    /// Field 5 `data_page_header`.
    public var dataPageHeader: DataPageHeader? = nil
    /// Field 6 `index_page_header`.
    public var indexPageHeader: IndexPageHeader? = nil
    /// Field 7 `dictionary_page_header`.
    public var dictionaryPageHeader: DictionaryPageHeader? = nil
    /// Field 8 `data_page_header_v2`.
    public var dataPageHeaderV2: DataPageHeaderV2? = nil
}

extension PageHeader {
    /// Decodes the page header at the start of `bytes`.
    /// - Parameters:
    ///   - bytes: the header followed by (some of) the page data.
    ///   - what: what is being decoded, for error messages (for example "page header").
    /// - Returns: the header and the number of bytes it took.
    /// - Throws: ``ParquetError`` with code `corruptFile`.
    package static func decode(
        _ bytes: UnsafeRawBufferPointer,
        what: String
    ) throws(ParquetError) -> (PageHeader, bytesConsumed: Int) {
        let (header, consumed) = try decodePrefix(bytes, what: what)
        return (header, consumed)
    }

    /// Decodes the page header at the start of `bytes`.
    /// - Returns: the header and the number of bytes it took.
    /// - Throws: ``ParquetError`` with code `corruptFile`.
    package static func decode(_ bytes: [UInt8], what: String) throws(ParquetError) -> (PageHeader, bytesConsumed: Int) {
        let (header, consumed) = try decodePrefix(bytes, what: what)
        return (header, consumed)
    }

    package init(from reader: inout ThriftCompactReader) throws(ParquetError) {
        let start = reader.position
        var type: PageType?
        var uncompressed: Int32?
        var compressed: Int32?
        var value = PageHeader(type: .dataPage, uncompressedPageSize: 0, compressedPageSize: 0)
        try reader.readStruct("PageHeader") { (reader, field) throws(ParquetError) in
            switch field.id {
            case 1: type = try reader.readEnum(field)
            case 2: uncompressed = try reader.readI32(field)
            case 3: compressed = try reader.readI32(field)
            case 4: value.crc = try reader.readI32(field)
            case 5: value.dataPageHeader = try reader.readStruct(field) as DataPageHeader
            case 6: value.indexPageHeader = try reader.readStruct(field) as IndexPageHeader
            case 7: value.dictionaryPageHeader = try reader.readStruct(field) as DictionaryPageHeader
            case 8: value.dataPageHeaderV2 = try reader.readStruct(field) as DataPageHeaderV2
            default: try reader.skip(field.type)
            }
        }
        value.type = try reader.require(type, "type", in: "PageHeader", at: start)
        value.uncompressedPageSize = try reader.require(uncompressed, "uncompressed_page_size", in: "PageHeader", at: start)
        value.compressedPageSize = try reader.require(compressed, "compressed_page_size", in: "PageHeader", at: start)
        self = value
    }

    package func write(to writer: inout ThriftCompactWriter) {
        writer.writeStruct { writer in
            writer.writeField(1, type)
            writer.writeField(2, uncompressedPageSize)
            writer.writeField(3, compressedPageSize)
            writer.writeField(4, crc)
            writer.writeField(5, dataPageHeader)
            writer.writeField(6, indexPageHeader)
            writer.writeField(7, dictionaryPageHeader)
            writer.writeField(8, dataPageHeaderV2)
        }
    }
}

/// parquet.thrift `DataPageHeader`: a version 1 data page, whose levels and values are compressed together.
public struct DataPageHeader: Hashable, Sendable, ThriftStruct {
    /// Field 1 `num_values` (required): values including nulls.
    public var numValues: Int32
    /// Field 2 `encoding` (required): the values' encoding.
    public var encoding: Encoding
    /// Field 3 `definition_level_encoding` (required).
    public var definitionLevelEncoding: Encoding
    /// Field 4 `repetition_level_encoding` (required).
    public var repetitionLevelEncoding: Encoding
    /// Field 5 `statistics`.
    public var statistics: Statistics? = nil
}

extension DataPageHeader {
    package init(from reader: inout ThriftCompactReader) throws(ParquetError) {
        let start = reader.position
        var numValues: Int32?
        var encoding: Encoding?
        var definition: Encoding?
        var repetition: Encoding?
        var statistics: Statistics?
        try reader.readStruct("DataPageHeader") { (reader, field) throws(ParquetError) in
            switch field.id {
            case 1: numValues = try reader.readI32(field)
            case 2: encoding = try reader.readEnum(field)
            case 3: definition = try reader.readEnum(field)
            case 4: repetition = try reader.readEnum(field)
            case 5: statistics = try reader.readStruct(field) as Statistics
            default: try reader.skip(field.type)
            }
        }
        self.init(
            numValues: try reader.require(numValues, "num_values", in: "DataPageHeader", at: start),
            encoding: try reader.require(encoding, "encoding", in: "DataPageHeader", at: start),
            definitionLevelEncoding: try reader.require(definition, "definition_level_encoding", in: "DataPageHeader", at: start),
            repetitionLevelEncoding: try reader.require(repetition, "repetition_level_encoding", in: "DataPageHeader", at: start),
            statistics: statistics
        )
    }

    package func write(to writer: inout ThriftCompactWriter) {
        writer.writeStruct { writer in
            writer.writeField(1, numValues)
            writer.writeField(2, encoding)
            writer.writeField(3, definitionLevelEncoding)
            writer.writeField(4, repetitionLevelEncoding)
            writer.writeField(5, statistics)
        }
    }
}

/// parquet.thrift `IndexPageHeader`: an empty placeholder in the format; index pages are not used.
public struct IndexPageHeader: Hashable, Sendable, ThriftStruct {
    public init() {}
}

extension IndexPageHeader {
    package init(from reader: inout ThriftCompactReader) throws(ParquetError) {
        try reader.readStruct("IndexPageHeader") { (reader, field) throws(ParquetError) in
            try reader.skip(field.type)
        }
    }

    package func write(to writer: inout ThriftCompactWriter) {
        writer.writeStruct { _ in }
    }
}

/// parquet.thrift `DictionaryPageHeader`: the dictionary page that starts a dictionary-encoded chunk.
public struct DictionaryPageHeader: Hashable, Sendable, ThriftStruct {
    /// Field 1 `num_values` (required): entries in the dictionary.
    public var numValues: Int32
    /// Field 2 `encoding` (required): PLAIN (or the deprecated PLAIN_DICTIONARY).
    public var encoding: Encoding
    /// Field 3 `is_sorted`: whether the entries are in ascending order.
    public var isSorted: Bool? = nil
}

extension DictionaryPageHeader {
    package init(from reader: inout ThriftCompactReader) throws(ParquetError) {
        let start = reader.position
        var numValues: Int32?
        var encoding: Encoding?
        var isSorted: Bool?
        try reader.readStruct("DictionaryPageHeader") { (reader, field) throws(ParquetError) in
            switch field.id {
            case 1: numValues = try reader.readI32(field)
            case 2: encoding = try reader.readEnum(field)
            case 3: isSorted = try reader.readBool(field)
            default: try reader.skip(field.type)
            }
        }
        self.init(
            numValues: try reader.require(numValues, "num_values", in: "DictionaryPageHeader", at: start),
            encoding: try reader.require(encoding, "encoding", in: "DictionaryPageHeader", at: start),
            isSorted: isSorted
        )
    }

    package func write(to writer: inout ThriftCompactWriter) {
        writer.writeStruct { writer in
            writer.writeField(1, numValues)
            writer.writeField(2, encoding)
            writer.writeField(3, isSorted)
        }
    }
}
