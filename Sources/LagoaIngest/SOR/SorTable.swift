public import LagoaIceberg
import LagoaColumnar
public import Logging

/// Finds or creates the SOR table for a source table and keeps its schema in step with the source
/// (schema drift): new source columns are added, dropped ones stay (NULL from now on, with a
/// warning), widening type changes are followed, and anything else fails that table.
public enum SorTable {
    /// The Iceberg table a source table lands in: `<domain>.sor.<table>`.
    /// - Throws: ``IngestError/Code/configuration`` for a domain or table name Iceberg refuses.
    public static func identifier(domain: String, table: String) throws(IngestError) -> TableIdentifier {
        do {
            return try TableIdentifier(namespace: Namespace([domain, "sor"]), name: table)
        } catch {
            throw IngestError(.configuration, "cannot name the SOR table '\(domain).sor.\(table)': \(error.message)")
        }
    }

    /// Loads `identifier` (creating its namespaces and the table when missing) and evolves its
    /// schema to take `source`'s columns.
    /// - Returns: the table ready for writing and the warnings to report (dropped columns).
    /// - Throws: ``IngestError/Code/schemaDrift`` naming the column, both types and the fix;
    ///   ``IngestError/Code/write`` for catalog failures.
    public static func prepare(
        catalog: Catalog,
        identifier: TableIdentifier,
        source: SourceTableSchema,
        logger: Logger
    ) async throws(IngestError) -> (table: Table, warnings: [String]) {
        if let clash = source.columns.first(where: { SorColumns.names.contains($0.name) }) {
            throw IngestError(.configuration, "source column '\(clash.name)' uses a name Lagoa reserves for SOR tables; rename it in a source view")
        }
        let wanted: IcebergSchema
        do {
            wanted = try IcebergSchema(fresh: Schema(source.schema.fields + SorColumns.fields))
        } catch {
            throw IngestError(.unsupportedType, "a column type of the source cannot be stored in Iceberg: \(error.message)")
        }
        do throws(IcebergError) {
            var table: Table
            do {
                table = try await catalog.loadTable(identifier)
            } catch {
                guard error.code == .notFound else { throw error }
                try await createNamespaces(catalog, identifier.namespace)
                do {
                    let created = try await catalog.createTable(
                        identifier,
                        schema: wanted,
                        partitionBy: [(SorColumns.ingestionDate, .identity)],
                        properties: ["lagoa.layer": "sor"]
                    )
                    logger.info("created SOR table", metadata: ["table": "\(identifier)", "columns": "\(source.columns.count)"])
                    return (created, [])
                } catch {
                    guard error.code == .alreadyExists else { throw error }
                    table = try await catalog.loadTable(identifier)  // another run created it first
                }
            }
            let plan = try SchemaDrift.plan(table: table.schema, wanted: wanted, identifier: identifier)
            if !plan.isEmpty {
                table = try await table.updateSchema { update in
                    for (name, type) in plan.added { update.addColumn(name, type) }
                    for (name, type) in plan.widened { update.updateColumnType(name, to: type) }
                }
                logger.info(
                    "evolved SOR table schema",
                    metadata: ["table": "\(identifier)", "added": "\(plan.added.map(\.0))", "widened": "\(plan.widened.map(\.0))"]
                )
            }
            return (table, plan.missing.map { "column '\($0)' of \(identifier) is no longer in the source; it is NULL in the rows written from now on" })
        } catch {
            throw IngestError(.write, "cannot prepare SOR table \(identifier): \(error.message)", cause: error)
        }
    }

    private static func createNamespaces(_ catalog: Catalog, _ namespace: Namespace) async throws(IcebergError) {
        for depth in 1...namespace.levels.count {
            let prefix = try Namespace(Array(namespace.levels.prefix(depth)))
            do {
                try await catalog.createNamespace(prefix)
            } catch {
                guard error.code == .alreadyExists else { throw error }
            }
        }
    }
}
