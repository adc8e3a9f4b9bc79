public import LagoaColumnar

/// What one statement produced: rows for queries (SELECT, EXPLAIN, SHOW, DESCRIBE), a status for
/// the others (`CREATE TABLE`, `INSERT 0 3` …).
public struct QueryResult: Sendable {
    public var schema: Schema
    public var batches: [RecordBatch]
    /// PostgreSQL-style command tag: `SELECT 10`, `INSERT 0 3`, `CREATE TABLE`, `DELETE 2`.
    public var statusTag: String
    /// Rows returned (queries) or affected (DML).
    public var rowCount: Int
    /// Wall time of the statement in seconds.
    public var elapsedSeconds: Double

    public init(schema: Schema, batches: [RecordBatch], statusTag: String, rowCount: Int, elapsedSeconds: Double) {
        self.schema = schema
        self.batches = batches
        self.statusTag = statusTag
        self.rowCount = rowCount
        self.elapsedSeconds = elapsedSeconds
    }

    /// Whether the statement returns rows (print a table) rather than only a status.
    public var returnsRows: Bool { !schema.fields.isEmpty }
}
