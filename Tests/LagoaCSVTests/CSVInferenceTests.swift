import LagoaColumnar
import Testing

@testable import LagoaCSV

@Suite("CSV schema inference")
struct CSVInferenceTests {
    @Test("chooses the narrowest type per column")
    func narrowestTypes() async throws {
        let text = """
            b,i,f,d,ts,tsz,s,n
            true,1,1.5,2024-01-31,2024-01-31 10:00:00,2024-01-31T10:00:00Z,x,
            FALSE,-2,3,2023-12-01,2024-01-31T10:00:00.123456,2024-01-31T12:00:00+02:00,y,
            ,,inf,,,,,

            """
        let (schema, rows, _) = try await CSVTestSupport.read(text)
        #expect(schema.fields.map(\.type) == [
            .boolean, .int64, .float64, .date32, .timestamp(.microsecond, timeZone: nil),
            .timestamp(.microsecond, timeZone: "UTC"), .string, .string,
        ])
        #expect(schema.fields.allSatisfy { $0.nullable })
        let day = Int64(TemporalFormat.days(year: 2024, month: 1, day: 31)!)
        let tenAM = (day * 86_400 + 36_000) * 1_000_000
        #expect(rows[0] == [
            .bool(true), .int(1), .double(1.5), .date(Int32(day)), .timestamp(tenAM, .microsecond, timeZone: nil),
            .timestamp(tenAM, .microsecond, timeZone: "UTC"), .string("x"), .null,
        ])
        #expect(rows[1][4] == .timestamp(tenAM + 123_456, .microsecond, timeZone: nil))
        #expect(rows[1][5] == .timestamp(tenAM, .microsecond, timeZone: "UTC"))
        #expect(rows[2] == [.null, .null, .double(.infinity), .null, .null, .null, .null, .null])
    }

    @Test("widens int to float and dates to timestamps; mixed zones and mixed kinds become strings")
    func widening() async throws {
        let text = "a,b,c,d,e\n1,2024-01-01,2024-01-01T00:00:00Z,1,nan\n2.5,2024-01-02T03:04:05,2024-01-01T00:00:00,true,NaN\n"
        let (schema, rows, _) = try await CSVTestSupport.read(text)
        #expect(schema.fields.map(\.type) == [.float64, .timestamp(.microsecond, timeZone: nil), .string, .string, .float64])
        #expect(rows[0][0] == .double(1))
        #expect(rows[1][3] == .string("true"))
    }

    @Test("integers beyond Int64 infer float64")
    func hugeIntegers() async throws {
        let (schema, rows, _) = try await CSVTestSupport.read("a,b\n9223372036854775807,9223372036854775808\n")
        #expect(schema.fields.map(\.type) == [.int64, .float64])
        #expect(rows[0] == [.int(.max), .double(9_223_372_036_854_775_808)])
    }

    @Test("names empty and repeated header cells")
    func headerNames() async throws {
        let (schema, _, _) = try await CSVTestSupport.read("a,,a,b,a\n1,2,3,4,5\n")
        #expect(schema.fields.map(\.name) == ["a", "column2", "a_1", "b", "a_2"])
    }

    @Test("without a header columns are column1…N")
    func noHeader() async throws {
        var options = CSVReadOptions()
        options.hasHeader = false
        let (schema, rows, _) = try await CSVTestSupport.read("1,x\n2,y\n", options: options)
        #expect(schema.fields.map(\.name) == ["column1", "column2"])
        #expect(rows == [[.int(1), .string("x")], [.int(2), .string("y")]])
    }

    @Test("only sample rows are inferred from; later rows must parse")
    func sampleLimit() async throws {
        var options = CSVReadOptions()
        options.sampleRows = 2
        let (schema, rows, _) = try await CSVTestSupport.read("a\n1\n2\n3\n", options: options)
        #expect(schema.fields[0].type == .int64)
        #expect(rows.count == 3)
    }

    @Test("type overrides replace inferred types")
    func overrides() async throws {
        var options = CSVReadOptions()
        options.columnTypes = [
            "zip": .string, "price": .decimal128(precision: 10, scale: 2), "n": .int16, "t": .time64(.millisecond),
        ]
        let (schema, rows, _) = try await CSVTestSupport.read("zip,price,n,t\n00123,12.5,-7,12:30:15.25\n", options: options)
        #expect(schema.fields.map(\.type) == [.string, .decimal128(precision: 10, scale: 2), .int16, .time64(.millisecond)])
        #expect(rows[0] == [.string("00123"), .decimal(1250, scale: 2), .int(-7), .time(45_015_250, .millisecond)])
    }

    @Test("an explicit schema skips inference")
    func explicitSchema() async throws {
        var options = CSVReadOptions()
        options.schema = Schema([Field("x", .int32), Field("y", .string)])
        let (schema, rows, _) = try await CSVTestSupport.read("a,b\n1,2\n", options: options)
        #expect(schema.fields.map(\.name) == ["x", "y"])
        #expect(rows[0] == [.int(1), .string("2")])
    }

    @Test("custom null strings; quoted fields stay text")
    func nullStrings() async throws {
        var options = CSVReadOptions()
        options.nullStrings = ["", "NULL", "\\N"]
        let (schema, rows, _) = try await CSVTestSupport.read("a,s\n1,NULL\n\\N,\"NULL\"\n,\"\"\n", options: options)
        #expect(schema.fields.map(\.type) == [.int64, .string])
        #expect(rows == [[.int(1), .null], [.null, .string("NULL")], [.null, .string("")]])
    }

    @Test("an empty file has no columns; a header-only file has string columns and no rows")
    func emptyInputs() async throws {
        let empty = try await CSVTestSupport.read("")
        #expect(empty.schema.fields.isEmpty && empty.rows.isEmpty)
        let headerOnly = try await CSVTestSupport.read("a,b\n")
        #expect(headerOnly.schema.fields.map(\.type) == [.string, .string])
        #expect(headerOnly.rows.isEmpty)
    }
}
