import Testing

@testable import LagoaParquet

@Suite("Thrift metadata round trips")
struct ThriftMetadataRoundTripTests {
    @Test("a FileMetaData with every field populated survives encode and decode")
    func fileMetaData() throws {
        let original = ThriftSamples.fileMetaData
        let bytes = original.encoded()
        let decoded = try FileMetaData.decode(bytes, what: "the footer")
        #expect(decoded == original)
        #expect(decoded.encoded() == bytes)
    }

    @Test("FileMetaData decodes from an UnsafeRawBufferPointer and ignores trailing bytes")
    func fileMetaDataFromPointer() throws {
        let bytes = ThriftSamples.smallFileMetaData.encoded() + [0xAB, 0xCD]
        let decoded = try bytes.withUnsafeBytes { buffer throws(ParquetError) in
            try FileMetaData.decode(buffer, what: "the footer")
        }
        #expect(decoded == ThriftSamples.smallFileMetaData)
    }

    @Test("every page header kind round-trips and reports the bytes it took", arguments: [
        PageHeader(
            type: .dataPage, uncompressedPageSize: 100, compressedPageSize: 80, crc: -12345,
            dataPageHeader: DataPageHeader(
                numValues: 10, encoding: .rleDictionary, definitionLevelEncoding: .rle,
                repetitionLevelEncoding: .bitPacked, statistics: ThriftSamples.statistics
            )
        ),
        PageHeader(type: .indexPage, uncompressedPageSize: 0, compressedPageSize: 0, indexPageHeader: IndexPageHeader()),
        PageHeader(
            type: .dictionaryPage, uncompressedPageSize: 7, compressedPageSize: 7,
            dictionaryPageHeader: DictionaryPageHeader(numValues: 3, encoding: .plain, isSorted: true)
        ),
        PageHeader(
            type: .dataPageV2, uncompressedPageSize: Int32.max, compressedPageSize: 1,
            dataPageHeaderV2: DataPageHeaderV2(
                numValues: 5, numNulls: 1, numRows: 4, encoding: .deltaByteArray, definitionLevelsByteLength: 2,
                repetitionLevelsByteLength: 0, isCompressed: false, statistics: Statistics(nullCount: 1)
            )
        ),
        PageHeader(type: PageType(rawValue: 17), uncompressedPageSize: 1, compressedPageSize: 1),
    ])
    func pageHeaders(header: PageHeader) throws {
        let headerBytes = header.encoded()
        let pageData: [UInt8] = [1, 2, 3, 4, 5]
        let bytes = headerBytes + pageData
        let (decoded, consumed) = try bytes.withUnsafeBytes { buffer throws(ParquetError) in
            try PageHeader.decode(buffer, what: "page header")
        }
        #expect(decoded == header)
        #expect(consumed == headerBytes.count)
        #expect(Array(bytes[consumed...]) == pageData)
    }

    @Test("DataPageHeaderV2 treats an absent is_compressed as true")
    func isCompressedDefault() {
        let header = DataPageHeaderV2(
            numValues: 1, numNulls: 0, numRows: 1, encoding: .plain, definitionLevelsByteLength: 0,
            repetitionLevelsByteLength: 0
        )
        #expect(header.valuesAreCompressed)
    }

    @Test("the page index structures round-trip")
    func pageIndex() throws {
        let offsets = OffsetIndex(
            pageLocations: (0..<20).map { PageLocation(offset: 4 + Int64($0) * 100, compressedPageSize: 100, firstRowIndex: Int64($0) * 10) },
            unencodedByteArrayDataBytes: [5, 6]
        )
        #expect(try OffsetIndex.decode(offsets.encoded(), what: "offset index") == offsets)

        let columns = ColumnIndex(
            nullPages: [false, true, false], minValues: [[1], [], [3, 4]], maxValues: [[2], [], [9]],
            boundaryOrder: .ascending, nullCounts: [0, 10, 1], repetitionLevelHistograms: [1, 2, 3],
            definitionLevelHistograms: [4, 5, 6], nanCounts: [0, 0, 0]
        )
        #expect(try ColumnIndex.decode(columns.encoded(), what: "column index") == columns)
    }

    @Test("unknown enum values are kept and printed with their raw value")
    func unknownEnums() throws {
        let element = SchemaElement(
            name: "x", type: PhysicalType(rawValue: 99), repetitionType: FieldRepetitionType(rawValue: 3),
            convertedType: ConvertedType(rawValue: 22)
        )
        let decoded = try SchemaElement.decode(element.encoded(), what: "schema")
        #expect(decoded == element)
        #expect(decoded.type?.description == "PhysicalType(99)")
        #expect(decoded.type?.isKnown == false)
        #expect(Encoding.byteStreamSplit.description == "BYTE_STREAM_SPLIT")
        #expect(ParquetCompressionCodec.lz4Raw.description == "LZ4_RAW")
        #expect(ConvertedType.interval.rawValue == 21)
    }

    @Test("a logical type from a newer writer decodes as unrecognized and is not written back")
    func unknownLogicalType() throws {
        // SchemaElement { 4: name "x", 10: LogicalType { 30: SomeFutureType { 1: i32 7 } } }
        let bytes = thriftBytes { writer in
            writer.writeStruct { writer in
                writer.writeField(4, "x")
                writer.writeFieldHeader(10, .struct)
                writer.writeStruct { writer in
                    writer.writeFieldHeader(30, .struct)
                    writer.writeStruct { $0.writeField(1, Int32(7)) }
                }
            }
        }
        let element = try SchemaElement.decode(bytes, what: "schema")
        #expect(element.logicalType == .unrecognized(fieldId: 30))
        #expect(try SchemaElement.decode(element.encoded(), what: "schema").logicalType == nil)
    }

    @Test("a timestamp with an unknown time unit decodes as an unrecognized logical type")
    func unknownTimeUnit() throws {
        // LogicalType { 8: TimestampType { 1: true, 2: TimeUnit { 4: FutureUnit {} } } }
        let bytes = thriftBytes { writer in
            writer.writeStruct { writer in
                writer.writeFieldHeader(8, .struct)
                writer.writeStruct { writer in
                    writer.writeField(1, true)
                    writer.writeFieldHeader(2, .struct)
                    writer.writeStruct { $0.writeEmptyStructField(4) }
                }
            }
        }
        #expect(try LogicalType.decode(bytes, what: "schema") == .unrecognized(fieldId: 8))
    }

    @Test("known logical types encode as parquet-format specifies")
    func logicalTypeBytes() {
        // TIMESTAMP(isAdjustedToUTC=true, MICROS): field 8 struct { 1: true, 2: struct { 2: struct {} } }
        let timestamp = LogicalType.timestamp(isAdjustedToUTC: true, unit: .micros).encoded()
        #expect(timestamp == [0x8C, 0x11, 0x1C, 0x2C, 0x00, 0x00, 0x00, 0x00])
        // DECIMAL(scale 2, precision 9): field 5 struct { 1: i32 2, 2: i32 9 }
        #expect(LogicalType.decimal(scale: 2, precision: 9).encoded() == [0x5C, 0x15, 0x04, 0x15, 0x12, 0x00, 0x00])
        // INTEGER(8, signed): field 10 struct { 1: i8 8, 2: true }
        #expect(LogicalType.integer(bitWidth: 8, isSigned: true).encoded() == [0xAC, 0x13, 0x08, 0x11, 0x00, 0x00])
    }
}
