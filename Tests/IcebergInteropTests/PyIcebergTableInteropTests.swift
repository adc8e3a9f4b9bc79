import Foundation
import LagoaColumnar
import LagoaCore
import LagoaIceberg
import LagoaObjectStore
import LagoaObjectStoreS3
import LagoaParquet
import LagoaTesting
import Testing

@Suite("Interop: PyIceberg SqlCatalog and Lagoa share tables", .enabled(if: IcebergPeer.isEnabled, IcebergPeer.disabledReason), .serialized)
struct PyIcebergTableInteropTests {
    static let fields = [Field("id", .int64), Field("day", .date32), Field("name", .string), Field("amount", .float64)]

    static func batch(_ rows: [(Int64, Int32, String?, Double?)]) -> RecordBatch {
        TestBatches.make(fields, [
            rows.map { .int($0.0) }, rows.map { .date($0.1) },
            rows.map { $0.2.map { .string($0) } ?? .null }, rows.map { $0.3.map { .double($0) } ?? .null },
        ])
    }

    /// Lagoa writes (appends, overwrite, copy-on-write delete, schema and partition evolution,
    /// position deletes); after every step PyIceberg's scan of the same catalog equals Lagoa's.
    @Test(arguments: IcebergPeer.Storage.allCases)
    func pyIcebergReadsLagoaTables(_ storage: IcebergPeer.Storage) async throws {
        let lake = try await IcebergPeer.Lake(storage)
        defer { lake.close() }
        let ns = try Namespace(["sales", "sor"])
        try await lake.catalog.createNamespace(ns, properties: ["owner": "sales"])
        var table = try await lake.catalog.createTable(
            TableIdentifier(namespace: ns, name: "orders"),
            schema: try IcebergSchema(fresh: Schema(Self.fields)),
            partitionBy: [("day", .identity)]
        )
        var step = 0
        func check(_ what: String) async throws {
            step += 1
            let expected = try await lake.writeScan(table, to: "step\(step)")
            let result = try await IcebergPeer.run(["check"] + lake.peerOptions + ["--table", "sales.sor.orders", "--expected", expected])
            #expect(result.status == 0, "after \(what): \(result.output)")
        }
        table = try await table.append(BatchList([Self.batch([(1, 20412, "a", 1.5), (2, 20412, nil, 2.5), (3, 20413, "ç", nil)])]))
        try await check("append")
        table = try await table.append(BatchList([Self.batch([(4, 20413, "d", .nan), (5, 20414, "e", -0.0)])]))
        try await check("second append")
        table = try await table.overwrite(BatchList([Self.batch([(6, 20412, "f", 6)])]), partition: ["day": "2025-11-20"])
        try await check("overwrite of a partition")
        table = try await table.delete(filter: try IcebergExpression(parsing: "id = 4 OR name = 'e'"))
        try await check("copy-on-write delete")
        table = try await table.updateSchema { u in
            u.renameColumn("name", to: "customer")
            u.addColumn("region", .string)
            u.updateColumnType("amount", to: .double)
        }
        table = try await table.updateSpec { u in u.addField("id", .bucket(4)) }
        let evolved = TestBatches.make(
            [Field("id", .int64), Field("day", .date32), Field("customer", .string), Field("amount", .float64), Field("region", .string)],
            [[.int(7), .int(8)], [.date(20415), .date(20415)], [.string("g"), .null], [.double(7), .double(8)], [.string("south"), .null]]
        )
        table = try await table.append(BatchList([evolved]))
        try await check("schema and partition evolution")

        // A position delete file (as Spark writes for merge-on-read) removing row 0 of one data file.
        let target = try await TableScan(table: table, filter: .compare("id", .equal, .integer(7))).planFiles()[0].file
        let deletePath = table.location + "/data/pos-delete-1.parquet"
        let deleteSchema = Schema([
            Field("file_path", .string, nullable: false, id: 2_147_483_546),
            Field("pos", .int64, nullable: false, id: 2_147_483_545),
        ])
        let sink = try await table.io.writer(deletePath)
        let writer = try ParquetFileWriter(sink: sink, schema: deleteSchema)
        try await writer.write(TestBatches.make(deleteSchema.fields, [[.string(target.filePath)], [.int(0)]]))
        _ = try await writer.close()
        let size = sink.position
        table = try await table.append(files: [DataFile(
            content: .positionDeletes, filePath: deletePath, specID: target.specID, partition: target.partition,
            recordCount: 1, fileSizeInBytes: size
        )])
        let ids = IcebergPeer.sortedRows(try await TableScan(table: table, columns: ["id"]).readAll())
        #expect(!ids.contains("7"))
        try await check("position delete")

        // pyarrow and DuckDB read every data file Lagoa wrote.
        let files = try await IcebergPeer.run(["files"] + lake.peerOptions + ["--table", "sales.sor.orders"])
        let planned = try await TableScan(table: table).planFiles()
        let total = planned.reduce(Int64(0)) { $0 + $1.file.recordCount }
        #expect(files.status == 0, "\(files.output)")
        #expect(files.output.contains("\"files\": \(planned.count), \"pyarrow_rows\": \(total), \"duckdb_rows\": \(total)"), "\(files.output)")
    }

    /// PyIceberg writes (appends, schema evolution, partition evolution, delete, overwrite); Lagoa
    /// reads every snapshot with the rows PyIceberg's own scan returned at that point.
    @Test(arguments: IcebergPeer.Storage.allCases)
    func lagoaReadsPyIcebergTables(_ storage: IcebergPeer.Storage) async throws {
        let lake = try await IcebergPeer.Lake(storage)
        defer { lake.close() }
        let expectedDir = lake.folder + "/expected"
        let result = try await IcebergPeer.run(["write"] + lake.peerOptions + ["--table", "py.events", "--expected-dir", expectedDir])
        try #require(result.status == 0, "\(result.output)")
        let table = try await lake.catalog.loadTable(TableIdentifier(parsing: "py.events"))
        let steps = result.output.split(separator: "\n").last.map(String.init) ?? ""
        var checked = 0
        for step in ["append1", "append2", "evolved", "deleted", "overwritten"] {
            guard let range = steps.range(of: "[\"\(step)\", ") else { continue }
            let id = Int64(steps[range.upperBound...].prefix { $0.isNumber })!
            let expected = try await ParquetFileReader(path: expectedDir + "/" + step + ".parquet").readAll()
            let actual = try await TableScan(table: table, selector: .id(id)).readAll()
            #expect(IcebergPeer.sortedRows(actual) == IcebergPeer.sortedRows(expected), "snapshot \(step)")
            checked += 1
        }
        #expect(checked == 5)
        #expect(table.metadata.schema.field(named: "customer") != nil)
    }
}
