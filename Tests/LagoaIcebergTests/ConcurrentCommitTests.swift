import LagoaColumnar
import LagoaIceberg
import LagoaObjectStore
import LagoaTesting
import Testing

@Suite struct ConcurrentCommitTests {
    @Test func concurrentAppendsAreAllKept() async throws {
        let (catalog, _) = TableLifecycleTests.catalog()
        let table = try await TableLifecycleTests.makeTable(catalog)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for writer in 0..<8 {
                group.addTask {
                    for k in 0..<10 {
                        let id = Int64(writer * 100 + k)
                        _ = try await table.append(BatchList([TableLifecycleTests.batch([(id, Int32(k % 3), "w\(writer)", 1)])]))
                    }
                }
            }
            try await group.waitForAll()
        }
        let ids = try await TableLifecycleTests.ids(try await table.refresh())
        var expected: [Int64] = []
        for w in 0..<8 {
            for k in 0..<10 { expected.append(Int64(w * 100 + k)) }
        }
        #expect(ids == expected.sorted())
        #expect(try await table.refresh().metadata.snapshots.count == 80)
    }

    @Test func overwriteRacingAnOverwriteOfTheSamePartitionFailsClearly() async throws {
        let objects = InMemoryObjectStore(name: "wh")
        let inner = InMemoryCatalogStore()
        let io = FileIO(stores: [objects])
        let other = Catalog(store: inner, io: io, warehouse: objects.url)
        let hooked = HookedStore(inner) {
            // Another writer replaces the same partition between this writer's plan and its commit.
            let t = try await other.loadTable(TableIdentifier(parsing: "sales.sor.orders"))
            _ = try await t.overwrite(BatchList([TableLifecycleTests.batch([(2, 5, "b", 1)])]), partition: ["day": "1970-01-06"])
        }
        let catalog = Catalog(store: hooked, io: io, warehouse: objects.url)
        var table = try await TableLifecycleTests.makeTable(catalog)
        table = try await table.append(BatchList([TableLifecycleTests.batch([(1, 5, "a", 1), (7, 6, "z", 1)])]))
        hooked.arm()
        await #expect {
            _ = try await table.overwrite(BatchList([TableLifecycleTests.batch([(3, 5, "c", 1)])]), partition: ["day": "1970-01-06"])
        } throws: { error in
            let e = error as? IcebergError
            return e?.code == .commitConflict && e?.message.contains("another writer changed the rows of 'sales.sor.orders' matching day = '1970-01-06'") == true
        }
        #expect(try await TableLifecycleTests.ids(try await table.refresh()) == [2, 7])

        // An append to another partition in the race is merged instead.
        let appendHook = HookedStore(inner) {
            let t = try await other.loadTable(TableIdentifier(parsing: "sales.sor.orders"))
            _ = try await t.append(BatchList([TableLifecycleTests.batch([(8, 9, "q", 1)])]))
        }
        let catalog2 = Catalog(store: appendHook, io: io, warehouse: objects.url)
        appendHook.arm()
        let t2 = try await catalog2.loadTable(TableIdentifier(parsing: "sales.sor.orders"))
        let done = try await t2.overwrite(BatchList([TableLifecycleTests.batch([(4, 5, "d", 1)])]), partition: ["day": "1970-01-06"])
        #expect(try await TableLifecycleTests.ids(done) == [4, 7, 8])
    }
}

/// A catalog store that runs `hook` once, just before the first commit after `arm()`.
final class HookedStore: CatalogStore, @unchecked Sendable {
    let inner: InMemoryCatalogStore
    let hook: @Sendable () async throws -> Void
    private var armed = false

    init(_ inner: InMemoryCatalogStore, hook: @escaping @Sendable () async throws -> Void) {
        self.inner = inner
        self.hook = hook
    }

    func arm() { armed = true }

    var catalogName: String { inner.catalogName }
    func createNamespace(_ namespace: Namespace, properties: [String: String]) async throws(IcebergError) { try await inner.createNamespace(namespace, properties: properties) }
    func namespaceExists(_ namespace: Namespace) async throws(IcebergError) -> Bool { try await inner.namespaceExists(namespace) }
    func listNamespaces(under parent: Namespace?) async throws(IcebergError) -> [Namespace] { try await inner.listNamespaces(under: parent) }
    func namespaceProperties(_ namespace: Namespace) async throws(IcebergError) -> [String: String] { try await inner.namespaceProperties(namespace) }
    func updateNamespaceProperties(_ namespace: Namespace, removals: Set<String>, updates: [String: String]) async throws(IcebergError) {
        try await inner.updateNamespaceProperties(namespace, removals: removals, updates: updates)
    }
    func dropNamespace(_ namespace: Namespace) async throws(IcebergError) { try await inner.dropNamespace(namespace) }
    func listTables(in namespace: Namespace) async throws(IcebergError) -> [TableIdentifier] { try await inner.listTables(in: namespace) }
    func metadataLocation(of table: TableIdentifier) async throws(IcebergError) -> String { try await inner.metadataLocation(of: table) }
    func createTable(_ table: TableIdentifier, metadataLocation: String) async throws(IcebergError) { try await inner.createTable(table, metadataLocation: metadataLocation) }
    func commit(_ swaps: [MetadataSwap]) async throws(IcebergError) {
        if armed {
            armed = false
            do { try await hook() } catch { Issue.record("hook failed: \(error)") }
        }
        try await inner.commit(swaps)
    }
    func dropTable(_ table: TableIdentifier) async throws(IcebergError) -> String { try await inner.dropTable(table) }
    func renameTable(from: TableIdentifier, to: TableIdentifier) async throws(IcebergError) { try await inner.renameTable(from: from, to: to) }
}
