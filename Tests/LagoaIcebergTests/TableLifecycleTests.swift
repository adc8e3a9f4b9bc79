import LagoaColumnar
import LagoaIceberg
import LagoaObjectStore
import LagoaTesting
import Testing

/// End-to-end table operations on the in-memory store and catalog.
@Suite struct TableLifecycleTests {
    static func catalog() -> (Catalog, InMemoryObjectStore) {
        let store = InMemoryObjectStore(name: "wh")
        let catalog = Catalog(store: InMemoryCatalogStore(), io: FileIO(stores: [store]), warehouse: store.url)
        return (catalog, store)
    }

    static let fields = [Field("id", .int64, nullable: false), Field("day", .date32), Field("name", .string), Field("amount", .float64)]

    static func batch(_ rows: [(Int64, Int32, String?, Double?)]) -> RecordBatch {
        TestBatches.make(fields, [
            rows.map { .int($0.0) },
            rows.map { .date($0.1) },
            rows.map { $0.2.map { .string($0) } ?? .null },
            rows.map { $0.3.map { .double($0) } ?? .null },
        ])
    }

    static func ids(_ table: Table, _ selector: SnapshotSelector = .current, filter: IcebergExpression = .alwaysTrue) async throws -> [Int64] {
        let batches = try await TableScan(table: table, selector: selector, filter: filter).readAll()
        return BatchComparison.rows(batches).map { row in
            if case .int(let v) = row[0] { return v }
            return -1
        }.sorted()
    }

    static func makeTable(_ catalog: Catalog, partitioned: Bool = true) async throws -> Table {
        let ns = try Namespace(["sales", "sor"])
        try await catalog.createNamespace(ns)
        let schema = try IcebergSchema(fresh: Schema(fields))
        return try await catalog.createTable(
            TableIdentifier(namespace: ns, name: "orders"),
            schema: schema,
            partitionBy: partitioned ? [("day", .identity)] : []
        )
    }

    @Test func appendScanAndTimeTravel() async throws {
        let (catalog, _) = Self.catalog()
        var table = try await Self.makeTable(catalog)
        #expect(try await Self.ids(table) == [])
        table = try await table.append(BatchList([Self.batch([(1, 100, "a", 1.5), (2, 101, "b", nil)])]))
        let first = table.metadata.currentSnapshotID!
        table = try await table.append(BatchList([Self.batch([(3, 100, nil, 3), (4, 102, "d", 4)])]))
        #expect(try await Self.ids(table) == [1, 2, 3, 4])
        #expect(try await Self.ids(table, .id(first)) == [1, 2])
        #expect(try await Self.ids(table, filter: .compare("day", .equal, .string("1970-04-11"))) == [1, 3])
        #expect(try await Self.ids(table, filter: .compare("amount", .greater, .integer(2))) == [3, 4])
        #expect(try await Self.ids(table, filter: .isNull("name")) == [3])
        let reloaded = try await catalog.loadTable(table.identifier)
        #expect(reloaded.metadata.snapshots.count == 2)
        #expect(reloaded.metadata.currentSnapshot?.summary["total-records"] == "4")
        #expect(reloaded.metadata.currentSnapshot?.summary["operation"] == "append")
        // Pruning: a filter on the partition column plans one file.
        let planned = try await TableScan(table: reloaded, filter: .compare("day", .equal, .string("1970-04-12"))).planFiles()
        #expect(planned.count == 1)
    }

    @Test func overwritePartitionIsIdempotentAndValidated() async throws {
        let (catalog, _) = Self.catalog()
        var table = try await Self.makeTable(catalog)
        table = try await table.append(BatchList([Self.batch([(1, 100, "a", 1), (2, 101, "b", 2)])]))
        for _ in 0..<2 {
            table = try await table.overwrite(BatchList([Self.batch([(10, 100, "x", 1), (11, 100, "y", 2)])]), partition: ["day": "1970-04-11"])
            #expect(try await Self.ids(table) == [2, 10, 11])
        }
        #expect(table.metadata.currentSnapshot?.operation == "overwrite")
        await #expect {
            _ = try await table.overwrite(BatchList([Self.batch([(12, 101, "z", 1)])]), partition: ["day": "1970-04-11"])
        } throws: { error in
            (error as? IcebergError)?.code == .validation
        }
        #expect(try await Self.ids(table.refresh()) == [2, 10, 11])
    }

    @Test func deleteByFilterRewritesPartlyMatchingFiles() async throws {
        let (catalog, _) = Self.catalog()
        var table = try await Self.makeTable(catalog, partitioned: false)
        table = try await table.append(BatchList([Self.batch([(1, 100, "a", 1), (2, 101, "b", 2), (3, 102, "c", 3)])]))
        table = try await table.delete(filter: .compare("id", .greaterOrEqual, .integer(2)))
        #expect(try await Self.ids(table) == [1])
        table = try await table.delete(filter: .compare("id", .equal, .integer(1)))
        #expect(try await Self.ids(table) == [])
        #expect(table.metadata.currentSnapshot?.summary["total-records"] == "0")
    }

    @Test func schemaAndPartitionEvolution() async throws {
        let (catalog, _) = Self.catalog()
        var table = try await Self.makeTable(catalog)
        table = try await table.append(BatchList([Self.batch([(1, 100, "a", 1)])]))
        table = try await table.updateSchema { u in
            u.renameColumn("name", to: "customer")
            u.addColumn("region", .string)
            u.dropColumn("amount")
        }
        table = try await table.updateSpec { u in
            u.removeField("day")
            u.addField("id", .bucket(4))
        }
        let rows = TestBatches.make([Field("id", .int64, nullable: false), Field("day", .date32), Field("customer", .string), Field("region", .string)], [
            [.int(2)], [.date(5)], [.string("b")], [.string("south")],
        ])
        table = try await table.append(BatchList([rows]))
        let all = BatchComparison.rows(try await TableScan(table: table).readAll()).sorted { "\($0[0])" < "\($1[0])" }
        #expect(all == [[.int(1), .date(100), .string("a"), .null], [.int(2), .date(5), .string("b"), .string("south")]])
        #expect(table.metadata.partitionSpecs.count == 2)
        #expect(table.metadata.schemas.count == 2)
        await #expect {
            _ = try await table.updateSchema { $0.updateColumnType("customer", to: .int) }
        } throws: { ($0 as? IcebergError)?.message.hasPrefix("cannot change column 'customer' from string to int") == true }
    }

    @Test func rollbackBranchesAndTags() async throws {
        let (catalog, _) = Self.catalog()
        var table = try await Self.makeTable(catalog)
        table = try await table.append(BatchList([Self.batch([(1, 100, "a", 1)])]))
        let first = table.metadata.currentSnapshotID!
        table = try await table.createRef("v1", kind: .tag)
        table = try await table.createRef("staging", kind: .branch)
        table = try await table.append(BatchList([Self.batch([(2, 100, "b", 1)])]), branch: "staging")
        #expect(try await Self.ids(table) == [1])
        #expect(try await Self.ids(table, .ref("staging")) == [1, 2])
        table = try await table.fastForward(to: "staging")
        #expect(try await Self.ids(table) == [1, 2])
        table = try await table.rollback(to: first)
        #expect(try await Self.ids(table) == [1])
        #expect(try await Self.ids(table, .ref("v1")) == [1])
        await #expect(throws: IcebergError.self) { _ = try await table.append(BatchList([Self.batch([(3, 1, nil, nil)])]), branch: "v1") }
    }

    @Test func expireAndOrphans() async throws {
        let (catalog, store) = Self.catalog()
        var table = try await Self.makeTable(catalog)
        for i in 0..<3 {
            table = try await table.append(BatchList([Self.batch([(Int64(i), 100, "a", 1)])]))
        }
        table = try await table.overwrite(BatchList([Self.batch([(9, 100, "z", 1)])]), partition: ["day": "1970-04-11"])
        let (expired, result) = try await table.expireSnapshots(olderThan: Int64.max, retainLast: 1)
        #expect(result.expiredSnapshots.count == 3)
        #expect(result.deletedFiles.contains { $0.hasSuffix(".parquet") })
        #expect(try await Self.ids(expired) == [9])
        try await store.put(ObjectPath("sales/sor/orders/data/stray.parquet"), [1, 2, 3])
        let orphans = try await expired.removeOrphanFiles(olderThan: Int64.max)
        #expect(orphans.orphans.contains { $0.hasSuffix("stray.parquet") })
        #expect(try await Self.ids(expired.refresh()) == [9])
    }
}
