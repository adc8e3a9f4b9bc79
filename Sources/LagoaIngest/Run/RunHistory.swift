public import LagoaIceberg
import LagoaColumnar
import LagoaCore

/// The run history, an Iceberg table of the catalog itself (`lagoa_system.ingest_runs`): one row
/// per table per run, queryable with SQL and listed by `lagoa runs`.
public struct RunHistory: Sendable {
    public static let table = "lagoa_system.ingest_runs"

    public let catalog: Catalog

    public init(catalog: Catalog) {
        self.catalog = catalog
    }

    static let schema = Schema([
        Field("run_id", .string, nullable: false),
        Field("source", .string),
        Field("source_table", .string),
        Field("target_table", .string),
        Field("ingestion_date", .date32),
        Field("mode", .string),
        Field("status", .string, nullable: false),
        Field("started_at", .timestamp(.microsecond, timeZone: "UTC")),
        Field("ended_at", .timestamp(.microsecond, timeZone: "UTC")),
        Field("rows", .int64),
        Field("bytes", .int64),
        Field("snapshot_id", .int64),
        Field("cursor_from", .string),
        Field("cursor_to", .string),
        Field("warnings", .string),
        Field("error", .string),
    ])

    /// Appends one row per table of `report` in one snapshot (creating the table the first time).
    public func record(_ report: IngestReport) async throws(IcebergError) {
        guard !report.tables.isEmpty else { return }
        let identifier = try TableIdentifier(parsing: Self.table)
        let table: Table
        do {
            table = try await catalog.loadTable(identifier)
        } catch {
            guard error.code == .notFound else { throw error }
            do {
                try await catalog.createNamespace(identifier.namespace)
            } catch {
                guard error.code == .alreadyExists else { throw error }
            }
            do {
                table = try await catalog.createTable(identifier, schema: try IcebergSchema(fresh: Self.schema), properties: ["lagoa.layer": "system"])
            } catch {
                guard error.code == .alreadyExists else { throw error }
                table = try await catalog.loadTable(identifier)
            }
        }
        let builders = Self.schema.fields.map { ColumnBuilder($0.type, capacity: report.tables.count) }
        func text(_ b: ColumnBuilder, _ s: String?) { if let s { b.appendString(s) } else { b.appendNull() } }
        func int(_ b: ColumnBuilder, _ v: Int64?) { if let v { b.appendFixed(v) } else { b.appendNull() } }
        for outcome in report.tables {
            builders[0].appendString(report.runID)
            builders[1].appendString(report.sourceName)
            builders[2].appendString(outcome.source.description)
            builders[3].appendString(outcome.target)
            builders[4].appendFixed(report.date.days)
            builders[5].appendString(outcome.mode.description)
            builders[6].appendString(outcome.status.rawValue)
            builders[7].appendFixed(outcome.startedAt * 1000)
            builders[8].appendFixed(outcome.endedAt * 1000)
            int(builders[9], outcome.rows)
            int(builders[10], outcome.bytes)
            int(builders[11], outcome.snapshotID)
            text(builders[12], outcome.cursorFrom)
            text(builders[13], outcome.cursorTo)
            text(builders[14], outcome.warnings.isEmpty ? nil : outcome.warnings.joined(separator: "; "))
            text(builders[15], outcome.error?.rendered)
        }
        let batch = RecordBatch(schema: Self.schema, columns: builders.map { $0.finish() }, rowCount: report.tables.count)
        _ = try await table.append(BatchList([batch]))
    }
}
