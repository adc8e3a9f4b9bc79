import LagoaColumnar
import Testing

@testable import LagoaJSON

@Suite("JSON schema inference")
struct JSONInferenceTests {
    @Test("merges types across rows; missing keys are null")
    func merging() async throws {
        let text = """
            {"id": 1, "score": 1, "ok": true, "name": "a"}
            {"id": 2, "score": 2.5, "extra": null}
            {"name": "c", "id": 3, "ok": false, "score": -1e3}
            """
        let (schema, rows, _) = try await JSONTestSupport.read(text)
        #expect(schema.fields.map(\.name) == ["id", "score", "ok", "name", "extra"])
        #expect(schema.fields.map(\.type) == [.int64, .float64, .boolean, .string, .string])
        #expect(schema.fields.allSatisfy { $0.nullable })
        #expect(rows == [
            [.int(1), .double(1), .bool(true), .string("a"), .null],
            [.int(2), .double(2.5), .null, .null, .null],
            [.int(3), .double(-1000), .bool(false), .string("c"), .null],
        ])
    }

    @Test("objects become structs with the union of keys, arrays become lists")
    func nested() async throws {
        let text = """
            {"user": {"name": "a", "tags": ["x"]}, "points": [[1, 2], []]}
            {"user": {"age": 30, "name": "b"}, "points": [[3.5]]}
            {"user": null, "points": null}
            """
        let (schema, rows, _) = try await JSONTestSupport.read(text)
        let user = DataType.struct([
            Field("name", .string), Field("tags", .list(Field("item", .string))), Field("age", .int64),
        ])
        #expect(schema.fields.map(\.type) == [user, .list(Field("item", .list(Field("item", .float64))))])
        #expect(rows[0] == [
            .struct([.string("a"), .list([.string("x")]), .null]),
            .list([.list([.double(1), .double(2)]), .list([])]),
        ])
        #expect(rows[1][0] == .struct([.string("b"), .null, .int(30)]))
        #expect(rows[2] == [.null, .null])
    }

    @Test("mixed incompatible values become string holding JSON text")
    func mixed() async throws {
        let text = """
            {"v": 1, "w": [1], "e": {}, "n": null, "l": []}
            {"v": "two", "w": {"a": [true, null]}, "e": {}, "n": null, "l": [null]}
            {"v": {"x": 1.50}, "w": "s", "e": null, "n": null, "l": []}
            """
        let (schema, rows, _) = try await JSONTestSupport.read(text)
        #expect(schema.fields.map(\.type) == [.string, .string, .string, .string, .list(Field("item", .string))])
        #expect(rows.map { $0[0] } == [.string("1"), .string("two"), .string(#"{"x":1.50}"#)])
        #expect(rows.map { $0[1] } == [.string("[1]"), .string(#"{"a":[true,null]}"#), .string("s")])
        #expect(rows.map { $0[2] } == [.string("{}"), .string("{}"), .null])
        #expect(rows[1][4] == .list([.null]))
    }

    @Test("strings that look temporal infer dates and timestamps unless turned off")
    func temporal() async throws {
        let text = """
            {"d": "2024-01-31", "t": "2024-01-31", "z": "2024-01-31T10:00:00Z", "m": "2024-01-31T10:00:00Z", "s": "2024-01-31"}
            {"d": "1999-12-31", "t": "2024-01-31 10:00:00.5", "z": "2024-01-31T12:00:00+02:00", "m": "2024-01-31T10:00:00", "s": "soon"}
            """
        let (schema, rows, _) = try await JSONTestSupport.read(text)
        #expect(schema.fields.map(\.type) == [
            .date32, .timestamp(.microsecond, timeZone: nil), .timestamp(.microsecond, timeZone: "UTC"), .string, .string,
        ])
        let day = Int64(TemporalFormat.days(year: 2024, month: 1, day: 31)!)
        #expect(rows[1][1] == .timestamp((day * 86_400 + 36_000) * 1_000_000 + 500_000, .microsecond, timeZone: nil))
        #expect(rows[1][2] == .timestamp((day * 86_400 + 36_000) * 1_000_000, .microsecond, timeZone: "UTC"))
        let plain = try await JSONTestSupport.read(text, options: JSONReadOptions(inferTemporal: false))
        #expect(plain.schema.fields.allSatisfy { $0.type == .string })
    }

    @Test("integers beyond Int64 infer float64")
    func hugeIntegers() async throws {
        let (schema, rows, _) = try await JSONTestSupport.read(#"{"a": 9223372036854775807, "b": 9223372036854775808}"#)
        #expect(schema.fields.map(\.type) == [.int64, .float64])
        #expect(rows[0] == [.int(.max), .double(9_223_372_036_854_775_808)])
    }

    @Test("type overrides replace inferred types and add unseen fields")
    func overrides() async throws {
        let options = JSONReadOptions(columnTypes: [
            "price": .decimal128(precision: 10, scale: 2), "payload": .string, "later": .int32, "small": .int8,
        ])
        let (schema, rows, _) = try await JSONTestSupport.read(
            #"{"price": 12.5, "payload": {"k": [1, "x"]}, "small": "7"}"#,
            options: options
        )
        #expect(schema.fields.map(\.name) == ["price", "payload", "small", "later"])
        #expect(rows[0] == [.decimal(1250, scale: 2), .string(#"{"k":[1,"x"]}"#), .int(7), .null])
    }

    @Test("only sample lines are inferred from; an explicit schema skips inference")
    func sampleAndSchema() async throws {
        let text = "{\"a\": 1}\n{\"a\": 2, \"b\": true}\n"
        let sampled = try await JSONTestSupport.read(text, options: JSONReadOptions(sampleRows: 1))
        #expect(sampled.schema.fields.map(\.name) == ["a"])
        #expect(sampled.rows == [[.int(1)], [.int(2)]])
        let schema = Schema([Field("b", .boolean), Field("a", .float32)])
        let given = try await JSONTestSupport.read(text, options: JSONReadOptions(schema: schema))
        #expect(given.rows == [[.null, .float(1)], [.bool(true), .float(2)]])
    }
}
