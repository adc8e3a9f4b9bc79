import LagoaCatalogSQL
import LagoaColumnar
import LagoaIceberg
import LagoaObjectStore
import LagoaObjectStoreS3
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
    static func run(_ arguments: [String]) async throws -> (status: Int32, output: String) {
        try await Subprocess.runDetached(python, [script] + arguments)
    }

    /// Where a test's tables live.
    enum Storage: String, Sendable, CaseIterable, CustomTestStringConvertible {
        case local, s3
        var testDescription: String { rawValue }
    }

    /// A warehouse (local folder or a bucket on moto) with a SQLite catalog that both Lagoa and
    /// PyIceberg open.
    final class Lake: @unchecked Sendable {
        let folder: String
        let catalog: Catalog
        let warehouse: String
        let moto: MotoServer?

        init(_ storage: Storage) async throws {
            folder = TestPaths.temporaryDirectory(prefix: "lagoa-iceberg-interop")
            let store = try SQLiteCatalogStore(path: folder + "/catalog.db")
            let objects: any ObjectStore
            switch storage {
            case .local:
                objects = try LocalFileSystemStore(root: folder + "/warehouse")
                moto = nil
            case .s3:
                let server = try await MotoServer.start(python: IcebergPeer.python)
                let s3 = S3ObjectStore(bucket: "lake", prefix: "warehouse", configuration: S3Configuration(
                    region: "us-east-1",
                    endpoint: try S3Endpoint(server.endpoint),
                    credentials: S3Credentials(accessKeyID: "test", secretAccessKey: "test")
                ))
                try await s3.createBucket()
                objects = s3
                moto = server
            }
            warehouse = objects.url
            catalog = Catalog(store: store, io: FileIO(stores: [objects]), warehouse: objects.url)
        }

        func close() {
            moto?.stop()
            TestPaths.remove(folder)
        }

        var uri: String { "sqlite:///" + folder + "/catalog.db" }

        /// The peer's catalog options.
        var peerOptions: [String] {
            ["--uri", uri, "--warehouse", warehouse] + (moto.map { ["--s3-endpoint", $0.endpoint] } ?? [])
        }

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
