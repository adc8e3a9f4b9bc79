import Testing

@testable import LagoaParquet

@Suite("Thrift compact primitives")
struct ThriftCompactPrimitiveTests {
    @Test("zigzag folds signed values into unsigned ones", arguments: [
        (Int64(0), UInt64(0)), (-1, 1), (1, 2), (-2, 3), (2, 4), (Int64.max, UInt64.max - 1), (Int64.min, UInt64.max),
    ])
    func zigzag64(value: Int64, folded: UInt64) {
        #expect(ThriftZigZag.encode(value) == folded)
        #expect(ThriftZigZag.decode(folded) == value)
    }

    @Test("zigzag handles Int32 extremes")
    func zigzag32() {
        #expect(ThriftZigZag.encode(Int32.max) == UInt32.max - 1)
        #expect(ThriftZigZag.encode(Int32.min) == UInt32.max)
        #expect(ThriftZigZag.decode(UInt32.max) == Int32.min)
        #expect(ThriftZigZag.decode(UInt32.max - 1) == Int32.max)
    }

    @Test("varint encoding matches the specification's example")
    func varintExample() throws {
        let bytes = thriftBytes { $0.writeVarint(50399) }
        #expect(bytes == [0xDF, 0x89, 0x03])
        #expect(try withThriftReader(bytes) { reader throws(ParquetError) in try reader.readVarint() } == 50399)
    }

    @Test("varints round-trip at every length boundary", arguments: [
        0, 1, 127, 128, 16383, 16384, UInt64(UInt32.max), 1 << 56, (1 << 63) - 1, 1 << 63, UInt64.max,
    ] as [UInt64])
    func varintRoundTrip(value: UInt64) throws {
        let bytes = thriftBytes { $0.writeVarint(value) }
        #expect(bytes.count == max(1, (64 - value.leadingZeroBitCount + 6) / 7))
        let (decoded, position) = try withThriftReader(bytes) { reader throws(ParquetError) in
            (try reader.readVarint(), reader.position)
        }
        #expect(decoded == value)
        #expect(position == bytes.count)
    }

    @Test("i64 round-trips Int64.min and Int64.max in 10 bytes", arguments: [Int64.min, Int64.max, -1, 0, 1])
    func i64RoundTrip(value: Int64) throws {
        let bytes = thriftBytes { $0.writeI64(value) }
        if value == .min || value == .max { #expect(bytes.count == 10) }
        #expect(try withThriftReader(bytes) { reader throws(ParquetError) in try reader.readI64() } == value)
    }

    @Test("i32 and i16 round-trip their extremes")
    func narrowRoundTrip() throws {
        for value in [Int32.min, Int32.max, -1, 0, 1] {
            let bytes = thriftBytes { $0.writeI32(value) }
            #expect(try withThriftReader(bytes) { reader throws(ParquetError) in try reader.readI32() } == value)
        }
        for value in [Int16.min, Int16.max] {
            let bytes = thriftBytes { $0.writeI16(value) }
            #expect(try withThriftReader(bytes) { reader throws(ParquetError) in try reader.readI16() } == value)
        }
    }

    @Test("a varint longer than 64 bits is rejected with its offset")
    func varintOverflow() {
        let bytes: [UInt8] = [0x00] + Array(repeating: 0xFF, count: 9) + [0x02]
        let error = #expect(throws: ParquetError.self) {
            try withThriftReader(bytes) { reader throws(ParquetError) in
                _ = try reader.readByte()
                return try reader.readVarint()
            }
        }
        #expect(error?.message == "corrupt Parquet file: varint overflows 64 bits at byte 1 of test data")
    }

    @Test("an i32 varint wider than 32 bits is rejected")
    func varint32Overflow() {
        let error = #expect(throws: ParquetError.self) {
            try withThriftReader([0xFF, 0xFF, 0xFF, 0xFF, 0x1F]) { reader throws(ParquetError) in try reader.readI32() }
        }
        #expect(error?.message == "corrupt Parquet file: varint overflows 32 bits at byte 0 of test data")
    }

    @Test("an i16 field id out of range is rejected")
    func i16Overflow() {
        let bytes = thriftBytes { $0.writeI32(40_000) }
        let error = #expect(throws: ParquetError.self) {
            try withThriftReader(bytes) { reader throws(ParquetError) in try reader.readI16() }
        }
        #expect(error?.message == "corrupt Parquet file: i16 value 40000 is out of range at byte 0 of test data")
    }

    @Test("doubles are 8 little-endian bytes")
    func doubles() throws {
        let bytes = thriftBytes { $0.writeDouble(1.0) }
        #expect(bytes == [0, 0, 0, 0, 0, 0, 0xF0, 0x3F])
        for value in [0.0, -0.0, .pi, -.infinity, .greatestFiniteMagnitude] {
            let encoded = thriftBytes { $0.writeDouble(value) }
            let decoded = try withThriftReader(encoded) { reader throws(ParquetError) in try reader.readDouble() }
            #expect(decoded.bitPattern == value.bitPattern)
        }
    }

    @Test("strings and binaries are length-prefixed")
    func binaries() throws {
        let bytes = thriftBytes {
            $0.writeString("héllo")
            $0.writeBinary([UInt8]())
            $0.writeBinary([0, 255])
        }
        #expect(bytes.prefix(7) == [6, 0x68, 0xC3, 0xA9, 0x6C, 0x6C, 0x6F])
        let values = try withThriftReader(bytes) { reader throws(ParquetError) in
            (try reader.readString(), try reader.readBinary(), try reader.readBinary())
        }
        #expect(values.0 == "héllo")
        #expect(values.1 == [])
        #expect(values.2 == [0, 255])
    }

    @Test("a binary longer than the remaining bytes is rejected")
    func binaryTooLong() {
        let error = #expect(throws: ParquetError.self) {
            try withThriftReader([0x00, 0x10, 1, 2, 3]) { reader throws(ParquetError) in
                _ = try reader.readByte()
                return try reader.readBinary()
            }
        }
        #expect(error?.message == "corrupt Parquet file: binary of 16 bytes exceeds the 3 bytes remaining at byte 1 of test data")
    }

    @Test("a negative binary length is rejected")
    func binaryNegative() {
        let bytes = thriftBytes { $0.writeVarint(UInt64(UInt32.max)) }
        let error = #expect(throws: ParquetError.self) {
            try withThriftReader(bytes) { reader throws(ParquetError) in try reader.readBinary() }
        }
        #expect(error?.message == "corrupt Parquet file: negative binary length -1 at byte 0 of test data")
    }

    @Test("field headers use the short form for deltas 1 to 15 and the long form otherwise")
    func fieldHeaders() throws {
        let ids: [Int16] = [1, 2, 17, 16, 32, 300, -5, Int16.max, Int16.min]
        let bytes = thriftBytes { writer in
            writer.writeStruct { writer in
                for id in ids { writer.writeField(id, Int32(id)) }
            }
        }
        #expect(bytes.prefix(4) == [0x15, 0x02, 0x15, 0x04])  // id 1 = 1, id 2 = 2 (zigzag)
        let decoded = try withThriftReader(bytes) { reader throws(ParquetError) in
            var pairs: [(Int16, Int32)] = []
            try reader.readStruct("Test") { (reader, field) throws(ParquetError) in
                pairs.append((field.id, try reader.readI32(field)))
            }
            return pairs
        }
        #expect(decoded.map(\.0) == ids)
        #expect(decoded.map(\.1) == ids.map(Int32.init))
    }

    @Test("list headers use the long form from 15 elements; bools are one byte each")
    func listHeaders() throws {
        for count in [0, 1, 14, 15, 16, 1000] {
            let values = (0..<count).map { $0 % 3 == 0 }
            let bytes = thriftBytes { $0.writeStruct { $0.writeField(1, values) } }
            #expect(bytes.count == 1 + (count < 15 ? 1 : 1 + (count < 128 ? 1 : 2)) + count + 1)
            let decoded = try withThriftReader(bytes) { reader throws(ParquetError) in
                var result: [Bool] = []
                try reader.readStruct("Test") { (reader, field) throws(ParquetError) in
                    result = try reader.readBoolList(field)
                }
                return result
            }
            #expect(decoded == values)
        }
    }

    @Test("bool list elements accept 0 and 2 as false, reject other bytes")
    func boolElements() throws {
        let values = try withThriftReader([0x31, 1, 0, 2]) { reader throws(ParquetError) in
            let (type, count) = try reader.readListHeader()
            #expect(type == .boolTrue)
            return try (0..<count).map { _ throws(ParquetError) in try reader.readBoolElement() }
        }
        #expect(values == [true, false, false])
        let error = #expect(throws: ParquetError.self) {
            try withThriftReader([0x11, 7]) { reader throws(ParquetError) in
                _ = try reader.readListHeader()
                return try reader.readBoolElement()
            }
        }
        #expect(error?.message == "corrupt Parquet file: invalid Thrift bool element 7 at byte 1 of test data")
    }

    @Test("bool fields carry their value in the field type")
    func boolFields() throws {
        let bytes = thriftBytes { $0.writeStruct { $0.writeField(1, true); $0.writeField(2, false) } }
        #expect(bytes == [0x11, 0x12, 0x00])
    }
}
