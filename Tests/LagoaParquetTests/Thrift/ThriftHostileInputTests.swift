import Testing

@testable import LagoaParquet

/// Malformed, truncated and hostile Thrift input: every case must fail with a corrupt-file error that
/// says where, and none may crash, hang or allocate without bound.
@Suite("Thrift hostile input")
struct ThriftHostileInputTests {
    /// Decodes `bytes` as a footer and returns the error, failing the test if decoding succeeds.
    private func footerError(_ bytes: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) -> ParquetError? {
        return #expect(throws: ParquetError.self, sourceLocation: sourceLocation) {
            try FileMetaData.decode(bytes, what: "the footer")
        }
    }

    @Test("every truncation of a valid footer fails with a corrupt-file error")
    func everyPrefix() throws {
        let bytes = ThriftSamples.smallFileMetaData.encoded()
        #expect(try FileMetaData.decode(bytes, what: "the footer") == ThriftSamples.smallFileMetaData)
        for length in 0..<bytes.count {
            let error = footerError(Array(bytes.prefix(length)))
            #expect(error?.code == .corruptFile)
            #expect(error?.message.hasPrefix("corrupt Parquet file: ") == true)
            #expect(error?.message.contains("of the footer") == true)
        }
    }

    @Test("the truncation message names the value, the offset and the buffer size")
    func truncationMessage() {
        let bytes = Array(ThriftSamples.smallFileMetaData.encoded().prefix(1))  // the version field header
        #expect(
            footerError(bytes)?.message
                == "corrupt Parquet file: unexpected end of data reading a varint at byte 1 of the footer (1 bytes in all)"
        )
    }

    @Test("corrupted bytes never crash the decoder")
    func mutations() {
        let original = ThriftSamples.smallFileMetaData.encoded()
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(truncatingIfNeeded: state >> 33)
        }
        for _ in 0..<3000 {
            var bytes = original
            for _ in 0..<(1 + next() % 4) {
                bytes[next() % bytes.count] = UInt8(truncatingIfNeeded: next())
            }
            do {
                _ = try FileMetaData.decode(bytes, what: "the footer")
            } catch {
                #expect(error.code == .corruptFile)
            }
        }
    }

    @Test("a list header claiming 2^30 elements in a 20-byte buffer fails before allocating")
    func hugeList() {
        // FileMetaData { 2: list<struct> of 2^30 elements }, padded to 20 bytes.
        var bytes: [UInt8] = [0x29, 0xFC, 0x80, 0x80, 0x80, 0x80, 0x04]
        bytes += Array(repeating: 0, count: 20 - bytes.count)
        #expect(
            footerError(bytes)?.message
                == "corrupt Parquet file: list of 1073741824 struct elements cannot fit in the 13 bytes remaining at byte 1 of the footer"
        )
    }

    @Test("a list of doubles needs 8 bytes per element")
    func doubleListSize() {
        // An unknown field 20 holding list<double> of 2 elements, with only 9 bytes of data.
        let bytes: [UInt8] = [0x09, 0x28, 0x27] + Array(repeating: 0, count: 9)
        #expect(
            footerError(bytes)?.message
                == "corrupt Parquet file: list of 2 double elements cannot fit in the 9 bytes remaining at byte 2 of the footer"
        )
    }

    @Test("a map header claiming more entries than bytes fails")
    func hugeMap() {
        // An unknown field 20 holding map<i32, i32> with 1000 entries in 10 bytes.
        let bytes: [UInt8] = [0x0B, 0x28, 0xE8, 0x07, 0x55] + Array(repeating: 0, count: 10)
        #expect(
            footerError(bytes)?.message
                == "corrupt Parquet file: map of 1000 entries cannot fit in the 10 bytes remaining at byte 2 of the footer"
        )
    }

    @Test("structs nested beyond the depth cap fail")
    func deepStructs() {
        // An unknown field 20 holding a struct whose field 1 holds a struct … 100 levels deep.
        var bytes: [UInt8] = [0x0C, 0x28]
        bytes += Array(repeating: 0x1C, count: 100)
        bytes += Array(repeating: 0x00, count: 102)
        #expect(
            footerError(bytes)?.message
                == "corrupt Parquet file: Thrift data nested deeper than 64 levels at byte 65 of the footer"
        )
    }

    @Test("lists nested beyond the depth cap fail")
    func deepLists() {
        // An unknown field 20 holding list<list<list<…>>> of one element each, 100 levels deep.
        var bytes: [UInt8] = [0x09, 0x28]
        bytes += Array(repeating: 0x19, count: 100)
        bytes += Array(repeating: 0x00, count: 101)
        let message = footerError(bytes)?.message ?? ""
        #expect(message.hasPrefix("corrupt Parquet file: Thrift data nested deeper than 64 levels at byte "))
    }

    @Test("a missing required field names the struct and the field")
    func missingRequired() {
        let bytes = thriftBytes { writer in
            writer.writeStruct { writer in
                writer.writeField(1, Int32(1))
                writer.writeField(2, ThriftSamples.schema)
                writer.writeField(4, [RowGroup]())
            }
        }
        #expect(
            footerError(bytes)?.message
                == "corrupt Parquet file: required field 'num_rows' missing in FileMetaData starting at byte 0 of the footer"
        )
    }

    @Test("a missing required field in a nested struct gives the nested struct's offset")
    func missingNestedRequired() {
        let bytes = thriftBytes { writer in
            writer.writeStruct { writer in
                writer.writeField(1, Int32(1))
                writer.writeField(2, [SchemaElement(name: "root")])
                writer.writeField(3, Int64(0))
                writer.writeFieldHeader(4, .list)
                writer.writeListHeader(.struct, count: 1)
                writer.writeStruct { $0.writeField(2, Int64(0)); $0.writeField(3, Int64(0)) }
            }
        }
        #expect(
            footerError(bytes)?.message
                == "corrupt Parquet file: required field 'columns' missing in RowGroup starting at byte 15 of the footer"
        )
    }

    @Test("a known field with the wrong wire type is rejected")
    func wrongType() {
        let bytes = thriftBytes { writer in
            writer.writeStruct { writer in
                writer.writeField(1, Int32(1))
                writer.writeField(3, "three")
            }
        }
        #expect(
            footerError(bytes)?.message
                == "corrupt Parquet file: field 3 of FileMetaData has Thrift type binary, expected i64 at byte 2 of the footer"
        )
    }

    @Test("an invalid compact type is rejected", arguments: [UInt8(14), 15])
    func invalidType(type: UInt8) {
        #expect(
            footerError([0x15, 0x02, 0x10 | type])?.message
                == "corrupt Parquet file: invalid Thrift compact type \(type) at byte 2 of the footer"
        )
    }

    @Test("an empty LogicalType union is rejected")
    func emptyUnion() {
        let bytes = thriftBytes { writer in
            writer.writeStruct { writer in
                writer.writeField(4, "x")
                writer.writeEmptyStructField(10)
            }
        }
        let error = #expect(throws: ParquetError.self) { try SchemaElement.decode(bytes, what: "the footer") }
        #expect(error?.message == "corrupt Parquet file: LogicalType union has no member set at byte 4 of the footer")
    }
}
