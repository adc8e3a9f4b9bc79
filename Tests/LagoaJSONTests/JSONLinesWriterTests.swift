import LagoaTesting
import LagoaColumnar
import LagoaCore
import Testing

@testable import LagoaJSON

@Suite("JSON-lines writer")
struct JSONLinesWriterTests {
    @Test("formats every scalar type")
    func scalars() async throws {
        let batch = TestBatches.make(
            [
                Field("b", .boolean), Field("i", .int64), Field("u", .uint64), Field("f32", .float32), Field("f", .float64),
                Field("dec", .decimal128(precision: 9, scale: 2)), Field("d", .date32), Field("t", .time64(.millisecond)),
                Field("ts", .timestamp(.microsecond, timeZone: "UTC")), Field("local", .timestamp(.millisecond, timeZone: nil)),
                Field("bin", .binary), Field("uuid", .fixedSizeBinary(3)), Field("s", .string),
            ],
            [
                [.bool(false)], [.int(.min)], [.uint(.max)], [.float(0.1)], [.double(1e300)], [.decimal(1250, scale: 2)],
                [.date(0)], [.time(1, .millisecond)], [.timestamp(1_500_000, .microsecond, timeZone: "UTC")],
                [.timestamp(-1, .millisecond, timeZone: nil)], [.binary([0xFF])], [.binary([1, 2, 3])], [.string("é\"\\\n\u{1}")],
            ]
        )
        let expected = #"{"b":false,"i":-9223372036854775808,"u":18446744073709551615,"f32":0.1,"f":1e+300,"dec":"12.50","#
            + #""d":"1970-01-01","t":"00:00:00.001","ts":"1970-01-01T00:00:01.5Z","local":"1969-12-31T23:59:59.999","#
            + #""bin":"/w==","uuid":"AQID","s":"é\"\\\n\u0001"}"# + "\n"
        #expect(try await JSONTestSupport.text(batch) == expected)
    }

    @Test("nulls, non-finite floats, nested values and escaped keys")
    func nested() async throws {
        let stringMap = DataType.map(key: Field("key", .string, nullable: false), value: Field("value", .int64), keysSorted: false)
        let intMap = DataType.map(key: Field("key", .int32, nullable: false), value: Field("value", .boolean), keysSorted: false)
        let batch = TestBatches.make(
            [
                Field("f", .float64), Field("l", .list(Field("item", .struct([Field("x", .int64)])))),
                Field("m", stringMap), Field("k", intMap), Field("odd \"key\"", .string),
            ],
            [
                [.double(.nan), .double(.infinity), .double(-.infinity)],
                [.list([.struct([.int(1)]), .null]), .list([]), .null],
                [.map(keys: [.string("a\"")], values: [.int(1)]), .null, .map(keys: [], values: [])],
                [.map(keys: [.int(7)], values: [.bool(true)]), .map(keys: [], values: []), .null],
                [.null, .string(""), .null],
            ]
        )
        let expected = """
            {"f":"NaN","l":[{"x":1},null],"m":{"a\\"":1},"k":[{"key":7,"value":true}],"odd \\"key\\"":null}
            {"f":"Infinity","l":[],"m":null,"k":[],"odd \\"key\\"":""}
            {"f":"-Infinity","l":null,"m":{},"k":null,"odd \\"key\\"":null}

            """
        #expect(try await JSONTestSupport.text(batch) == expected)
    }

    @Test("invalid UTF-8 in a string column is written as U+FFFD so the line stays valid JSON")
    func invalidUTF8() async throws {
        let batch = TestBatches.make([Field("s", .binary)], [[.binary([0x61, 0xFF, 0x62])]])
        let column = ColumnBuilder(.string)
        column.append(.binary([0x61, 0xFF, 0x62, 0xE2, 0x82]))
        let strings = RecordBatch(schema: Schema([Field("s", .string)]), columns: [column.finish()])
        #expect(try await JSONTestSupport.text(strings) == "{\"s\":\"a\u{FFFD}b\u{FFFD}\u{FFFD}\"}\n")
        #expect(try await JSONTestSupport.text(batch) == "{\"s\":\"Yf9i\"}\n")
    }

    @Test("writes slices of a batch")
    func slices() async throws {
        let batch = TestBatches.make(
            [Field("s", .struct([Field("a", .int64)])), Field("l", .list(Field("item", .string)))],
            [[.struct([.int(1)]), .struct([.int(2)]), .null], [.list([.string("x")]), .list([.string("y"), .string("z")]), .null]]
        )
        let text = try await JSONTestSupport.text(batch.slice(1, 2))
        #expect(text == "{\"s\":{\"a\":2},\"l\":[\"y\",\"z\"]}\n{\"s\":null,\"l\":null}\n")
    }

    @Test("rejects a batch whose types differ from the writer's schema")
    func schemaMismatch() async {
        let writer = JSONLinesWriter(sink: MemorySink(), schema: Schema([Field("a", .int64)]))
        let message = await JSONTestSupport.errorMessage {
            try await writer.write(TestBatches.make([Field("a", .boolean)], [[.bool(true)]]))
        }
        #expect(message == "cannot write a batch with columns (boolean) to a JSON writer for (int64)")
    }
}

@Suite("JSON round trips")
struct JSONRoundTripTests {
    @Test("write then read with inference gives equal values and types")
    func inferred() async throws {
        let user = DataType.struct([Field("name", .string), Field("scores", .list(Field("item", .float64)))])
        let fields = [
            Field("id", .int64), Field("f", .float64), Field("ok", .boolean), Field("s", .string), Field("d", .date32),
            Field("at", .timestamp(.microsecond, timeZone: "UTC")), Field("user", user), Field("tags", .list(Field("item", .string))),
        ]
        let batch = TestBatches.make(fields, [
            [.int(.max), .int(.min), .null],
            [.double(0.1), .double(.nan), .double(-.leastNonzeroMagnitude)],
            [.bool(true), .null, .bool(false)],
            [.string("line\nbreak \"q\" \u{0}"), .string(""), .string("😀")],
            [.date(0), .null, .date(-1)],
            [.timestamp(1_714_564_800_000_001, .microsecond, timeZone: "UTC"), .null, .timestamp(-1, .microsecond, timeZone: "UTC")],
            [.struct([.string("a"), .list([.double(1.5), .null])]), .null, .struct([.null, .list([])])],
            [.list([.string("x")]), .list([]), .null],
        ])
        let bytes = try await JSONLinesWriter.encode([batch], schema: batch.schema)
        let (schema, rows, _) = try await JSONTestSupport.read(bytes: bytes)
        #expect(schema.fields.map(\.type) == fields.map(\.type))
        let expected = (0..<batch.rowCount).map { batch.row($0) }
        #expect(rows.count == 3)
        for (actual, wanted) in zip(rows, expected) {
            #expect(actual.map { "\($0)" } == wanted.map { "\($0)" })
        }
    }

    @Test("write then read with an explicit schema gives equal values for every type")
    func explicitSchema() async throws {
        let fields = [
            Field("i8", .int8), Field("u32", .uint32), Field("u64", .uint64), Field("f32", .float32),
            Field("dec", .decimal128(precision: 38, scale: 3)), Field("t", .time64(.nanosecond)),
            Field("ts", .timestamp(.nanosecond, timeZone: nil)), Field("bin", .binary), Field("uuid", .fixedSizeBinary(16)),
            Field("m", .map(key: Field("key", .string, nullable: false), value: Field("value", .float64), keysSorted: false)),
            Field("mk", .map(key: Field("key", .date32, nullable: false), value: Field("value", .string), keysSorted: false)),
        ]
        let batch = TestBatches.make(fields, [
            [.int(-128), .null], [.uint(.init(UInt32.max)), .uint(0)], [.uint(.max), .null], [.float(.infinity), .float(.leastNonzeroMagnitude)],
            [.decimal(Int128("-99999999999999999999999999999999999999")!, scale: 3), .decimal(0, scale: 3)],
            [.time(86_399_999_999_999, .nanosecond), .null], [.timestamp(-9_000_000_000_000_000_000, .nanosecond, timeZone: nil), .timestamp(.max, .nanosecond, timeZone: nil)],
            [.binary([]), .binary(Array(0...255))], [.binary(Array(repeating: 9, count: 16)), .null],
            [.map(keys: [.string("k")], values: [.double(-0.0)]), .null],
            [.map(keys: [.date(3)], values: [.string("three")]), .map(keys: [], values: [])],
        ])
        let bytes = try await JSONLinesWriter.encode([batch], schema: batch.schema)
        let (_, rows, _) = try await JSONTestSupport.read(bytes: bytes, options: JSONReadOptions(schema: batch.schema))
        #expect(rows == (0..<batch.rowCount).map { batch.row($0) })
    }
}
