import LagoaColumnar
import LagoaIceberg
import LagoaPlanner
import LagoaSQL

extension StatementRunner {
    /// `CREATE [OR REPLACE] TABLE [IF NOT EXISTS] t (cols) [PARTITIONED BY (…)]` or `… AS query`.
    func createTable(_ create: CreateTable) async throws -> QueryResult {
        let identifier = try TableNames.identifier(create.name.parts.map(\.value), defaultNamespace: namespace)
        if try await tableExists(identifier) {
            if create.ifNotExists { return .status("CREATE TABLE") }
            if !create.orReplace {
                throw EngineError(.alreadyExists, "table \(identifier) already exists; use CREATE OR REPLACE TABLE or DROP TABLE first")
            }
        }
        let binder = Binder(catalog: provider)
        var fields = try create.columns.map { Field($0.name.value, try binder.dataType($0.type), nullable: !$0.notNull) }
        var rows: QueryRows?
        if let query = create.asQuery {
            let result = try await runQuery(query)
            if fields.isEmpty {
                fields = result.schema.fields.map { Field($0.name, $0.type, nullable: true) }
            }
            rows = result
        }
        guard !fields.isEmpty else { throw EngineError(.invalidInput, "CREATE TABLE \(identifier) needs columns or AS query") }
        let schema = Schema(fields)
        let partitionText = create.partitionBy.map { text($0.span) }.joined(separator: ", ")
        let partitionBy = partitionText.isEmpty ? [] : try Transform.parseClause(partitionText)
        if create.orReplace, try await tableExists(identifier) {
            try await catalog.dropTable(identifier, purge: false)
        }
        if identifier.namespace.levels == namespace {
            try await ensureNamespace(identifier.namespace)
        }
        var table = try await catalog.createTable(identifier, schema: try IcebergSchema(fresh: schema), partitionBy: partitionBy)
        var count = 0
        if let rows {
            let batches = try rows.batches.map { try RowConformer.conform($0, to: schema, names: schema.fields.map(\.name)) }
            count = batches.reduce(0) { $0 + $1.rowCount }
            if count > 0 { table = try await table.append(BatchList(batches)) }
        }
        return .status(create.asQuery == nil ? "CREATE TABLE" : "CREATE TABLE \(count)", rows: count)
    }

    /// Creates the session's namespace on first use (`main` in a fresh warehouse).
    func ensureNamespace(_ namespace: Namespace) async throws {
        do {
            try await catalog.createNamespace(namespace)
        } catch {
            guard error.code == .alreadyExists else { throw error }
        }
    }

    func tableExists(_ identifier: TableIdentifier) async throws -> Bool {
        do {
            _ = try await catalog.loadTable(identifier)
            return true
        } catch {
            guard error.code == .notFound else { throw error }
            return false
        }
    }

    /// `CREATE [OR REPLACE] VIEW v [(cols)] AS query`: checked by planning it, stored as text.
    func createView(_ create: CreateView) async throws -> QueryResult {
        let identifier = try TableNames.identifier(create.name.parts.map(\.value), defaultNamespace: namespace)
        let existing = try await ViewStore(catalog: catalog).view(create.name.parts.map(\.value), defaultNamespace: namespace)
        if existing != nil {
            if create.ifNotExists { return .status("CREATE VIEW") }
            if !create.orReplace { throw EngineError(.alreadyExists, "view \(identifier) already exists; use CREATE OR REPLACE VIEW") }
        }
        if try await tableExists(identifier) { throw EngineError(.alreadyExists, "a table named \(identifier) already exists") }
        let planned = try await planQuery(create.query)
        if !create.columns.isEmpty && create.columns.count != planned.names.count {
            throw EngineError(.invalidInput, "view \(identifier) names \(create.columns.count) columns but its query returns \(planned.names.count)")
        }
        if identifier.namespace.levels == namespace { try await ensureNamespace(identifier.namespace) }
        try await ViewStore(catalog: catalog).save(identifier, sql: text(create.query.span), columns: create.columns.map(\.value))
        return .status("CREATE VIEW")
    }

    /// `DROP TABLE|VIEW|SCHEMA [IF EXISTS] name [PURGE]`.
    func drop(_ drop: Drop) async throws -> QueryResult {
        let parts = drop.name.parts.map(\.value)
        switch drop.kind {
        case .table:
            let identifier = try TableNames.identifier(parts, defaultNamespace: namespace)
            do {
                try await catalog.dropTable(identifier, purge: drop.purge)
            } catch {
                guard error.code == .notFound else { throw error }
                if !drop.ifExists { throw try await unknownTable(drop.name) }
            }
            return .status("DROP TABLE")
        case .view:
            let identifier = try TableNames.identifier(parts, defaultNamespace: namespace)
            guard try await ViewStore(catalog: catalog).view(parts, defaultNamespace: namespace) != nil else {
                if drop.ifExists { return .status("DROP VIEW") }
                throw EngineError(.notFound, "view \(identifier) does not exist")
            }
            try await ViewStore(catalog: catalog).remove(identifier)
            return .status("DROP VIEW")
        case .schema:
            do {
                try await catalog.dropNamespace(try Namespace(parts))
            } catch {
                if !(drop.ifExists && error.code == .notFound) { throw error }
            }
            return .status("DROP SCHEMA")
        }
    }

    /// `ALTER TABLE t ADD|RENAME|DROP COLUMN …` and `RENAME TO`.
    func alterTable(_ alter: AlterTable) async throws -> QueryResult {
        let identifier = try TableNames.identifier(alter.name.parts.map(\.value), defaultNamespace: namespace)
        let table: Table
        do {
            table = try await catalog.loadTable(identifier)
        } catch {
            guard error.code == .notFound else { throw error }
            if alter.ifExists { return .status("ALTER TABLE") }
            throw try await unknownTable(alter.name)
        }
        switch alter.action {
        case .addColumn(let column):
            let type = try Binder(catalog: provider).dataType(column.type)
            let iceberg = try IcebergSchema(fresh: Schema([Field(column.name.value, type)])).fields[0].type
            _ = try await table.updateSchema { $0.addColumn(column.name.value, iceberg) }
        case .renameColumn(let from, let to):
            _ = try await table.updateSchema { $0.renameColumn(from.value, to: to.value) }
        case .dropColumn(let column):
            _ = try await table.updateSchema { $0.dropColumn(column.value) }
        case .renameTable(let newName):
            let target = try TableNames.identifier(newName.parts.map(\.value), defaultNamespace: identifier.namespace.levels)
            try await catalog.renameTable(identifier, to: target)
        }
        return .status("ALTER TABLE")
    }
}
