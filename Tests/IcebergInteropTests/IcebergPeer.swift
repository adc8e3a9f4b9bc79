import LagoaCatalogSQL
import LagoaColumnar
import LagoaIceberg
import LagoaObjectStore
import LagoaParquet
import LagoaTesting
import Testing

/// PyIceberg (scripts/interop/iceberg_peer.py) as the oracle for Lagoa's tables.
enum IcebergPeer {
    static var isEnabled: Bool { TestPaths.environment("LAGOA_INTEGRATION") == "1" }
    static let disabledReason: Comment = "set LAGOA_INTEGRATION=1 (make test does) to run the PyIceberg interop tests"

    static var python: String {
        TestPaths.environment("LAGOA_PYTHON") ?? TestPaths.repositoryRoot() + "/.venv/bin/python"
    }

    static var script: String { TestPaths.repositoryRoot() + "/scripts/interop/iceberg_peer.py" }

    /// Runs the peer; returns its output, or records a failure with it.
    static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        try Subprocess.run(python, [script] + arguments)
    }

    /// A warehouse folder with a SQLite catalog that both Lagoa and PyIceberg open.
    struct Lake {
        let folder: String
        let catalog: Catalog

        init() throws {
            folder = TestPaths.temporaryDirectory(prefix: "lagoa-iceberg-interop")
            let objects = try LocalFileSystemStore(root: folder + "/warehouse")
            let store = try SQLiteCatalogStore(path: folder + "/catalog.db")
            catalog = Catalog(store: store, io: FileIO(stores: [objects]), warehouse: objects.url)
        }

        var uri: String { "sqlite:///" + folder + "/catalog.db" }
        var warehouse: String { "file://" + folder + "/warehouse" }

        /// Writes Lagoa's scan of `table` to a Parquet file for the peer to compare with.
        func writeScan(_ table: Table, to name: String) async throws -> String {
            let path = folder + "/" + name + ".parquet"
            let scan = try TableScan(table: table)
            let writer = try ParquetFileWriter(path: path, schema: scan.schema)
            for try await batch in scan.batches() { try await writer.write(batch) }
            _ = try await writer.close()
            return path
        }
    }

    /// Rows as sorted text, for order-free comparison.
    static func sortedRows(_ batches: [RecordBatch]) -> [String] {
        BatchComparison.rows(batches).map { $0.map(\.description).joined(separator: "|") }.sorted()
    }
}
