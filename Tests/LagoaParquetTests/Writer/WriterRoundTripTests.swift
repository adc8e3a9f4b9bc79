import LagoaColumnar
import LagoaCore
import LagoaTesting
import Testing

@testable import LagoaParquet

@Suite("Parquet writer round trips")
struct WriterRoundTripTests {
    typealias Support = WriterTestSupport

    @Test("every primitive type, with nulls, survives a round trip")
    func primitives() async throws {
        try await Support.roundTrip([WriterSampleData.primitiveBatch(rows: 100)])
    }

    @Test("columns without nulls and non-nullable columns round trip")
    func noNulls() async throws {
        let nullable = WriterSampleData.primitiveBatch(rows: 60) { _ in false }
        try await Support.roundTrip([nullable])
        let required = WriterSampleData.primitiveFields.map { field in
            var f = field
            f.nullable = false
            return (f, WriterSampleData.values(f.type, count: 60) { _ in false })
        }
        try await Support.roundTrip([Support.batch(required)])
    }

    @Test("a column that is entirely null round trips")
    func allNull() async throws {
        try await Support.roundTrip([WriterSampleData.primitiveBatch(rows: 30) { _ in true }])
    }

    @Test("decimals of every precision, negative values included", arguments: 1...38)
    func decimals(precision: Int) async throws {
        let scales = [0, precision / 2, precision]
        let fields = scales.map { Field("d\($0)", .decimal128(precision: precision, scale: $0)) }
        let batch = Support.batch(fields.map { ($0, WriterSampleData.values($0.type, count: 40)) })
        let written = try await Support.roundTrip([batch])
        let leaf = written.footer.schema[1]
        #expect(leaf.type == .fixedLenByteArray)
        #expect(Int(leaf.typeLength ?? 0) == ArrowSchemaConverter.decimalByteWidth(precision: precision))
    }

    @Test("extremes: uint64 max, int8 min, int64 min survive")
    func extremes() async throws {
        let batch = Support.batch([
            (Field("u64", .uint64), [.uint(UInt64.max), .uint(0), .uint(UInt64.max - 1)]),
            (Field("i8", .int8), [.int(Int64(Int8.min)), .int(Int64(Int8.max)), .int(0)]),
            (Field("i64", .int64), [.int(Int64.min), .int(Int64.max), .int(-1)]),
        ])
        try await Support.roundTrip([batch])
        try await Support.roundTrip([batch], options: ParquetWriteOptions(dictionary: false, deltaEncodings: true))
    }

    @Test("nested list<struct<list<int>, map<string,int>>> with nulls and empties at every level")
    func nested() async throws {
        let field = Field("nested", WriterSampleData.nestedType)
        let values = (0..<120).map(WriterSampleData.nestedValue(row:))
        let batch = Support.batch([(Field("id", .int64, nullable: false), (0..<120).map { .int(Int64($0)) }), (field, values)])
        try await Support.roundTrip([batch])
        try await Support.roundTrip([batch], options: ParquetWriteOptions(maxRowsPerRowGroup: 17, maxRowsPerPage: 3, dataPageVersion: .v2))
    }

    @Test("structs with null parents and required children round trip")
    func structs() async throws {
        let type = DataType.struct([
            Field("a", .int32, nullable: false),
            Field("b", .struct([Field("c", .string), Field("d", .list(Field("element", .boolean)))])),
        ])
        let values: [Value] = (0..<50).map { row in
            switch row % 4 {
            case 0: .null
            case 1: .struct([.int(Int64(row)), .null])
            case 2: .struct([.int(-1), .struct([.null, .list([.bool(true), .null])])])
            default: .struct([.int(7), .struct([.string("s\(row)"), .null])])
            }
        }
        try await Support.roundTrip([Support.batch([(Field("s", type), values)])])
    }

    @Test("a slice of a batch writes only its rows")
    func slices() async throws {
        let full = WriterSampleData.primitiveBatch(rows: 40)
        let nested = Support.batch([(Field("n", WriterSampleData.nestedType), (0..<40).map(WriterSampleData.nestedValue(row:)))])
        try await Support.roundTrip([full.slice(3, 10)])
        try await Support.roundTrip([nested.slice(3, 10)])
        try await Support.roundTrip([full.slice(5, 7), full.slice(20, 13)], options: ParquetWriteOptions(maxRowsPerRowGroup: 9))
    }

    @Test("several batches per row group and several row groups")
    func rowGroups() async throws {
        let batches = (0..<5).map { k in WriterSampleData.primitiveBatch(rows: 23).slice(k, 23 - k) }
        let written = try await Support.roundTrip(batches, options: ParquetWriteOptions(maxRowsPerRowGroup: 30))
        let total = batches.reduce(0) { $0 + $1.rowCount }
        #expect(written.footer.numRows == Int64(total))
        #expect(written.footer.rowGroups.map(\.numRows) == [30, 30, 30, 15])
        #expect(written.footer.rowGroups.map(\.ordinal) == [0, 1, 2, 3])
        let byBytes = try await Support.roundTrip(batches, options: ParquetWriteOptions(maxRowGroupBytes: 2_000))
        #expect(byBytes.footer.rowGroups.count > 1)
    }

    @Test("tiny pages: many pages per chunk")
    func tinyPages() async throws {
        let batch = WriterSampleData.primitiveBatch(rows: 300)
        let options = ParquetWriteOptions(pageSize: 64, maxRowsPerPage: 1_000)
        let written = try await Support.roundTrip([batch], options: options)
        let headers = try Support.pageHeaders(written, group: 0, column: 24)
        #expect(headers.filter { $0.type == .dataPage }.count > 10)
        try await Support.roundTrip([batch], options: ParquetWriteOptions(maxRowsPerPage: 7, dataPageVersion: .v2))
    }

    @Test("an empty table writes a valid file without row groups")
    func empty() async throws {
        let schema = Schema(WriterSampleData.primitiveFields)
        let written = try await Support.write([], schema: schema)
        #expect(written.footer.rowGroups.isEmpty)
        #expect(written.footer.numRows == 0)
        let reader = try await Support.reader(written)
        #expect(reader.rowCount == 0)
        #expect(try await reader.readAll().reduce(0) { $0 + $1.rowCount } == 0)
        #expect(reader.schema.arrowSchema.fields.map(\.type) == schema.fields.map(\.type))
    }

    @Test("footer carries metadata, created_by and a TYPE_ORDER per leaf")
    func footer() async throws {
        let batch = Support.batch([(Field("a", .int32), [.int(1)])], metadata: ["origin": "schema", "both": "schema"])
        let options = ParquetWriteOptions(keyValueMetadata: ["both": "options"], createdBy: "lagoa test")
        let written = try await Support.write([batch], options: options)
        let reader = try await Support.reader(written)
        #expect(reader.keyValueMetadata == ["origin": "schema", "both": "options"])
        #expect(reader.metadata.createdBy == "lagoa test")
        #expect(reader.metadata.columnOrders == [.typeOrder])
        #expect(reader.metadata.version == 2)
    }

    @Test("a file written to a path appears atomically on close")
    func localFile() async throws {
        let folder = TestPaths.temporaryDirectory(prefix: "lagoa-writer")
        defer { TestPaths.remove(folder) }
        let path = folder + "/x.parquet"
        let batch = WriterSampleData.primitiveBatch(rows: 10)
        let writer = try ParquetFileWriter(path: path, schema: batch.schema)
        try await writer.write(batch)
        #expect((try? await ParquetFileReader(path: path)) == nil)
        _ = try await writer.close()
        let read = try await ParquetFileReader(path: path).readAll()
        #expect(BatchComparison.difference(expected: [batch], actual: read) == nil)
    }
}
