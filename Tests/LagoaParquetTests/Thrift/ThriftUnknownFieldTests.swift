import Testing

@testable import LagoaParquet

/// Forward compatibility: fields a newer writer adds, of any type and nesting, are skipped.
@Suite("Thrift unknown fields")
struct ThriftUnknownFieldTests {
    /// Writes one unknown field of every wire type, with containers nested inside containers.
    private static func writeUnknownFields(_ writer: inout ThriftCompactWriter, from id: Int16) {
        // id: struct { 1: list<i32>, 2: map<string, list<i64>>, 3: struct { double, bool, binary, set<bool> } }
        writer.writeFieldHeader(id, .struct)
        writer.writeStruct { writer in
            writer.writeListField(1, [Int32(1), -2, 3], of: .i32) { $0.writeI32($1) }
            writer.writeFieldHeader(2, .map)
            writer.writeMapHeader(keyType: .binary, valueType: .list, count: 2)
            for key in ["a", "b"] {
                writer.writeString(key)
                writer.writeListHeader(.i64, count: 2)
                writer.writeI64(.min)
                writer.writeI64(.max)
            }
            writer.writeFieldHeader(3, .struct)
            writer.writeStruct { writer in
                writer.writeFieldHeader(1, .double)
                writer.writeDouble(2.5)
                writer.writeField(2, true)
                writer.writeField(3, [UInt8](repeating: 0, count: 40))
                writer.writeFieldHeader(4, .set)
                writer.writeListHeader(.boolTrue, count: 3)
                for value in [true, false, true] { writer.writeBoolElement(value) }
            }
        }
        // id + 1: list<struct> whose elements hold unknown fields too.
        writer.writeListField(id + 1, [Int8(1), 2], of: .struct) { writer, value in
            writer.writeStruct { $0.writeField(7, value) }
        }
        // id + 2 …: scalars, an empty map, an empty list with no element type, a uuid.
        writer.writeField(id + 2, Int16(-300))
        writer.writeField(id + 3, false)
        writer.writeField(id + 4, Int64.max)
        writer.writeFieldHeader(id + 5, .map)
        writer.writeMapHeader(keyType: .i32, valueType: .i32, count: 0)
        writer.writeFieldHeader(id + 6, .list)
        writer.writeByte(0x00)
        writer.writeFieldHeader(id + 7, .uuid)
        for byte in 0..<16 { writer.writeByte(UInt8(byte)) }
    }

    @Test("unknown fields of every type are skipped, before, between and after known ones")
    func fileMetaData() throws {
        let expected = ThriftSamples.smallFileMetaData
        let bytes = thriftBytes { writer in
            writer.writeStruct { writer in
                Self.writeUnknownFields(&writer, from: 100)
                writer.writeField(1, expected.version)
                writer.writeField(2, expected.schema)
                Self.writeUnknownFields(&writer, from: 20)
                writer.writeField(3, expected.numRows)
                writer.writeField(4, expected.rowGroups)
                writer.writeField(5, expected.keyValueMetadata)
                writer.writeField(6, expected.createdBy)
                writer.writeField(7, expected.columnOrders)
                Self.writeUnknownFields(&writer, from: -50)
            }
        }
        #expect(try FileMetaData.decode(bytes, what: "the footer") == expected)
    }

    @Test("unknown fields inside nested structs are skipped")
    func nested() throws {
        let expected = ThriftSamples.statistics
        let bytes = thriftBytes { writer in
            writer.writeStruct { writer in
                writer.writeField(1, expected.max)
                Self.writeUnknownFields(&writer, from: 200)
                writer.writeField(2, expected.min)
                writer.writeField(3, expected.nullCount)
                writer.writeField(4, expected.distinctCount)
                writer.writeField(5, expected.maxValue)
                writer.writeField(6, expected.minValue)
                writer.writeField(7, expected.isMaxValueExact)
                writer.writeField(8, expected.isMinValueExact)
                writer.writeField(9, expected.nanCount)
            }
        }
        let header = PageHeader(
            type: .dataPage, uncompressedPageSize: 1, compressedPageSize: 1,
            dataPageHeader: DataPageHeader(
                numValues: 1, encoding: .plain, definitionLevelEncoding: .rle, repetitionLevelEncoding: .rle
            )
        )
        // Splice the statistics (with its unknown fields) into a page header as field 5 of the data page header.
        var headerBytes = header.encoded()
        let statisticsAt = headerBytes.count - 2  // before the data page header's stop and the page header's stop
        headerBytes.insert(contentsOf: [0x1C] + bytes, at: statisticsAt)
        var withStatistics = header
        withStatistics.dataPageHeader?.statistics = expected
        let (decoded, consumed) = try PageHeader.decode(headerBytes + [9, 9, 9], what: "page header")
        #expect(decoded == withStatistics)
        #expect(consumed == headerBytes.count)
    }
}
