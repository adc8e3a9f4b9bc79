import LagoaColumnar
import LagoaCore
import LagoaEngine
import LagoaIceberg

/// One model's write-audit-publish.
struct ModelBuild {
    let project: ModelProject
    let engine: Engine
    let model: Model
    let runID: String
    let fullRefresh: Bool

    var catalog: Catalog { engine.catalog }
    var branch: String { "audit_" + runID }

    func run(into result: inout ModelResult) async throws {
        let identifier = try TableIdentifier(parsing: model.table)
        try await ensureNamespace(identifier.namespace)
        var existing: Table?
        do {
            existing = try await catalog.loadTable(identifier)
        } catch {
            guard error.code == .notFound else { throw error }
        }
        let published = existing.flatMap { $0.metadata.currentSnapshotID } != nil
        let incremental = model.config.materialized == .incremental && published && !fullRefresh
        let sql = try project.render(model.template, this: model.table, incremental: incremental)
        let session = engine.makeSession()
        let rows: QueryResult
        do {
            rows = try await session.query(incremental && existing != nil ? try mergeSQL(sql, existing: existing!) : sql)
        } catch {
            throw ModelError(.execution, "\(model.path): \((error as? any LagoaError)?.rendered ?? "\(error)")")
        }
        let schema = try IcebergSchema(fresh: Schema(rows.schema.fields.map { Field($0.name, $0.type, nullable: true) }))

        // Where to write: the table's audit branch, or a staging table when the columns changed in a
        // way a branch cannot hold (the schema is shared by all branches of a table).
        var target: Table
        var staging: TableIdentifier?
        var created = false
        if let existing, !fullRefreshCompatible(existing.schema, schema) {
            let stagingID = try TableIdentifier(namespace: identifier.namespace, name: "\(identifier.name)__staging_\(runID)")
            target = try await catalog.createTable(stagingID, schema: schema, properties: ["lagoa.layer": model.layer, "lagoa.model": model.name])
            staging = stagingID
        } else if let existing {
            target = existing
            let added = schema.fields.filter { existing.schema.field(named: $0.name) == nil }
            if !added.isEmpty {
                target = try await target.updateSchema { update in
                    for field in added { update.addColumn(field.name, field.type) }
                }
            }
            if published { target = try await target.createRef(branch, kind: .branch) }
        } else {
            target = try await catalog.createTable(
                identifier,
                schema: schema,
                properties: ["lagoa.layer": model.layer, "lagoa.model": model.name].merging(model.config.description.map { ["comment": $0] } ?? [:]) { $1 }
            )
            created = true
        }
        let writeBranch = staging == nil ? branch : TableMetadata.mainBranch
        do {
            target = try await target.overwrite(BatchList(rows.batches), filter: .alwaysTrue, branch: writeBranch, requireFilterMatch: false)
        } catch {
            try? await cleanup(target, staging: staging, created: created)
            throw ModelError(.execution, "\(model.path): writing \(model.table) failed: \(error.message)")
        }
        result.rows = rows.rowCount

        let audited = staging.map { "\($0)" } ?? "\(model.table)@\(branch)"
        result.tests = await ModelTestRunner(project: project, engine: engine).run(model.config.tests, table: audited, model: model)
        if result.tests.contains(where: \.blocks) {
            try? await cleanup(target, staging: staging, created: created)
            result.status = .failed
            let failing = result.tests.filter(\.blocks).map { "\($0.name) (\($0.error ?? "\($0.failures) failing rows"))" }
            result.message = "tests failed, \(model.table) not published: " + failing.joined(separator: ", ")
            return
        }
        if let staging {
            try await catalog.dropTable(identifier, purge: false)
            try await catalog.renameTable(staging, to: identifier)
            target = try await catalog.loadTable(identifier)
        } else {
            target = try await target.fastForward(to: branch)
            target = try await target.dropRef(branch)
        }
        result.snapshotID = target.metadata.currentSnapshotID
        result.status = .success
    }

    /// Whether rows of `new` can be written into a table of schema `old` (same columns and types,
    /// or only new columns).
    private func fullRefreshCompatible(_ old: IcebergSchema, _ new: IcebergSchema) -> Bool {
        for field in new.fields {
            guard let have = old.field(named: field.name) else { continue }
            if have.type.description != field.type.description { return false }
        }
        return old.fields.allSatisfy { new.field(named: $0.name) != nil }
    }

    /// New rows replace published rows with the same unique key; other published rows stay.
    private func mergeSQL(_ sql: String, existing: Table) throws -> String {
        let keys = model.config.uniqueKey.map(ModelTest.quote)
        let columns = existing.schema.fields.map { ModelTest.quote($0.name) }.joined(separator: ", ")
        let match = keys.map { "n.\($0) IS NOT DISTINCT FROM o.\($0)" }.joined(separator: " AND ")
        return """
            WITH __lagoa_new AS (\(sql))
            SELECT \(columns) FROM \(model.table) AS o WHERE NOT EXISTS (SELECT 1 FROM __lagoa_new AS n WHERE \(match))
            UNION ALL
            SELECT \(columns) FROM __lagoa_new
            """
    }

    private func cleanup(_ table: Table, staging: TableIdentifier?, created: Bool) async throws {
        if let staging {
            try await catalog.dropTable(staging, purge: true)
        } else if created {
            try await catalog.dropTable(table.identifier, purge: true)
        } else if table.metadata.refs[branch] != nil {
            _ = try await table.dropRef(branch)
        }
    }

    private func ensureNamespace(_ namespace: Namespace) async throws {
        for depth in 1...namespace.levels.count {
            do {
                try await catalog.createNamespace(try Namespace(Array(namespace.levels.prefix(depth))))
            } catch {
                guard error.code == .alreadyExists else { throw error }
            }
        }
    }
}
