import Foundation
import LagoaCSV
import LagoaColumnar
@testable import LagoaExecution
import LagoaFunctions
import LagoaIceberg
import LagoaObjectStore
import LagoaParquet
import LagoaPlanner
import LagoaTesting
import Testing

@Suite struct SourceTableTests {
    static let fields = [Field("id", .int64, nullable: false), Field("day", .date32), Field("name", .string)]

    static func batch(_ ids: Range<Int64>) -> RecordBatch {
        TestBatches.make(fields, [
            ids.map { .int($0) },
            ids.map { .date(Int32(100 + $0 % 3)) },
            ids.map { $0 % 4 == 0 ? .null : .string("n\($0)") },
        ])
    }

    /// Every row the source returns for the given columns and filters, over all partitions.
    static func scan(_ source: any TableSource, columns: [Int]? = nil, filters: [Expr] = [], output: [ColumnRef]? = nil, limit: Int? = nil) async throws -> (rows: [[Value]], plan: ScanPlan) {
        let columns = columns ?? Array(source.schema.fields.indices)
        let output = output ?? columns.map { ColumnRef(id: 100 + $0, name: source.schema.fields[$0].name, type: source.schema.fields[$0].type) }
        let plan = try await source.partitions(columns: columns, filters: filters, output: output, limit: limit)
        var rows: [[Value]] = []
        for p in plan.partitions {
            try await p.read { batch in
                for i in 0..<batch.rowCount { rows.append(batch.row(i)) }
            }
        }
        return (rows, plan)
    }

    static func ids(_ rows: [[Value]]) -> [Int64] {
        rows.compactMap { if case .int(let v) = $0[0] { return v } else { return nil } }.sorted()
    }

    static func compare(_ ref: ColumnRef, _ op: BinaryOperator, _ value: Value, _ type: DataType) -> Expr {
        .binary(op, .column(ref), .literal(value, type), signature: FunctionSignature(argumentTypes: [type, type], returnType: .boolean))
    }

    // MARK: Iceberg

    static func icebergTable() async throws -> Table {
        let store = InMemoryObjectStore(name: "wh")
        let catalog = Catalog(store: InMemoryCatalogStore(), io: FileIO(stores: [store]), warehouse: store.url)
        let ns = try Namespace(["sales"])
        try await catalog.createNamespace(ns)
        var table = try await catalog.createTable(
            TableIdentifier(namespace: ns, name: "orders"), schema: try IcebergSchema(fresh: Schema(fields)), partitionBy: [("day", .identity)]
        )
        table = try await table.append(BatchList([batch(0..<30)]))
        table = try await table.append(BatchList([batch(30..<36)]))
        return table
    }

    @Test("Iceberg source: schema, row estimate, projection and file pruning")
    func icebergScan() async throws {
        let table = try await Self.icebergTable()
        let source = try IcebergTableSource(table: table, name: "sales.orders")
        #expect(source.schema.fields.map(\.name) == ["id", "day", "name"])
        #expect(source.estimatedRowCount == 36)
        #expect(source.displayName.hasPrefix("sales.orders@snapshot "))
        let all = try await Self.scan(source)
        #expect(Self.ids(all.rows) == Array(0..<36))
        #expect(all.plan.partitions.count == 6)
        #expect(all.plan.pruningSummary?.hasPrefix("files 6 of 6") == true)

        // Projection keeps the requested order.
        let projected = try await Self.scan(source, columns: [2, 0])
        #expect(projected.rows.first?.count == 2)
        #expect(projected.rows.contains { $0 == [.string("n1"), .int(1)] })

        // day = 101 keeps the two files of that partition.
        let day = ColumnRef(id: 7, name: "day", type: .date32)
        let id = ColumnRef(id: 8, name: "id", type: .int64)
        let filtered = try await Self.scan(
            source, columns: [0, 1], filters: [Self.compare(day, .equal, .date(101), .date32)],
            output: [id, day]
        )
        #expect(filtered.plan.partitions.count == 2)
        #expect(filtered.plan.pruningSummary?.hasPrefix("files 2 of 6") == true)
        let expectedIDs: [Int64] = (0..<36).filter { $0 % 3 == 1 }
        #expect(Self.ids(filtered.rows) == expectedIDs)
    }

    @Test("Iceberg source: row groups whose statistics rule out the filter are skipped inside a file")
    func icebergRowGroupPruning() async throws {
        let store = InMemoryObjectStore(name: "wh")
        let catalog = Catalog(store: InMemoryCatalogStore(), io: FileIO(stores: [store]), warehouse: store.url)
        let ns = try Namespace(["sales"])
        try await catalog.createNamespace(ns)
        // A tiny row group size: the writer closes a row group after every batch or so.
        var table = try await catalog.createTable(
            TableIdentifier(namespace: ns, name: "events"), schema: try IcebergSchema(fresh: Schema(Self.fields)),
            properties: ["write.parquet.row-group-size-bytes": "64"]
        )
        table = try await table.append(BatchList([Self.batch(0..<10), Self.batch(10..<20), Self.batch(20..<30), Self.batch(30..<40)]))
        let source = try IcebergTableSource(table: table, name: "sales.events", targetPartitions: 2)
        let all = try await Self.scan(source)
        #expect(Self.ids(all.rows) == Array(0..<40))
        let id = ColumnRef(id: 8, name: "id", type: .int64)
        let name = ColumnRef(id: 9, name: "name", type: .string)
        let filtered = try await Self.scan(source, columns: [0, 2], filters: [Self.compare(id, .greaterOrEqual, .int(33), .int64)], output: [id, name])
        // The scan returns whole row groups; the executor applies the filter exactly.
        #expect(Self.ids(filtered.rows).allSatisfy { $0 >= 20 })
        #expect(Self.ids(filtered.rows).filter { $0 >= 33 } == Array(33..<40))
        let summary = try #require(filtered.plan.pruningSummary)
        #expect(summary.contains("row groups"))
        #expect(!summary.contains("row groups 0 of"))
        let counts = summary.split(separator: "row groups ")[1].split(separator: " ")
        let kept = try #require(Int(counts[0])), total = try #require(Int(String(counts[2].filter(\.isNumber))))
        #expect(total >= 4)
        #expect(kept < total)
    }

    @Test("Iceberg source: time travel reads an older snapshot")
    func icebergTimeTravel() async throws {
        let table = try await Self.icebergTable()
        let first = table.metadata.snapshots.sorted { $0.sequenceNumber < $1.sequenceNumber }[0].snapshotID
        let source = try IcebergTableSource(table: table, selector: .id(first), name: "orders")
        #expect(Self.ids(try await Self.scan(source).rows) == Array(0..<30))
    }

    @Test("Iceberg ScanReader reads runs of row groups, clamped to the file's")
    func icebergRowGroupRuns() async throws {
        let table = try await Self.icebergTable()
        let scan = try TableScan(table: table)
        let task = try await scan.planFiles()[0]
        let reader = try ScanReader(scan: scan)
        var all = 0
        try await reader.read(task, rowGroups: 0..<Int.max) { all += $0.rowCount }
        #expect(Int64(all) == task.file.recordCount)
        var none = 0
        try await reader.read(task, rowGroups: 1..<Int.max) { none += $0.rowCount }
        #expect(none == 0)
        #expect(task.file.splitOffsets?.count == 1)
    }

    // MARK: Files

    static func writeParquet(_ path: String, _ batches: [RecordBatch], rowsPerGroup: Int) async throws {
        let writer = try ParquetFileWriter(path: path, schema: batches[0].schema, options: ParquetWriteOptions(maxRowsPerRowGroup: rowsPerGroup))
        for b in batches { try await writer.write(b) }
        _ = try await writer.close()
    }

    @Test("Parquet glob: schema, row-group partitions and min/max pruning")
    func parquetGlob() async throws {
        let dir = TestPaths.temporaryDirectory(prefix: "lagoa-exec2-parquet")
        defer { TestPaths.remove(dir) }
        try FileManager.default.createDirectory(atPath: dir + "/sub", withIntermediateDirectories: true)
        try await Self.writeParquet(dir + "/a.parquet", [Self.batch(0..<1000)], rowsPerGroup: 250)
        try await Self.writeParquet(dir + "/sub/b.parquet", [Self.batch(1000..<1100)], rowsPerGroup: 100)
        try "not parquet".write(toFile: dir + "/notes.txt", atomically: true, encoding: .utf8)

        let top = try await FileTableSource.local(dir + "/*.parquet")
        #expect(top.files.count == 1)
        #expect(top.schema.fields.map(\.name) == ["id", "day", "name"])
        let all = try await FileTableSource.local(dir + "/**/*.parquet", targetPartitions: 4)
        #expect(all.files.count == 2)
        let scanned = try await Self.scan(all)
        #expect(Self.ids(scanned.rows) == Array(0..<1100))
        #expect(scanned.plan.partitions.count >= 3)

        let id = ColumnRef(id: 1, name: "id", type: .int64)
        let pruned = try await Self.scan(all, columns: [0], filters: [Self.compare(id, .greaterOrEqual, .int(900), .int64)], output: [id])
        #expect(pruned.plan.pruningSummary == "files 2 of 2, row groups 2 of 5")
        #expect(Self.ids(pruned.rows).filter { $0 >= 900 } == Array(900..<1100))
    }

    @Test("CSV and JSON (lines and arrays) globs")
    func textFormats() async throws {
        let dir = TestPaths.temporaryDirectory(prefix: "lagoa-exec2-text")
        defer { TestPaths.remove(dir) }
        try "a;b\n1;x\n2;\n".write(toFile: dir + "/one.csv", atomically: true, encoding: .utf8)
        try "a;b\n3;z\n".write(toFile: dir + "/two.csv", atomically: true, encoding: .utf8)
        let csv = try await FileTableSource.local(dir + "/*.csv", format: .csv(.init(delimiter: ";")))
        #expect(csv.schema.fields.map(\.name) == ["a", "b"])
        let rows = try await Self.scan(csv).rows
        #expect(rows == [[.int(1), .string("x")], [.int(2), .null], [.int(3), .string("z")]])

        try "{\"k\": 1, \"s\": \"a\"}\n{\"k\": 2}\n".write(toFile: dir + "/l.jsonl", atomically: true, encoding: .utf8)
        try "[{\"k\": 3, \"s\": \"c,]\"},\n {\"k\": 4, \"s\": null}]".write(toFile: dir + "/m.json", atomically: true, encoding: .utf8)
        let json = try await FileTableSource.local(dir + "/[lm].json*", format: .json)
        let jsonRows = try await Self.scan(json, columns: [1, 0]).rows
        #expect(jsonRows == [[.string("a"), .int(1)], [.null, .int(2)], [.string("c,]"), .int(3)], [.null, .int(4)]])
    }

    @Test("a pattern matching nothing names the pattern")
    func noMatch() async throws {
        let dir = TestPaths.temporaryDirectory(prefix: "lagoa-exec2-none")
        defer { TestPaths.remove(dir) }
        await #expect {
            _ = try await FileTableSource.local(dir + "/*.parquet")
        } throws: { error in
            (error as? ExecutionError)?.message.contains("no file matches '\(dir)/*.parquet'") == true
        }
        await #expect(throws: ExecutionError.self) {
            _ = try await FileTableSource.local(dir + "/missing/*.csv")
        }
    }

    @Test("a file that is not Parquet is named in the error")
    func unreadable() async throws {
        let dir = TestPaths.temporaryDirectory(prefix: "lagoa-exec2-bad")
        defer { TestPaths.remove(dir) }
        try "garbage".write(toFile: dir + "/x.parquet", atomically: true, encoding: .utf8)
        await #expect {
            _ = try await FileTableSource.local(dir + "/x.parquet")
        } throws: { error in
            (error as? ExecutionError)?.message.contains("x.parquet as Parquet") == true
        }
    }

    @Test("glob patterns", arguments: [
        ("*.parquet", "a.parquet", true), ("*.parquet", "d/a.parquet", false), ("**/*.parquet", "a.parquet", true),
        ("**/*.parquet", "d/e/a.parquet", true), ("d/?.csv", "d/x.csv", true), ("d/?.csv", "d/xy.csv", false),
        ("[ab]*.json", "b1.json", true), ("[!ab]*.json", "b1.json", false), ("x[0-9].csv", "x7.csv", true),
    ])
    func glob(_ pattern: String, _ path: String, _ expected: Bool) {
        #expect(GlobPattern(pattern).matches(path) == expected)
    }
}
