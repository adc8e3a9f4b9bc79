import LagoaAvro
import Testing

@Suite("Avro object container files: write then read")
struct AvroFileRoundTripTests {
    static let everyType: AvroSchema = {
        let color = AvroSchema.enumeration(AvroEnumSchema(name: "color", namespace: "lagoa.test", symbols: ["RED", "GREEN", "BLUE"]))
        let inner = AvroSchema.record(
            AvroRecordSchema(name: "inner", namespace: "lagoa.test", fields: [AvroField(name: "x", type: .int), AvroField(name: "c", type: color)])
        )
        return .record(
            AvroRecordSchema(
                name: "every",
                namespace: "lagoa.test",
                fields: [
                    AvroField(name: "n", type: .null),
                    AvroField(name: "b", type: .boolean),
                    AvroField(name: "i", type: .int),
                    AvroField(name: "l", type: .long),
                    AvroField(name: "f", type: .float),
                    AvroField(name: "d", type: .double),
                    AvroField(name: "by", type: .bytes),
                    AvroField(name: "s", type: .string),
                    AvroField(name: "fx", type: .fixed(AvroFixedSchema(name: "f4", namespace: "lagoa.test", size: 4))),
                    AvroField(name: "e", type: color),
                    AvroField(name: "a", type: .array(.union([.null, .string]), properties: ["element-id": 9])),
                    AvroField(name: "m", type: .map(.long)),
                    AvroField(name: "u", type: .union([.null, .long, .string, inner]), fieldID: 12),
                    AvroField(name: "inner2", type: inner),
                    AvroField(name: "date", type: .logical(.date, .int)),
                    AvroField(name: "ts", type: .logical(.timestampMicros, .long, properties: ["adjust-to-utc": true])),
                    AvroField(name: "dec", type: .logical(.decimal(precision: 20, scale: 3), .bytes)),
                    AvroField(name: "uuid", type: .logical(.uuid, .fixed(AvroFixedSchema(name: "uuid_fixed", namespace: "lagoa.test", size: 16)))),
                ]
            )
        )
    }()

    static func everyTypeRecord(_ i: Int) -> AvroValue {
        let union: AvroValue =
            switch i % 4 {
            case 0: .null
            case 1: .long(Int64(i) * -1_000_000_007)
            case 2: .string("s\(i) é")
            default: .record([.int(Int32(i)), .enumeration(index: 2, symbol: "BLUE")])
            }
        return .record([
            .null, .boolean(i % 2 == 0), .int(Int32(truncatingIfNeeded: i &* 7919)), .long(Int64(i) << 40 - 5),
            .float(Float(i) / 3), .double(Double(i) * -1e100), .bytes((0..<(i % 9)).map { UInt8($0 * 31 % 256) }),
            .string(String(repeating: "x", count: i % 17) + "日本"), .fixed([1, 2, 3, UInt8(i % 256)]),
            .enumeration(index: i % 3, symbol: ["RED", "GREEN", "BLUE"][i % 3]),
            .array((0..<(i % 5)).map { $0 % 2 == 0 ? .null : .string("e\($0)") }),
            .map((0..<(i % 4)).map { AvroMapEntry(key: "k\($0)", value: .long(Int64($0))) }),
            union, .record([.int(-1), .enumeration(index: 0, symbol: "RED")]), .int(Int32(19000 + i)),
            .long(1_700_000_000_000_000 + Int64(i)), AvroValue.decimal(unscaled: Int128(i) * -123_456_789_012)!,
            .fixed([UInt8](repeating: UInt8(i % 256), count: 16)),
        ])
    }

    static let codecs: [AvroCodec] = [.null, .deflate(level: nil), .deflate(level: 9), .snappy, .zstd(level: nil), .zstd(level: 19)]

    @Test("every type round-trips with every codec, across many blocks", arguments: codecs)
    func everyTypeEveryCodec(_ codec: AvroCodec) throws {
        var writer = try AvroFileWriter(schema: Self.everyType, codec: codec, metadata: ["iceberg.x": "1"], name: "every.avro", blockSize: 2000)
        let values = (0..<700).map(Self.everyTypeRecord)
        try writer.append(contentsOf: values)
        let bytes = try writer.finish()
        let reader = try AvroFileReader(bytes: bytes, name: "every.avro")
        #expect(reader.writerSchema == Self.everyType)
        #expect(reader.codec.name == codec.name)
        #expect(reader.metadataString("iceberg.x") == "1")
        #expect(reader.metadataString("avro.codec") == codec.name)
        #expect(try reader.records() == values)
        var blocks = try reader.blocks()
        var count = 0
        while let block = try blocks.next() { count += block.count }
        #expect(count == 700)
        #expect(blocks.blockNumber > 10)
    }

    @Test("blocks flush after blockRecordCount records; empty files have no blocks")
    func blockRecordCount() throws {
        var writer = try AvroFileWriter(schema: .long, codec: .null, name: "l.avro", blockRecordCount: 3)
        for i in 0..<10 { try writer.append(.long(Int64(i))) }
        let reader = try AvroFileReader(bytes: try writer.finish(), name: "l.avro")
        var blocks = try reader.blocks()
        var sizes: [Int] = []
        while let block = try blocks.next() { sizes.append(block.count) }
        #expect(sizes == [3, 3, 3, 1])
        var empty = try AvroFileWriter(schema: .string, name: "e.avro")
        #expect(try AvroFileReader(bytes: try empty.finish(), name: "e.avro").records() == [])
    }

    @Test("the writer chooses union branches by kind, then by promotion")
    func unionBranches() throws {
        let schema = AvroSchema.union([.null, .double, .long, .string, .array(.int)])
        var writer = try AvroFileWriter(schema: schema, codec: .null, name: "u.avro")
        try writer.append(contentsOf: [.null, .long(5), .int(6), .double(1.5), .float(2.5), .string("x"), .array([.int(1)])])
        let read = try AvroFileReader(bytes: try writer.finish(), name: "u.avro").records()
        // int goes to the first branch it promotes to (double), float to double.
        #expect(read == [.null, .long(5), .double(6), .double(1.5), .double(2.5), .string("x"), .array([.int(1)])])
    }

    @Test("the writer rejects values that do not match, naming the path, and stays usable")
    func invalidValues() throws {
        var writer = try AvroFileWriter(schema: Self.everyType, codec: .null, name: "w.avro")
        var bad = Self.everyTypeRecord(1)
        guard case .record(var fields) = bad else { return }
        fields[8] = .fixed([1, 2])
        bad = .record(fields)
        #expect {
            try writer.append(bad)
        } throws: { error in
            (error as? AvroError)?.message == "'w.avro': record 1: value at 'every.fx' has 2 bytes, but fixed 'lagoa.test.f4' holds 4"
        }
        fields[8] = .fixed([1, 2, 3, 4])
        fields[12] = .boolean(true)
        #expect {
            try writer.append(.record(fields))
        } throws: { error in
            (error as? AvroError)?.message
                == "'w.avro': record 1: value at 'every.u' is a boolean, which matches no branch of union [null, long, string, record 'lagoa.test.inner']"
        }
        fields[12] = .null
        fields[10] = .array([.int(3)])
        #expect {
            try writer.append(.record(fields))
        } throws: { error in
            (error as? AvroError)?.message == "'w.avro': record 1: value at 'every.a[0]' is int 3, which matches no branch of union [null, string]"
        }
        #expect(throws: AvroError.self) { try writer.append(.record([.null])) }
        #expect(throws: AvroError.self) { try writer.append(.string("x")) }
        try writer.append(Self.everyTypeRecord(2))
        let read = try AvroFileReader(bytes: try writer.finish(), name: "w.avro").records()
        #expect(read == [Self.everyTypeRecord(2)])
    }

    @Test("reserved metadata keys and bad sync markers are refused")
    func writerOptions() {
        #expect {
            _ = try AvroFileWriter(schema: .int, metadata: ["avro.codec": "x"], name: "m.avro")
        } throws: { error in
            (error as? AvroError)?.message == "'m.avro': metadata key 'avro.codec' is reserved; it is written from the schema and codec"
        }
        #expect(throws: AvroError.self) { _ = try AvroFileWriter(schema: .int, name: "m.avro", syncMarker: [1, 2]) }
        #expect(throws: AvroError.self) { _ = try AvroFileWriter(schema: .reference("nowhere"), name: "m.avro") }
    }

    @Test("a recursive schema writes and reads")
    func recursive() throws {
        let schema = try AvroSchema(json: #"{"type":"record","name":"Node","fields":[{"name":"v","type":"int"},{"name":"next","type":["null","Node"]}]}"#)
        let list = AvroValue.record([.int(1), .record([.int(2), .record([.int(3), .null])])])
        var writer = try AvroFileWriter(schema: schema, name: "n.avro")
        try writer.append(list)
        #expect(try AvroFileReader(bytes: try writer.finish(), name: "n.avro").records() == [list])
    }

    @Test("Iceberg manifest_entry values write and read with their file header schema")
    func icebergManifest() throws {
        let schema = try AvroSchema(json: IcebergSchemas.manifestEntryV2)
        func pairs(_ n: Int) -> AvroValue {
            .array((0..<n).map { (k: Int) -> AvroValue in .record([.int(Int32(k + 1)), .long(Int64(k * 100))]) })
        }
        func bounds(_ byte: UInt8) -> AvroValue {
            .array((0..<20).map { (k: Int) -> AvroValue in .record([.int(Int32(k + 1)), .bytes([UInt8](repeating: byte, count: 8))]) })
        }
        func entry(_ i: Int) -> AvroValue {
            let partition: AvroValue = .record([i % 5 == 0 ? .null : .string("c\(i % 7)")])
            let path: AvroValue = .string("s3://bucket/warehouse/db/t/data/category=c\(i % 7)/file-\(i).parquet")
            var dataFile: [AvroValue] = [.int(0), path, .string("PARQUET"), partition, .long(Int64(i * 10)), .long(Int64(i * 1000))]
            dataFile += [pairs(20), pairs(20), pairs(20), .null, bounds(1), bounds(9), .null, .array([.long(4)]), .null, .int(0)]
            return .record([.int(1), .long(42), .null, .null, .record(dataFile)])
        }
        let entries = (0..<10_000).map(entry)
        var writer = try AvroFileWriter(schema: schema, codec: .deflate(level: nil), metadata: ["format-version": "2"], name: "m0.avro")
        try writer.append(contentsOf: entries)
        let bytes = try writer.finish()
        let reader = try AvroFileReader(bytes: bytes, name: "m0.avro")
        let read = try reader.records(readerSchema: schema)
        #expect(read == entries)
    }
}
