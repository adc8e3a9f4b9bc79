public import LagoaColumnar

/// Anything a query can read rows from: an Iceberg table (at a snapshot), Parquet/CSV/JSON files, a
/// system table. The catalog side (LagoaEngine, LagoaExecution) implements it; the planner sees only
/// its schema and statistics, and the executor asks it for parallel scan partitions.
public protocol TableSource: Sendable {
    /// Shown in EXPLAIN: `lagoa.cornlake.sales.sot.orders@snapshot 123`, `read_parquet('x/*.parquet')`.
    var displayName: String { get }
    /// The columns, in table order.
    var schema: Schema { get }
    /// Estimated rows, for join ordering; `nil` when unknown.
    var estimatedRowCount: Double? { get }

    /// Estimated distinct non-NULL values of column `column` (an index into ``schema``), for join
    /// ordering; `nil` when unknown (the default).
    func estimatedDistinctCount(column: Int) -> Double?

    /// Splits the scan into independent partitions (files, row groups) that the executor reads in
    /// parallel.
    /// - Parameters:
    ///   - columns: indices into ``schema`` to read, in output order.
    ///   - filters: conjuncts over the scan's output columns, used for pruning (partitions, file and
    ///     row-group statistics) only: the executor still applies them to every row.
    ///   - limit: at most this many rows are needed (no filters remain above the scan).
    func partitions(columns: [Int], filters: [Expr], output: [ColumnRef], limit: Int?) async throws -> ScanPlan
}

extension TableSource {
    public func estimatedDistinctCount(column: Int) -> Double? { nil }
}

/// The result of planning a scan: partitions to read, and what pruning skipped (for EXPLAIN ANALYZE).
public struct ScanPlan: Sendable {
    public var partitions: [any ScanPartition]
    /// e.g. `files: 3 of 40 (37 pruned by partition, stats)`.
    public var pruningSummary: String?

    public init(partitions: [any ScanPartition], pruningSummary: String? = nil) {
        self.partitions = partitions
        self.pruningSummary = pruningSummary
    }
}

/// One independently readable piece of a scan.
public protocol ScanPartition: Sendable {
    /// Calls `body` with each batch, in order, with the requested columns. Batches may be of any size.
    /// - Throws: the reader's error (corrupt file…) or the first error `body` throws.
    func read(_ body: (RecordBatch) async throws -> Void) async throws
}
