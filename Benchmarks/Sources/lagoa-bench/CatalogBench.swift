import LagoaCatalogSQL
import LagoaColumnar
import LagoaIceberg
import LagoaObjectStore

/// `lagoa-bench catalog DIR [--appends N] [--rows R]`: N sequential appends of R rows each to one
/// table of a SQLite catalog in DIR (a fresh folder), then a full scan. Prints one JSON line.
func runCatalogBench(_ args: [String]) async throws {
    guard args.count >= 2 else { fail("usage: lagoa-bench catalog DIR [--appends N] [--rows R]") }
    let dir = args[1]
    let appends = option("--appends", args).flatMap(Int.init) ?? 200
    let rowsPerAppend = option("--rows", args).flatMap(Int.init) ?? 1000
    let objects = try LocalFileSystemStore(root: dir + "/warehouse")
    let store = try SQLiteCatalogStore(path: dir + "/catalog.db")
    let catalog = Catalog(store: store, io: FileIO(stores: [objects]), warehouse: objects.url)
    let ns = try Namespace(["bench"])
    try await catalog.createNamespace(ns)
    let fields = [Field("id", .int64), Field("name", .string), Field("amount", .float64)]
    var table = try await catalog.createTable(
        TableIdentifier(namespace: ns, name: "appends"),
        schema: try IcebergSchema(fresh: Schema(fields))
    )
    var commitSeconds = 0.0
    let start = now()
    for k in 0..<appends {
        let ids = ColumnBuilder(.int64)
        let names = ColumnBuilder(.string)
        let amounts = ColumnBuilder(.float64)
        for i in 0..<rowsPerAppend {
            ids.append(.int(Int64(k * rowsPerAppend + i)))
            names.append(.string("customer-\(i % 97)"))
            amounts.append(.double(Double(i) * 0.25))
        }
        let batch = RecordBatch(schema: Schema(fields), columns: [ids.finish(), names.finish(), amounts.finish()])
        let t0 = now()
        table = try await table.append(BatchList([batch]))
        commitSeconds += now() - t0
    }
    let total = now() - start
    let scanStart = now()
    var scanned = 0
    for try await batch in try TableScan(table: try await catalog.loadTable(table.identifier)).batches() {
        scanned += batch.rowCount
    }
    let scanSeconds = now() - scanStart
    print("{\"op\":\"catalog\",\"appends\":\(appends),\"rows\":\(scanned),\"append_seconds\":\(commitSeconds),\"total_seconds\":\(total),\"commits_per_second\":\(Double(appends) / commitSeconds),\"scan_seconds\":\(scanSeconds)}")
}
