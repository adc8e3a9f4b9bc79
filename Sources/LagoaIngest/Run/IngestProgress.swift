/// Receives progress from a running ingest, from several threads at once.
public protocol IngestProgress: Sendable {
    func started(_ table: SourceTableName, target: String)
    /// `rows` read so far (cumulative) for the table.
    func read(_ table: SourceTableName, rows: Int64)
    func finished(_ outcome: TableOutcome)
}
