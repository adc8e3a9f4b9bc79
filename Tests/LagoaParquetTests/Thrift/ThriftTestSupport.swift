@testable import LagoaParquet

/// Runs `body` with a reader over `bytes` described as "test data".
func withThriftReader<T>(
    _ bytes: [UInt8],
    what: String = "test data",
    _ body: (inout ThriftCompactReader) throws(ParquetError) -> T
) throws(ParquetError) -> T {
    let result = bytes.withUnsafeBytes { buffer in
        Result { () throws(ParquetError) -> T in
            var reader = ThriftCompactReader(buffer, what: what)
            return try body(&reader)
        }
    }
    return try result.get()
}

/// Bytes written by `body` with a fresh writer.
func thriftBytes(_ body: (inout ThriftCompactWriter) -> Void) -> [UInt8] {
    var writer = ThriftCompactWriter()
    body(&writer)
    return writer.bytes
}

/// A minimal standard base64 decoder for the embedded fixtures (no Foundation in this target).
enum ThriftFixtureBase64 {
    static func decode(_ text: String) -> [UInt8] {
        var table = [UInt8](repeating: 255, count: 256)
        for (index, char) in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8.enumerated() {
            table[Int(char)] = UInt8(index)
        }
        var output: [UInt8] = []
        var buffer: UInt32 = 0
        var bits = 0
        for char in text.utf8 where table[Int(char)] != 255 {
            buffer = buffer << 6 | UInt32(table[Int(char)])
            bits += 6
            if bits >= 8 {
                bits -= 8
                output.append(UInt8(truncatingIfNeeded: buffer >> UInt32(bits)))
            }
        }
        return output
    }
}

/// Builders of metadata with every field populated.
enum ThriftSamples {
    static let statistics = Statistics(
        max: [9, 0, 0, 0], min: [1, 0, 0, 0], nullCount: 2, distinctCount: 7, maxValue: [9, 0, 0, 0],
        minValue: [1, 0, 0, 0], isMaxValueExact: true, isMinValueExact: false, nanCount: 0
    )

    /// One schema element per logical type, plus a group root.
    static let schema: [SchemaElement] = {
        let logicalTypes: [LogicalType] = [
            .string, .map, .list, .enum, .decimal(scale: 2, precision: 9), .date,
            .time(isAdjustedToUTC: false, unit: .millis), .time(isAdjustedToUTC: true, unit: .nanos),
            .timestamp(isAdjustedToUTC: true, unit: .micros), .timestamp(isAdjustedToUTC: false, unit: .nanos),
            .integer(bitWidth: 8, isSigned: false), .integer(bitWidth: 64, isSigned: true), .unknown, .json, .bson,
            .uuid, .float16, .variant(specificationVersion: 1), .variant(specificationVersion: nil),
            .geometry(crs: "OGC:CRS84"), .geography(crs: nil, algorithm: .karney),
        ]
        var elements = [SchemaElement(name: "schema", numChildren: Int32(logicalTypes.count))]
        for (index, logicalType) in logicalTypes.enumerated() {
            elements.append(
                SchemaElement(
                    name: "c\(index) ✓", type: .fixedLenByteArray, typeLength: Int32(index),
                    repetitionType: index.isMultiple(of: 2) ? .optional : .required, numChildren: nil,
                    convertedType: ConvertedType(rawValue: Int32(index)), scale: 2, precision: 9,
                    fieldId: Int32(-index), logicalType: logicalType
                )
            )
        }
        return elements
    }()

    static let columnMetaData = ColumnMetaData(
        type: .byteArray, encodings: [.plain, .rle, .rleDictionary, Encoding(rawValue: 42)],
        pathInSchema: ["a", "b", "c"], codec: .zstd, numValues: Int64.max, totalUncompressedSize: 1 << 40,
        totalCompressedSize: 12345, keyValueMetadata: [KeyValue(key: "k", value: "v"), KeyValue(key: "only")],
        dataPageOffset: 4, indexPageOffset: 3, dictionaryPageOffset: 2, statistics: statistics,
        encodingStats: [
            PageEncodingStats(pageType: .dictionaryPage, encoding: .plain, count: 1),
            PageEncodingStats(pageType: .dataPage, encoding: .rleDictionary, count: 20),
        ],
        bloomFilterOffset: 99_999, bloomFilterLength: 1024,
        sizeStatistics: SizeStatistics(
            unencodedByteArrayDataBytes: 77, repetitionLevelHistogram: [1, 2], definitionLevelHistogram: [3, 4, 5]
        )
    )

    static let rowGroup = RowGroup(
        columns: [
            ColumnChunk(
                filePath: "part-0.parquet", fileOffset: 4, metaData: columnMetaData, offsetIndexOffset: 500,
                offsetIndexLength: 20, columnIndexOffset: 400, columnIndexLength: 100
            ),
            ColumnChunk(),
        ],
        totalByteSize: 1 << 33, numRows: 1_000_000,
        sortingColumns: [
            SortingColumn(columnIdx: 0, descending: true, nullsFirst: false),
            SortingColumn(columnIdx: 1, descending: false, nullsFirst: true),
        ],
        fileOffset: 4, totalCompressedSize: 12345, ordinal: -2
    )

    /// A footer with every field populated, including 20 row groups so lists use the long header form.
    static let fileMetaData = FileMetaData(
        version: 2, schema: schema, numRows: Int64.min, rowGroups: Array(repeating: rowGroup, count: 20),
        keyValueMetadata: [KeyValue(key: "ARROW:schema", value: "…"), KeyValue(key: "", value: "")],
        createdBy: "lagoa version 0.1.0 (build 1)",
        columnOrders: [.typeOrder, .ieee754TotalOrder, .int96TimestampOrder, .unrecognized(fieldId: 9)]
    )

    /// A small footer, for tests that try every prefix or mutation.
    static let smallFileMetaData = FileMetaData(
        version: 1, schema: Array(schema.prefix(6)), numRows: 3, rowGroups: [rowGroup],
        keyValueMetadata: [KeyValue(key: "k", value: "v")], createdBy: "lagoa", columnOrders: [.typeOrder]
    )
}
