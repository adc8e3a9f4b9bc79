import LagoaTesting
import LagoaColumnar
import LagoaCore
import Testing

@testable import LagoaCSV

@Suite("CSV writer")
struct CSVWriterTests {
    private func text(_ batch: RecordBatch, options: CSVWriteOptions = CSVWriteOptions()) async throws -> String {
        String(decoding: try await CSVWriter.encode([batch], schema: batch.schema, options: options), as: UTF8.self)
    }

    @Test("quotes only when needed; the empty string is quoted, null is empty")
    func quoting() async throws {
        let batch = TestBatches.make(
            [Field("plain", .string), Field("odd, \"name\"", .string)],
            [[.string("a"), .string(""), .null, .string("x\ny")], [.string("1,2"), .string("say \"hi\""), .string("p"), .null]]
        )
        #expect(try await text(batch) == "plain,\"odd, \"\"name\"\"\"\na,\"1,2\"\n\"\",\"say \"\"hi\"\"\"\n,p\n\"x\ny\",\n")
    }

    @Test("formats every scalar type")
    func scalars() async throws {
        let batch = TestBatches.make(
            [
                Field("b", .boolean), Field("i8", .int8), Field("u64", .uint64), Field("f32", .float32), Field("f64", .float64),
                Field("dec", .decimal128(precision: 9, scale: 2)), Field("d", .date32), Field("t", .time64(.microsecond)),
                Field("ts", .timestamp(.millisecond, timeZone: "UTC")), Field("bin", .binary), Field("fsb", .fixedSizeBinary(2)),
            ],
            [
                [.bool(true)], [.int(-128)], [.uint(.max)], [.float(0.1)], [.double(1e-7)], [.decimal(-1250, scale: 2)],
                [.date(19_723)], [.time(45_296_500_000, .microsecond)], [.timestamp(1_704_067_200_123, .millisecond, timeZone: "UTC")],
                [.binary([0, 1, 2, 255])], [.binary([104, 105])],
            ]
        )
        #expect(
            try await text(batch, options: CSVWriteOptions(includeHeader: false))
                == "true,-128,18446744073709551615,0.1,1e-07,-12.50,2024-01-01,12:34:56.5,2024-01-01T00:00:00.123Z,AAEC/w==,aGk=\n"
        )
    }

    @Test("non-finite floats and nested values as JSON text")
    func specialsAndNested() async throws {
        let point = DataType.struct([Field("x", .int64), Field("tag", .string)])
        let batch = TestBatches.make(
            [Field("f", .float64), Field("l", .list(Field("item", .int64))), Field("s", point),
             Field("m", .map(key: Field("key", .string, nullable: false), value: Field("value", .float64), keysSorted: false))],
            [
                [.double(.nan), .double(-.infinity)],
                [.list([.int(1), .null]), .list([])],
                [.struct([.int(1), .string("a\"b")]), .null],
                [.map(keys: [.string("k")], values: [.double(.infinity)]), .map(keys: [], values: [])],
            ]
        )
        #expect(
            try await text(batch)
                == "f,l,s,m\nNaN,\"[1,null]\",\"{\"\"x\"\":1,\"\"tag\"\":\"\"a\\\"\"b\"\"}\",\"{\"\"k\"\":\"\"Infinity\"\"}\"\n-inf,[],,{}\n"
        )
    }

    @Test("CRLF line ends, another delimiter and a null marker")
    func options() async throws {
        let batch = TestBatches.make([Field("a", .int64), Field("b", .string)], [[.int(1), .null], [.string("x;y"), .string("NULL")]])
        let options = CSVWriteOptions(delimiter: ";", nullString: "NULL", lineTerminator: "\r\n")
        #expect(try await text(batch, options: options) == "a;b\r\n1;\"x;y\"\r\nNULL;\"NULL\"\r\n")
    }

    @Test("rejects a batch whose types differ from the writer's schema")
    func schemaMismatch() async throws {
        let writer = try CSVWriter(sink: MemorySink(), schema: Schema([Field("a", .int64)]))
        let batch = TestBatches.make([Field("a", .string)], [[.string("x")]])
        let message = await CSVTestSupport.errorMessage { try await writer.write(batch) }
        #expect(message == "cannot write a batch with columns (string) to a CSV writer for (int64)")
    }
}

@Suite("CSV round trips")
struct CSVRoundTripTests {
    @Test("write then read with inference gives equal values and types")
    func inferred() async throws {
        let fields = [
            Field("id", .int64), Field("score", .float64), Field("ok", .boolean), Field("name", .string),
            Field("day", .date32), Field("at", .timestamp(.microsecond, timeZone: "UTC")), Field("local", .timestamp(.microsecond, timeZone: nil)),
        ]
        let batch = TestBatches.make(fields, [
            [.int(.min), .int(.max), .null, .int(0)],
            [.double(0.1), .double(-1.7976931348623157e308), .double(.leastNonzeroMagnitude), .null],
            [.bool(true), .null, .bool(false), .bool(true)],
            [.string("a,b"), .string(""), .null, .string("line\r\nbreak \"q\"")],
            [.date(-719_162), .date(0), .date(2_932_896), .null],
            [.timestamp(-1, .microsecond, timeZone: "UTC"), .null, .timestamp(1_700_000_000_123_456, .microsecond, timeZone: "UTC"), .timestamp(0, .microsecond, timeZone: "UTC")],
            [.timestamp(86_399_999_999, .microsecond, timeZone: nil), .null, .null, .timestamp(0, .microsecond, timeZone: nil)],
        ])
        let bytes = try await CSVWriter.encode([batch], schema: batch.schema)
        let (schema, rows, _) = try await CSVTestSupport.read(bytes: bytes)
        #expect(schema.fields.map(\.type) == fields.map(\.type))
        #expect(rows == (0..<batch.rowCount).map { batch.row($0) })
    }

    @Test("write then read with an explicit schema gives equal values for every scalar type")
    func explicitSchema() async throws {
        let fields = [
            Field("i8", .int8), Field("i16", .int16), Field("i32", .int32), Field("u8", .uint8), Field("u32", .uint32),
            Field("u64", .uint64), Field("f32", .float32), Field("dec", .decimal128(precision: 38, scale: 10)),
            Field("t", .time64(.nanosecond)), Field("ts", .timestamp(.nanosecond, timeZone: "UTC")), Field("bin", .binary),
            Field("uuid", .fixedSizeBinary(16)), Field("s", .string),
        ]
        let batch = TestBatches.make(fields, [
            [.int(-128), .int(127)], [.int(-32768), .null], [.int(.init(Int32.min)), .int(7)], [.uint(255), .uint(0)],
            [.uint(.init(UInt32.max)), .null], [.uint(.max), .uint(1)], [.float(3.4028235e38), .float(.leastNonzeroMagnitude)],
            [.decimal(Int128("-9999999999999999999999999999999999999")!, scale: 10), .decimal(5, scale: 10)],
            [.time(86_399_999_999_999, .nanosecond), .time(0, .nanosecond)],
            [.timestamp(-1, .nanosecond, timeZone: "UTC"), .timestamp(.max, .nanosecond, timeZone: "UTC")],
            [.binary([]), .binary(Array(0...255))], [.binary(Array(repeating: 7, count: 16)), .null],
            [.string("NULL"), .string("\"")],
        ])
        let bytes = try await CSVWriter.encode([batch], schema: batch.schema)
        var options = CSVReadOptions()
        options.schema = batch.schema
        let (_, rows, _) = try await CSVTestSupport.read(bytes: bytes, options: options)
        #expect(rows == (0..<batch.rowCount).map { batch.row($0) })
    }

    @Test("a local file written and read back")
    func localFile() async throws {
        let path = "/tmp/lagoa-csv-\(UInt64.random(in: 0...UInt64.max)).csv"
        let batch = TestBatches.make([Field("a", .int64), Field("b", .string)], [[.int(1), .int(2)], [.string("x"), .null]])
        let writer = try CSVWriter(sink: try LocalFileSink(path: path), schema: batch.schema)
        try await writer.write(batch)
        try await writer.write(batch)
        try await writer.finish()
        var reader = try await CSVReader(path: path)
        let rows = try await reader.readAll().flatMap { b in (0..<b.rowCount).map { b.row($0) } }
        #expect(rows == [[.int(1), .string("x")], [.int(2), .null], [.int(1), .string("x")], [.int(2), .null]])
        _ = path.withCString { unlink($0) }
    }
}

#if canImport(Glibc)
import Glibc
#endif
