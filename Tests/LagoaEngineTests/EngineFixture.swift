import LagoaColumnar
import LagoaEngine
import LagoaIceberg
import LagoaObjectStore
import LagoaTesting

/// An engine over a fresh temporary warehouse (local files, in-memory catalog).
struct EngineFixture {
    let directory: String
    let catalog: Catalog
    let engine: Engine
    let session: Session

    init() throws {
        directory = TestPaths.temporaryDirectory(prefix: "lagoa-engine")
        let store = try LocalFileSystemStore(root: directory)
        catalog = Catalog(store: InMemoryCatalogStore(), io: FileIO(stores: [store]), warehouse: store.url)
        engine = Engine(catalog: catalog, options: EngineOptions(threads: 2))
        session = engine.makeSession()
    }

    /// Runs `sql` and returns the last result's rows as text cells.
    func rows(_ sql: String) async throws -> [[String]] {
        let result = try await session.query(sql)
        return result.batches.flatMap { batch in
            (0..<batch.rowCount).map { row in batch.columns.map { $0.value(at: row).description } }
        }
    }

    /// The error text `sql` fails with, or `nil` when it succeeds.
    func error(_ sql: String) async -> String? {
        do {
            _ = try await session.execute(sql)
            return nil
        } catch {
            return "\(error)"
        }
    }

    func remove() { TestPaths.remove(directory) }
}
