import Foundation
import LagoaColumnar
import LagoaConnectorFiles
import LagoaIceberg
import LagoaIngest
import LagoaObjectStore
import LagoaTesting
import Logging
import Testing

/// A folder of CSV and JSON lines files ingested as tables.
@Suite struct FilesSourceTests {
    @Test func filesAndFoldersBecomeTablesAndIncrementalSkipsOldRows() async throws {
        let folder = TestPaths.temporaryDirectory(prefix: "lagoa-files")
        defer { TestPaths.remove(folder) }
        try "id,name,price\n1,Milho,10.5\n2,Soja,\n".write(toFile: folder + "/Crops.csv", atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: folder + "/readings", withIntermediateDirectories: true)
        try "{\"id\": 1, \"temp\": 20.5}\n{\"id\": 2, \"temp\": 21}\n".write(toFile: folder + "/readings/2026-11-19.jsonl", atomically: true, encoding: .utf8)
        try "{\"id\": 3, \"temp\": 19.25}\n".write(toFile: folder + "/readings/2026-11-20.jsonl", atomically: true, encoding: .utf8)
        try "ignored".write(toFile: folder + "/notes.txt", atomically: true, encoding: .utf8)

        let source = FilesSource(folder: folder)
        #expect(try source.listTables(schema: nil).map(\.name) == ["crops", "readings"])
        #expect(try source.describe(SourceTableName(name: "crops")).columns.map(\.type) == [.int64, .string, .float64])

        let store = InMemoryObjectStore(name: "wh")
        let catalog = Catalog(store: InMemoryCatalogStore(), io: FileIO(stores: [store]), warehouse: store.url)
        let runner = IngestRunner(catalog: catalog, logger: Logger(label: "test"))
        let tables = [TablePlan(source: .init(name: "crops")), TablePlan(source: .init(name: "readings"), mode: .incremental(cursor: "id", lookback: nil))]
        let first = await runner.run(IngestPlan(sourceName: "drop", source: source, domain: "agronomy", tables: tables, date: try ExecutionDate(parsing: "2026-11-20"), runID: "a"))
        #expect(first.tables.map(\.rows) == [2, 3], "\(first.tables.map { $0.error?.message ?? "" })")
        try "{\"id\": 4, \"temp\": 18}\n".write(toFile: folder + "/readings/2026-11-21.jsonl", atomically: true, encoding: .utf8)
        let second = await runner.run(IngestPlan(sourceName: "drop", source: source, domain: "agronomy", tables: tables, date: try ExecutionDate(parsing: "2026-11-21"), runID: "b"))
        #expect(second.tables.map(\.rows) == [2, 1])
        let readings = try await catalog.loadTable(try TableIdentifier(parsing: "agronomy.sor.readings"))
        #expect(BatchComparison.rows(try await TableScan(table: readings).readAll()).count == 4)

        // Types come from the first file; a later file whose values do not fit fails its table.
        try "{\"id\": 5, \"temp\": \"hot\"}\n".write(toFile: folder + "/readings/2026-11-22.jsonl", atomically: true, encoding: .utf8)
        let bad = await runner.run(IngestPlan(sourceName: "drop", source: source, domain: "agronomy", tables: [tables[1]], date: try ExecutionDate(parsing: "2026-11-22"), runID: "c"))
        #expect(bad.tables[0].status == .failed)
        #expect(bad.tables[0].error?.message.hasPrefix("cannot read \(folder)/readings/2026-11-22.jsonl") == true, "\(bad.tables[0].error?.message ?? "")")
    }
}
