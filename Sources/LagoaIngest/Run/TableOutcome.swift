/// How one table of a run ended.
public struct TableOutcome: Sendable {
    public enum Status: String, Sendable {
        case success
        case failed
    }

    public var source: SourceTableName
    /// `<domain>.sor.<table>`.
    public var target: String
    public var mode: IngestMode
    public var status: Status
    public var rows: Int64 = 0
    /// Bytes of Parquet written.
    public var bytes: Int64 = 0
    /// The snapshot that replaced the date's partition, on success.
    public var snapshotID: Int64?
    public var error: IngestError?
    /// Schema drift notes (dropped source columns).
    public var warnings: [String] = []
    /// Milliseconds since the epoch.
    public var startedAt: Int64
    public var endedAt: Int64
    /// For incremental tables: the bound used and the highest cursor value now stored.
    public var cursorFrom: String?
    public var cursorTo: String?

    public init(source: SourceTableName, target: String, mode: IngestMode, status: Status, startedAt: Int64, endedAt: Int64) {
        self.source = source
        self.target = target
        self.mode = mode
        self.status = status
        self.startedAt = startedAt
        self.endedAt = endedAt
    }
}

/// Every table's outcome of one run.
public struct IngestReport: Sendable {
    public var runID: String
    public var sourceName: String
    public var date: ExecutionDate
    public var startedAt: Int64
    public var endedAt: Int64
    public var tables: [TableOutcome]

    public var failedCount: Int { tables.count { $0.status == .failed } }
    public var totalRows: Int64 { tables.reduce(0) { $0 + $1.rows } }
    public var totalBytes: Int64 { tables.reduce(0) { $0 + $1.bytes } }
}
