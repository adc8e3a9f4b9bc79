import Testing

@testable import LagoaParquet

/// Decodes metadata written by pyarrow (parquet-cpp, Apache Thrift's C++ compact protocol) and checks
/// that re-encoding reproduces the very same bytes, which pins every field id and wire type.
@Suite("Thrift interop with pyarrow")
struct ThriftPyArrowInteropTests {
    /// A Parquet file split into its parts.
    struct File {
        let bytes: [UInt8]
        let footer: [UInt8]

        init(_ bytes: [UInt8]) {
            self.bytes = bytes
            let length = bytes[bytes.count - 8..<bytes.count - 4].reversed().reduce(0) { $0 << 8 | Int($1) }
            footer = Array(bytes[bytes.count - 8 - length..<bytes.count - 8])
        }

        func slice(_ offset: Int64, _ length: Int) -> [UInt8] {
            Array(bytes[Int(offset)..<Int(offset) + length])
        }
    }

    static let files = [
        ("data page v1", ThriftPyArrowFixtures.dataPageV1),
        ("data page v2", ThriftPyArrowFixtures.dataPageV2),
    ]

    @Test("the footer decodes and re-encodes to identical bytes", arguments: files)
    func footer(name: String, bytes: [UInt8]) throws {
        let file = File(bytes)
        let metadata = try FileMetaData.decode(file.footer, what: "the footer")
        #expect(metadata.encoded() == file.footer)

        #expect(metadata.version == 2)
        #expect(metadata.numRows == 3)
        #expect(metadata.createdBy == "parquet-cpp-arrow version 26.0.1")
        #expect(metadata.schema.count == 24)
        #expect(metadata.schema[0].name == "schema")
        #expect(metadata.schema[0].numChildren == 17)
        #expect(metadata.columnOrders == Array(repeating: .typeOrder, count: 18))

        let byName = Dictionary(metadata.schema.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        #expect(byName["i32"]?.type == .int32)
        #expect(byName["i32"]?.repetitionType == .optional)
        #expect(byName["u16"]?.logicalType == .integer(bitWidth: 16, isSigned: false))
        #expect(byName["u16"]?.convertedType == .uint16)
        #expect(byName["s"]?.logicalType == .string)
        #expect(byName["dec"]?.logicalType == .decimal(scale: 2, precision: 5))
        #expect(byName["dec"]?.typeLength == 3)
        #expect(byName["d"]?.logicalType == .date)
        #expect(byName["tm"]?.logicalType == .time(isAdjustedToUTC: false, unit: .micros))
        #expect(byName["ts"]?.logicalType == .timestamp(isAdjustedToUTC: true, unit: .nanos))
        #expect(byName["tsm"]?.logicalType == .timestamp(isAdjustedToUTC: false, unit: .millis))
        #expect(byName["uu"]?.logicalType == .uuid)
        #expect(byName["l"]?.logicalType == .list)
        #expect(byName["m"]?.logicalType == .map)
        #expect(byName["key"]?.repetitionType == .required)
        #expect(byName["n"]?.logicalType == .unknown)
        #expect(byName["j"]?.logicalType == .json)

        let rowGroup = try #require(metadata.rowGroups.first)
        #expect(rowGroup.numRows == 3)
        #expect(rowGroup.columns.count == 18)
        #expect(rowGroup.sortingColumns == [SortingColumn(columnIdx: 0, descending: true, nullsFirst: true)])
        let strings = try #require(rowGroup.columns[3].metaData)
        #expect(strings.pathInSchema == ["s"])
        #expect(strings.type == .byteArray)
        #expect(strings.encodings.contains(.rleDictionary))
        #expect(strings.dictionaryPageOffset != nil)
        #expect(strings.statistics?.nullCount == 1)
        #expect(strings.statistics?.minValue == Array("a".utf8))
        #expect(strings.statistics?.maxValue == Array("bb".utf8))
        #expect(rowGroup.columns[2].metaData?.encodings.contains(.deltaBinaryPacked) == true)
        #expect(rowGroup.columns[14].metaData?.pathInSchema == ["m", "key_value", "value"])
    }

    @Test("every page header decodes, re-encodes identically and tiles its column chunk", arguments: files)
    func pageHeaders(name: String, bytes: [UInt8]) throws {
        let file = File(bytes)
        let metadata = try FileMetaData.decode(file.footer, what: "the footer")
        for chunk in metadata.rowGroups[0].columns {
            let column = try #require(chunk.metaData)
            var offset = column.dictionaryPageOffset ?? column.dataPageOffset
            let end = offset + column.totalCompressedSize
            var dataPages = 0
            while offset < end {
                let rest = Array(file.bytes[Int(offset)..<Int(end)])
                let (header, consumed) = try rest.withUnsafeBytes { buffer throws(ParquetError) in
                    try PageHeader.decode(buffer, what: "page header")
                }
                #expect(header.encoded() == Array(rest.prefix(consumed)))
                #expect(header.crc != nil)
                switch header.type {
                case .dictionaryPage:
                    #expect(header.dictionaryPageHeader?.numValues == 2)
                case .dataPage:
                    #expect(header.dataPageHeader.map { Int64($0.numValues) } == column.numValues)
                    dataPages += 1
                case .dataPageV2:
                    #expect(header.dataPageHeaderV2?.numRows == 3)
                    #expect(header.dataPageHeaderV2.map { Int64($0.numValues) } == column.numValues)
                    dataPages += 1
                default:
                    Issue.record("unexpected page type \(header.type)")
                }
                offset += Int64(consumed) + Int64(header.compressedPageSize)
            }
            #expect(offset == end)
            #expect(dataPages == 1)
        }
    }

    @Test("the page index decodes and re-encodes identically", arguments: files)
    func pageIndex(name: String, bytes: [UInt8]) throws {
        let file = File(bytes)
        let metadata = try FileMetaData.decode(file.footer, what: "the footer")
        var columnIndexes = 0
        for chunk in metadata.rowGroups[0].columns {
            let offsetBytes = file.slice(
                try #require(chunk.offsetIndexOffset),
                Int(try #require(chunk.offsetIndexLength))
            )
            let (offsets, consumed) = try OffsetIndex.decodePrefix(offsetBytes, what: "offset index")
            #expect(consumed == offsetBytes.count)
            #expect(offsets.encoded() == offsetBytes)
            #expect(offsets.pageLocations.first?.offset == chunk.metaData?.dataPageOffset)
            #expect(offsets.pageLocations.first?.firstRowIndex == 0)

            guard let indexOffset = chunk.columnIndexOffset, let indexLength = chunk.columnIndexLength else { continue }
            let indexBytes = file.slice(indexOffset, Int(indexLength))
            let index = try ColumnIndex.decode(indexBytes, what: "column index")
            #expect(index.encoded() == indexBytes)
            #expect(index.nullPages == [false])
            #expect(index.minValues.count == 1 && index.maxValues.count == 1)
            columnIndexes += 1
        }
        #expect(columnIndexes == 17)
    }
}
