@testable import LagoaAvro
import Testing

/// Corrupt and hostile container files, built in the test from a valid file or by hand, each with
/// the exact message the reader gives.
@Suite("Avro bad input")
struct AvroBadInputTests {
    static let sync = [UInt8](0..<16)

    /// A file with `count` longs 0..<count, `perBlock` per block, no compression, fixed sync marker.
    static func longFile(count: Int = 10, perBlock: Int = 3, codec: AvroCodec = .null) throws -> [UInt8] {
        var writer = try AvroFileWriter(schema: .long, codec: codec, name: "x.avro", blockRecordCount: perBlock, syncMarker: sync)
        for i in 0..<count { try writer.append(.long(Int64(i))) }
        return try writer.finish()
    }

    /// A header with exactly `metadata`, then `body`.
    static func handMade(_ metadata: [(String, String)], body: [UInt8] = []) -> [UInt8] {
        var encoder = AvroEncoder()
        encoder.bytes = [0x4F, 0x62, 0x6A, 0x01]
        encoder.writeLong(Int64(metadata.count))
        for (key, value) in metadata {
            encoder.writeString(key)
            encoder.writeBytes(Array(value.utf8))
        }
        encoder.writeLong(0)
        return encoder.bytes + sync + body
    }

    static func block(count: Int64, _ data: [UInt8]) -> [UInt8] {
        var encoder = AvroEncoder()
        encoder.writeLong(count)
        encoder.writeLong(Int64(data.count))
        return encoder.bytes + data + sync
    }

    static func varint(_ value: Int64) -> [UInt8] {
        var encoder = AvroEncoder()
        encoder.writeLong(value)
        return encoder.bytes
    }

    /// The message of reading every record of `bytes`, or `nil` when it reads.
    static func message(_ bytes: [UInt8], name: String = "x.avro", limits: AvroReadLimits = AvroReadLimits()) -> String? {
        do {
            var reader = try AvroFileReader(bytes: bytes, name: name)
            reader.limits = limits
            _ = try reader.records()
            return nil
        } catch {
            return error.message
        }
    }

    static var headerLength: Int {
        (try? longFile(count: 0).count) ?? 0
    }

    @Test("not a container file: wrong magic or too short")
    func magic() {
        #expect(Self.message(Array("PAR1xxxxxxxx".utf8), name: "x.parquet") == "'x.parquet': not an Avro object container file (magic bytes 50 41 52 31)")
        #expect(Self.message([0x4F], name: "x.avro") == "'x.avro': not an Avro object container file (the file has only 1 bytes)")
    }

    @Test("a file cut in the middle of a block, a block header or a sync marker")
    func truncated() throws {
        let file = try Self.longFile()
        let h = Self.headerLength
        // Blocks of three longs: count, size, 3 data bytes, 16 sync bytes = 21 bytes.
        #expect(Self.message(Array(file[..<(h + 21 + 2 + 1)]), name: "snap-1.avro") == "'snap-1.avro': block 2 ends after 1 of 3 bytes (truncated file)")
        #expect(Self.message(Array(file[..<(h + 21 + 5 + 4)])) == "'x.avro': the sync marker after block 2 is missing (truncated file)")
        #expect(Self.message(Array(file[..<(h - 3)])) == "'x.avro': invalid header: data ends in the middle of the sync marker at byte \(h - 16) of \(h - 3)")
        #expect(Self.message(Array(file[..<40])) == "'x.avro': invalid header: data ends in the middle of a varint at byte 40 of 40")
        #expect(Self.message(try Self.longFile()) == nil)
        let cutHeader = Array(file[..<(h + 21)]) + [0x80]
        #expect(Self.message(cutHeader) == "'x.avro': block 2 header is truncated at byte \(h + 22) (truncated file)")
    }

    @Test("a damaged sync marker")
    func badSync() throws {
        var file = try Self.longFile()
        file[Self.headerLength + 21 + 5 + 7] ^= 0xFF
        #expect(Self.message(file, name: "m.avro") == "'m.avro': sync marker mismatch after block 2")
    }

    @Test("an unknown codec, a missing or invalid schema")
    func header() {
        #expect(
            Self.message(Self.handMade([("avro.schema", "\"long\""), ("avro.codec", "xz")]), name: "c.avro")
                == "'c.avro': unsupported codec 'xz' (Lagoa reads null, deflate, snappy and zstandard)"
        )
        #expect(Self.message(Self.handMade([("avro.codec", "null")]), name: "s.avro") == "'s.avro': the header has no avro.schema entry")
        #expect(
            Self.message(Self.handMade([("avro.schema", "{\"type\":\"recrd\"}")]), name: "s.avro")
                == "'s.avro': invalid writer schema in the header: invalid Avro schema at schema: unknown type 'recrd'; define a named type before using its name"
        )
        #expect(
            Self.message(Self.handMade([("avro.schema", "{\"type\":")]), name: "s.avro")
                == "'s.avro': invalid writer schema in the header: invalid Avro schema JSON at offset 8: unexpected end of text"
        )
    }

    @Test("negative and absurd block counts and sizes")
    func blockCounts() {
        let schema = [("avro.schema", "\"long\"")]
        #expect(Self.message(Self.handMade(schema, body: Self.varint(-1) + Self.varint(1) + [2] + Self.sync)) == "'x.avro': block 1 has a negative object count -1")
        #expect(Self.message(Self.handMade(schema, body: Self.varint(1) + Self.varint(-5))) == "'x.avro': block 1 has a negative size -5")
        #expect(Self.message(Self.handMade(schema, body: Self.block(count: 1 << 40, [2, 4, 6]))) == "'x.avro': block 1: 1099511627776 objects cannot fit in 3 bytes")
        let nulls = [("avro.schema", "\"null\"")]
        #expect(
            Self.message(Self.handMade(nulls, body: Self.block(count: 1 << 40, [])))
                == "'x.avro': block 1: 1099511627776 objects is more than the limit of 16777216"
        )
        #expect(Self.message(Self.handMade(nulls, body: Self.block(count: 1000, []))) == nil)
        #expect(Self.message(Self.handMade(schema, body: Self.block(count: 1, [2, 4, 6]))) == "'x.avro': block 1: 2 bytes are left after its 1 objects")
    }

    @Test("negative and oversized lengths and item counts inside the data")
    func dataLengths() {
        let string = [("avro.schema", "\"string\"")]
        #expect(
            Self.message(Self.handMade(string, body: Self.block(count: 1, [0x01])))
                == "'x.avro': block 1: object 1 of 1: negative string length -1 at byte 1"
        )
        #expect(
            Self.message(Self.handMade(string, body: Self.block(count: 1, Self.varint(1 << 50))))
                == "'x.avro': block 1: object 1 of 1: string length 1125899906842624 at byte 8 is larger than the 0 bytes left"
        )
        let array = [("avro.schema", "{\"type\":\"array\",\"items\":\"long\"}")]
        #expect(
            Self.message(Self.handMade(array, body: Self.block(count: 1, Self.varint(1 << 40) + [0, 0])))
                == "'x.avro': block 1: object 1 of 1: block of 1099511627776 items at byte 6 needs at least 1099511627776 × 1 bytes, only 2 are left"
        )
        let nullArray = [("avro.schema", "{\"type\":\"array\",\"items\":\"null\"}")]
        #expect(
            Self.message(Self.handMade(nullArray, body: Self.block(count: 1, Self.varint(1 << 40))))
                == "'x.avro': block 1: object 1 of 1: array of more than 16777216 empty items at byte 6"
        )
        let union = [("avro.schema", "[\"null\",\"long\"]")]
        #expect(
            Self.message(Self.handMade(union, body: Self.block(count: 1, [0x06])))
                == "'x.avro': block 1: object 1 of 1: union branch 3 is out of range (the writer union has 2 branches)"
        )
        let enumeration = [("avro.schema", "{\"type\":\"enum\",\"name\":\"e\",\"symbols\":[\"A\"]}")]
        #expect(
            Self.message(Self.handMade(enumeration, body: Self.block(count: 1, [0x02])))
                == "'x.avro': block 1: object 1 of 1: enum index 1 is out of range (the writer enum has 1 symbols)"
        )
    }

    @Test("corrupt compressed blocks and decompression bombs")
    func compressed() throws {
        var snappy = try Self.longFile(count: 3, codec: .snappy)
        let crcOffset = snappy.count - 16 - 1
        snappy[crcOffset] ^= 0xFF
        let snappyMessage = try #require(Self.message(snappy))
        #expect(snappyMessage.hasPrefix("'x.avro': block 1: snappy block CRC-32 mismatch (stored "))

        let deflate = [("avro.schema", "\"long\""), ("avro.codec", "deflate")]
        #expect(
            Self.message(Self.handMade(deflate, body: Self.block(count: 1, [0xFF, 0xFF, 0xFF])))
                == "'x.avro': block 1: invalid deflate data: invalid block type"
        )
        let good = AvroCodec.deflate(level: nil).compress([0x02, 0x04])
        #expect(
            Self.message(Self.handMade(deflate, body: Self.block(count: 1, Array(good.dropLast(2)))))
                == "'x.avro': block 1: deflate data ends early (truncated block)"
        )
        let zstd = [("avro.schema", "\"long\""), ("avro.codec", "zstandard")]
        let zstdMessage = try #require(Self.message(Self.handMade(zstd, body: Self.block(count: 1, [1, 2, 3, 4, 5, 6]))))
        #expect(zstdMessage.hasPrefix("'x.avro': block 1: invalid zstd data: "))

        // 4 MiB of zeros as one `bytes` value, read with a 1 MiB block limit.
        let bytesSchema = [("avro.schema", "\"bytes\"")]
        let payload = Self.varint(4 << 20) + [UInt8](repeating: 0, count: 4 << 20)
        let limits = AvroReadLimits(maximumBlockSize: 1 << 20)
        for codec in [AvroCodec.deflate(level: nil), .zstd(level: nil), .snappy] {
            let file = Self.handMade(bytesSchema + [("avro.codec", codec.name)], body: Self.block(count: 1, codec.compress(payload)))
            let expected =
                switch codec {
                case .snappy: "'x.avro': block 1: snappy block would decompress to 4194308 bytes, more than the limit of 1048576"
                default: "'x.avro': block 1: \(codec.name == "deflate" ? "deflate" : "zstd") block decompresses to more than the limit of 1048576 bytes"
                }
            #expect(Self.message(file, limits: limits) == expected)
            #expect(Self.message(file) == nil)
        }
    }
}
