import Foundation
import LagoaCatalogSQL
import LagoaEngine
import LagoaIceberg
import LagoaObjectStore

#if canImport(Glibc)
import Glibc
#endif

/// `lagoa-bench tpch load DATA WAREHOUSE [--threads N]`: creates the 8 TPC-H tables in a new
/// warehouse (SQLite catalog inside it) with `CREATE TABLE … AS SELECT * FROM read_parquet(…)`;
/// prints {"op":"tpch-load","seconds":…}.
///
/// `lagoa-bench tpch run WAREHOUSE QUERY.sql… [--threads N] [--repeat R] [--explain]`: runs each
/// query once to warm up, then R times; prints {"id":…,"best_seconds":…,"rows":…} per query (or
/// {"id":…,"error":…}) and a final {"peak_rss_bytes":…} line for this process. `--explain` also
/// prints each query's EXPLAIN ANALYZE (for profiling; not JSON).
enum TPCHBench {
    static let tables = ["region", "nation", "supplier", "customer", "part", "partsupp", "orders", "lineitem"]

    static func main(_ args: [String], threads: Int?, repeats: Int) async throws {
        guard args.count >= 3 else { fail("usage: lagoa-bench tpch load DATA WAREHOUSE | tpch run WAREHOUSE QUERY.sql…") }
        switch args[1] {
        case "load":
            guard args.count >= 4 else { fail("usage: lagoa-bench tpch load DATA WAREHOUSE [--threads N]") }
            let engine = try await open(args[3], threads: threads)
            let session = engine.makeSession()
            let start = now()
            for table in tables {
                _ = try await session.execute("CREATE TABLE \(table) AS SELECT * FROM read_parquet('\(args[2])/\(table).parquet')")
            }
            print("{\"op\":\"tpch-load\",\"seconds\":\(now() - start)}")
        case "run":
            let engine = try await open(args[2], threads: threads)
            let files = args.dropFirst(3).filter { $0.hasSuffix(".sql") }
            for file in files {
                let id = String(file.split(separator: "/").last!.dropLast(4))
                let sql = try String(contentsOfFile: file, encoding: .utf8)
                do {
                    let session = engine.makeSession()
                    _ = try await session.query(sql)
                    var best = Double.infinity
                    var rows = 0
                    for _ in 0..<repeats {
                        let start = now()
                        rows = try await session.query(sql).rowCount
                        best = min(best, now() - start)
                    }
                    print("{\"id\":\"\(id)\",\"best_seconds\":\(best),\"rows\":\(rows)}")
                    if args.contains("--explain") {
                        let plan = try await session.query("EXPLAIN ANALYZE " + sql)
                        for batch in plan.batches {
                            for row in 0..<batch.rowCount { print("\(batch.columns[batch.columns.count - 1].value(at: row))") }
                        }
                    }
                } catch {
                    let message = "\(error)".replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
                        .replacingOccurrences(of: "\n", with: " ")
                    print("{\"id\":\"\(id)\",\"error\":\"\(message)\"}")
                }
                fflush(nil)
            }
            var usage = rusage()
            getrusage(RUSAGE_SELF.rawValue, &usage)
            print("{\"peak_rss_bytes\":\(usage.ru_maxrss * 1024)}")
        default:
            fail("unknown tpch command '\(args[1])'; use load or run")
        }
    }

    /// The engine over `folder` (created when missing) with its SQLite catalog and namespace `main`.
    static func open(_ folder: String, threads: Int?) async throws -> Engine {
        mkdir(folder, 0o755)
        let root = try LocalFileSystemStore(root: folder)
        let store = try SQLiteCatalogStore(path: folder + "/catalog.db")
        let anywhere = try LocalFileSystemStore(root: "/")
        let io = FileIO(stores: [root]) { (location: String) throws(IcebergError) -> (any ObjectStore)? in
            location.hasPrefix("file://") ? anywhere : nil
        }
        let catalog = Catalog(store: store, io: io, warehouse: root.url)
        let main = try Namespace(["main"])
        if try await !catalog.listNamespaces().contains(main) { try await catalog.createNamespace(main) }
        return Engine(catalog: catalog, options: EngineOptions(threads: threads))
    }
}
