/// What one ingest run does: which tables of which source go where, for which execution date.
public struct IngestPlan: Sendable {
    /// The source's name in the project (`crm` for sources/crm.yaml), recorded in the run history.
    public var sourceName: String
    public var source: any IngestSource
    /// The business domain owning the SOR tables: tables land in `<domain>.sor.<table>`.
    public var domain: String
    public var tables: [TablePlan]
    public var date: ExecutionDate
    /// Identifies the run in the SOR rows, snapshot summaries, history and log file name.
    public var runID: String
    /// Tables read and written at the same time.
    public var parallelism: Int
    /// Rows per batch read from the source.
    public var batchRows: Int

    public init(
        sourceName: String,
        source: any IngestSource,
        domain: String,
        tables: [TablePlan],
        date: ExecutionDate,
        runID: String,
        parallelism: Int = 2,
        batchRows: Int = 65_536
    ) {
        self.sourceName = sourceName
        self.source = source
        self.domain = domain
        self.tables = tables
        self.date = date
        self.runID = runID
        self.parallelism = parallelism
        self.batchRows = batchRows
    }
}

/// One source table of a run.
public struct TablePlan: Sendable, Hashable {
    public var source: SourceTableName
    /// The SOR table's name (`orders` → `<domain>.sor.orders`).
    public var target: String
    public var mode: IngestMode

    public init(source: SourceTableName, target: String? = nil, mode: IngestMode = .full) {
        self.source = source
        self.target = target ?? source.name.lowercased()
        self.mode = mode
    }
}

/// How a table is read.
public enum IngestMode: Sendable, Hashable, CustomStringConvertible {
    /// Every row, each execution date (a snapshot of the table per date).
    case full
    /// Rows whose `cursor` column is past the highest value an earlier date saw (minus
    /// `lookback`); the first run reads everything.
    case incremental(cursor: String, lookback: Lookback?)

    public var description: String {
        switch self {
        case .full: "full"
        case .incremental(let cursor, let lookback): "incremental(\(cursor)\(lookback.map { ", lookback \($0)" } ?? ""))"
        }
    }
}
