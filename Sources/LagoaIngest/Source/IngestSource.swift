public import LagoaColumnar

/// A system Lagoa extracts tables from: a PostgreSQL database, a SQLite file, a folder of files.
///
/// Every method is synchronous and may block (network, disk): the ingest runner calls them from its
/// own threads, one table per thread, never from Swift's cooperative pool. A source is shared by the
/// tables of one run, so each ``open(_:)`` opens its own connection or file handle.
public protocol IngestSource: Sendable {
    /// What to call the source in logs and messages, without secrets (`postgresql://app@db:5432/erp`).
    var displayName: String { get }

    /// The tables of `schema` (every schema the source has when `nil`; sources without schemas
    /// ignore it), sorted by name.
    func listTables(schema: String?) throws(IngestError) -> [SourceTableName]

    /// The columns of `table`, in source order, each with its Lagoa type.
    /// - Throws: ``IngestError/Code/notFound`` when the table does not exist,
    ///   ``IngestError/Code/unsupportedType`` for a column type with no mapping.
    func describe(_ table: SourceTableName) throws(IngestError) -> SourceTableSchema

    /// Starts reading rows of `request.table`. The cursor streams: memory stays bounded by
    /// `request.batchRows` whatever the table's size.
    func open(_ request: ExtractRequest) throws(IngestError) -> any SourceCursor
}

/// Rows of one table being read, batch by batch. Used from one thread at a time.
public protocol SourceCursor: AnyObject {
    /// The next batch of rows (columns as in ``ExtractRequest/schema``), or `nil` at the end.
    /// - Throws: ``IngestError/Code/connectionLost`` when the connection broke mid-table,
    ///   ``IngestError/Code/unsupportedType`` for a value that does not fit its column.
    func next() throws(IngestError) -> RecordBatch?

    /// Stops reading and releases the connection or file. Safe to call twice, and from another
    /// thread while ``next()`` blocks (it then fails with ``IngestError/Code/cancelled``).
    func close()
}

/// What to read from one table.
public struct ExtractRequest: Sendable {
    public var table: SourceTableName
    /// The columns to read, as ``IngestSource/describe(_:)`` returned them (possibly a subset).
    public var schema: SourceTableSchema
    /// Only rows whose cursor column is greater than (or equal to) a bound; `nil` reads every row.
    public var cursor: CursorBound?
    /// About how many rows each batch holds.
    public var batchRows: Int

    public init(table: SourceTableName, schema: SourceTableSchema, cursor: CursorBound? = nil, batchRows: Int = 65_536) {
        self.table = table
        self.schema = schema
        self.cursor = cursor
        self.batchRows = batchRows
    }
}

/// The lower bound of an incremental read: rows with `column > value` (or `>=` when `inclusive`,
/// used with a lookback window).
public struct CursorBound: Sendable, Hashable {
    public var column: String
    /// A value of the column's Lagoa type (`.int`, `.timestamp`, `.date`, `.string`, …).
    public var value: Value
    public var inclusive: Bool

    public init(column: String, value: Value, inclusive: Bool = false) {
        self.column = column
        self.value = value
        self.inclusive = inclusive
    }
}
