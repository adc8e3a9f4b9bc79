import LagoaColumnar
import LagoaIceberg
import LagoaJSON
import LagoaObjectStore
import LagoaTesting
import Testing

/// REST-style commits: requirements checked against the current metadata, updates applied in
/// order, both parsed from the spec's JSON.
@Suite struct TableChangeTests {
    func expectFailure(_ code: IcebergError.Code, _ message: String, sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> Void) {
        do {
            try body()
            Issue.record("no error; expected \(message)", sourceLocation: sourceLocation)
        } catch let error as IcebergError {
            #expect(error.code == code && error.message == message, "\(error.message)", sourceLocation: sourceLocation)
        } catch {
            Issue.record("unexpected \(error)", sourceLocation: sourceLocation)
        }
    }

    func table() async throws -> (Catalog, Table) {
        let store = InMemoryObjectStore(name: "wh")
        let catalog = Catalog(store: InMemoryCatalogStore(), io: FileIO(stores: [store]), warehouse: store.url)
        try await catalog.createNamespace(try Namespace(["db"]))
        let schema = try IcebergSchema(fresh: Schema([Field("id", .int64), Field("name", .string)]))
        let table = try await catalog.createTable(try TableIdentifier(parsing: "db.t"), schema: schema)
        _ = try await table.append(BatchList([TestBatches.make([Field("id", .int64), Field("name", .string)], [[.int(1)], [.string("a")]])]))
        return (catalog, try await table.refresh())
    }

    func parse(_ text: String) throws -> (requirements: [TableRequirement], updates: [TableUpdate]) {
        let value = try JSONValue(parsing: text)
        guard case .object(let keys, let values) = value else { fatalError() }
        var requirements: [TableRequirement] = [], updates: [TableUpdate] = []
        for (key, member) in zip(keys, values) {
            guard case .array(let items) = member else { continue }
            for (i, item) in items.enumerated() {
                if key == "requirements" { requirements.append(try TableRequirement(json: item, path: "requirements[\(i)]")) }
                if key == "updates" { updates.append(try TableUpdate(json: item, path: "updates[\(i)]")) }
            }
        }
        return (requirements, updates)
    }

    @Test func requirementsFailWithWhatTheTableHas() async throws {
        let (_, table) = try await table()
        let current = try #require(table.metadata.currentSnapshotID)
        try TableRequirement.assertRefSnapshotID(ref: "main", snapshotID: current).check(table.metadata)
        try TableRequirement.assertCreate.check(nil)
        expectFailure(.commitConflict, "requirement assert-ref-snapshot-id(main, 7) failed: the table has main at snapshot \(current); reload the table and retry") {
            try TableRequirement.assertRefSnapshotID(ref: "main", snapshotID: 7).check(table.metadata)
        }
        expectFailure(.commitConflict, "requirement assert-create failed: the table already exists") {
            try TableRequirement.assertCreate.check(table.metadata)
        }
        expectFailure(.commitConflict, "requirement assert-current-schema-id(3) failed: the table has current-schema-id 0; reload the table and retry") {
            try TableRequirement.assertCurrentSchemaID(3).check(table.metadata)
        }
    }

    @Test func aSparkStyleCommitEvolvesTheSchemaAndMovesRefs() async throws {
        let (catalog, table) = try await table()
        let current = try #require(table.metadata.currentSnapshotID)
        let (requirements, updates) = try parse("""
            {"requirements": [{"type": "assert-current-schema-id", "current-schema-id": 0},
                              {"type": "assert-ref-snapshot-id", "ref": "main", "snapshot-id": \(current)}],
             "updates": [{"action": "add-schema", "schema": {"type": "struct", "schema-id": 1, "fields": [
                            {"id": 1, "name": "id", "required": false, "type": "long"},
                            {"id": 2, "name": "name", "required": false, "type": "string"},
                            {"id": 3, "name": "score", "required": false, "type": "double"}]}, "last-column-id": 3},
                         {"action": "set-current-schema", "schema-id": -1},
                         {"action": "set-snapshot-ref", "ref-name": "audit", "type": "branch", "snapshot-id": \(current)},
                         {"action": "set-properties", "updates": {"owner": "spark"}},
                         {"action": "remove-properties", "removals": ["nothing"]}]}
            """)
        let committed = try await catalog.commit(table.identifier) { base throws(IcebergError) in
            for requirement in requirements { try requirement.check(base.metadata) }
            return try TableUpdate.apply(updates, to: base.metadata)
        }
        #expect(committed.schema.fields.map(\.name) == ["id", "name", "score"] && committed.metadata.currentSchemaID == 1)
        #expect(committed.metadata.lastColumnID == 3 && committed.metadata.refs["audit"]?.snapshotID == current)
        #expect(committed.metadata.properties["owner"] == "spark")
        // The same requirements now fail: the schema moved on.
        await #expect(throws: IcebergError.self) {
            _ = try await catalog.commit(table.identifier) { base throws(IcebergError) in
                for requirement in requirements { try requirement.check(base.metadata) }
                return base.metadata
            }
        }
    }

    @Test func updatesThatCannotApplyNameThemselves() async throws {
        let (_, table) = try await table()
        expectFailure(.invalidArgument, "set-current-schema -1: no such schema was added in this commit") {
            _ = try TableUpdate.apply([.setCurrentSchema(-1)], to: table.metadata)
        }
        expectFailure(.invalidArgument, "set-snapshot-ref main: snapshot 42 does not exist") {
            _ = try TableUpdate.apply([.setSnapshotRef("main", SnapshotRef(snapshotID: 42, kind: .branch))], to: table.metadata)
        }
        expectFailure(.unsupported, "format version 3 is not supported; Lagoa writes Iceberg v2") {
            _ = try TableUpdate.apply([.upgradeFormatVersion(3)], to: table.metadata)
        }
        expectFailure(.unsupported, "request: updates[0].action 'set-statistics' is not supported by this catalog") {
            _ = try parse(#"{"updates": [{"action": "set-statistics", "snapshot-id": 1}]}"#)
        }
        let removed = try TableUpdate.apply([.removeSnapshotRef("main")], to: table.metadata)
        #expect(removed.currentSnapshotID == nil && removed.refs["main"] == nil)
    }
}
