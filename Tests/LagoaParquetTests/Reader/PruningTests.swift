import LagoaColumnar
import LagoaCore
@testable import LagoaParquet
import LagoaTesting
import Testing

@Suite("Row-group and page pruning")
struct PruningTests {
    /// 10,000 rows of ascending ids in row groups of 4,000 and pages of 500 rows.
    static func file() async throws -> InMemorySource {
        let ids = ColumnBuilder(.int64)
        let names = ColumnBuilder(.string)
        for i in 0..<10_000 {
            ids.append(.int(Int64(i)))
            names.append(i % 10 == 0 ? .null : .string("n\(i)"))
        }
        let schema = Schema([Field("id", .int64, nullable: false), Field("name", .string)])
        var options = ParquetWriteOptions()
        options.maxRowsPerRowGroup = 4_000
        options.maxRowsPerPage = 500
        let sink = MemorySink()
        let writer = try ParquetFileWriter(sink: sink, schema: schema, options: options)
        try await writer.write(RecordBatch(schema: schema, columns: [ids.finish(), names.finish()]))
        _ = try await writer.close()
        return InMemorySource(name: "pruning.parquet", bytes: sink.bytes)
    }

    static func ids(_ batches: [RecordBatch]) -> [Int64] {
        batches.flatMap { b in b.columns[0].values(as: Int64.self).map { $0 } }
    }

    @Test("statistics skip row groups, the page index skips pages; matching rows are all kept")
    func pruning() async throws {
        let reader = try await ParquetFileReader(source: try await Self.file())
        #expect(reader.metadata.rowGroups.count == 3)
        let filter = ParquetFilter.and([
            .compare(column: "id", .greaterOrEqual, .int(4_100)),
            .compare(column: "id", .less, .int(4_700)),
        ])
        let batches = try await reader.readAll(ParquetReadOptions(filter: filter))
        let ids = Self.ids(batches)
        // Only row group 1 can match, and only its pages [4000, 4500) and [4500, 5000).
        #expect(ids == Array(4_000..<5_000))
        #expect(batches.flatMap { b in (0..<b.rowCount).map { b.columns[1].value(at: $0) } }.first == .null)
        #expect(batches.first?.columns[1].value(at: 1) == .string("n4001"))
    }

    @Test("an OR of two ranges reads both, nothing between")
    func disjunction() async throws {
        let reader = try await ParquetFileReader(source: try await Self.file())
        let filter = ParquetFilter.or([
            .compare(column: "id", .equal, .int(10)),
            .compare(column: "id", .greater, .int(9_800)),
        ])
        let ids = Self.ids(try await reader.readAll(ParquetReadOptions(filter: filter)))
        #expect(ids == Array(0..<500) + Array(9_500..<10_000))
    }

    @Test("a filter no row can match reads nothing; an unknown column prunes nothing")
    func edges() async throws {
        let reader = try await ParquetFileReader(source: try await Self.file())
        let none = try await reader.readAll(ParquetReadOptions(filter: .compare(column: "id", .greater, .int(1_000_000))))
        #expect(none.reduce(0) { $0 + $1.rowCount } == 0)
        let all = try await reader.readAll(ParquetReadOptions(filter: .compare(column: "zzz", .equal, .int(1))))
        #expect(all.reduce(0) { $0 + $1.rowCount } == 10_000)
    }
}
