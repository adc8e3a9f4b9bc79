public import LagoaColumnar
import LagoaFunctions
public import LagoaPlanner

/// Reads a ``TableSource``: one output partition per group of ``ScanPartition``s (round-robin into
/// at most `threads` groups), the pushed filters applied exactly to every batch, at most `limit`
/// rows per partition.
public final class ScanExec: ExecutionPlan {
    public let schema: Schema
    public let sourceName: String
    public let groups: [[any ScanPartition]]
    public let filters: [any PhysicalExpr]
    public let limit: Int?
    public let pruningSummary: String?
    public let metrics = OperatorMetrics()
    public var children: [any ExecutionPlan] { [] }
    public var partitionCount: Int { max(1, groups.count) }

    public init(schema: Schema, sourceName: String, partitions: [any ScanPartition], filters: [any PhysicalExpr], limit: Int?, pruningSummary: String?, threads: Int) {
        self.schema = schema
        self.sourceName = sourceName
        self.filters = filters
        self.limit = limit
        self.pruningSummary = pruningSummary
        let groupCount = min(max(1, threads), partitions.count)
        var groups = [[any ScanPartition]](repeating: [], count: groupCount)
        for (i, partition) in partitions.enumerated() { groups[i % groupCount].append(partition) }
        self.groups = groups
        if let pruningSummary { metrics.set("pruning", pruningSummary) }
    }

    public func execute(partition: Int, context: TaskContext) throws -> any BatchStream {
        guard partition < groups.count else { return ArrayBatchStream([]) }
        return ScanStream(plan: self, pieces: groups[partition], context: context)
    }

    /// The filtered batch, relabelled to the scan's schema; `nil` when no row passes.
    ///
    /// The conjuncts' masks are combined with AND and the batch is gathered once, not once per
    /// conjunct; it is gathered early when the rows left are under a quarter (so later conjuncts
    /// see fewer rows), and before a conjunct that could fail on a row an earlier one rejected
    /// (`x <> 0 AND 10 / x > 1` must not divide by zero).
    func apply(_ batch: RecordBatch) throws -> RecordBatch? {
        var batch = BatchConcatenation.relabel(batch, schema)
        var pending: Column? = nil
        for (k, filter) in filters.enumerated() {
            if let mask = pending, !ScanExec.cannotFail(filter) {
                batch = BatchFilter.filter(batch, by: mask)
                pending = nil
            }
            if batch.rowCount == 0 { return nil }
            switch try filter.evaluate(batch) {
            case .scalar(let value, _):
                guard case .bool(true) = value else { return nil }
            case .column(let mask):
                let combined = pending.map { Selection.and($0, mask) } ?? mask
                let kept = Selection.countTrue(combined)
                if kept == 0 { return nil }
                if kept * 4 < batch.rowCount && k < filters.count - 1 {
                    batch = Gather.batch(batch, Selection.indices(of: combined))
                    pending = nil
                } else {
                    pending = combined
                }
            }
        }
        if let mask = pending { batch = BatchFilter.filter(batch, by: mask) }
        return batch.rowCount > 0 ? batch : nil
    }

    /// Whether evaluating `expr` on any row is free of runtime errors: comparisons, AND/OR/NOT,
    /// IS NULL, IN and LIKE over columns and constants (no arithmetic, casts or functions).
    static func cannotFail(_ expr: any PhysicalExpr) -> Bool {
        switch expr {
        case is ColumnExpr, is LiteralExpr: return true
        case let e as BinaryExpr: return e.op.isComparison && cannotFail(e.lhs) && cannotFail(e.rhs)
        case let e as LogicalExpr: return cannotFail(e.lhs) && cannotFail(e.rhs)
        case let e as NotExpr: return cannotFail(e.input)
        case let e as IsNullExpr: return cannotFail(e.input)
        case let e as InSetExpr: return cannotFail(e.input)
        default: return false
        }
    }

    public var displayText: String {
        var text = "ScanExec: \(sourceName) partitions=\(groups.reduce(0) { $0 + $1.count })"
        if !filters.isEmpty { text += " filters=[\(filters.map(\.displayText).joined(separator: ", "))]" }
        if let limit { text += " limit=\(limit)" }
        return text
    }
}

/// Reads the pieces of one scan partition one after another. Each piece's (filtered) batches are
/// buffered before being served, because ``ScanPartition/read(_:)`` pushes them.
final class ScanStream: BatchStream {
    let plan: ScanExec
    var pieces: [any ScanPartition]
    let context: TaskContext
    var pending: [RecordBatch] = []
    var produced = 0

    init(plan: ScanExec, pieces: [any ScanPartition], context: TaskContext) {
        self.plan = plan
        self.pieces = pieces.reversed()
        self.context = context
    }

    func next() async throws -> RecordBatch? {
        while true {
            try context.checkCancelled()
            if let limit = plan.limit, produced >= limit { return nil }
            if !pending.isEmpty {
                var batch = pending.removeFirst()
                if let limit = plan.limit, produced + batch.rowCount > limit {
                    batch = batch.slice(0, limit - produced)
                }
                produced += batch.rowCount
                plan.metrics.recordBatch(rows: batch.rowCount)
                return batch
            }
            guard let piece = pieces.popLast() else { return nil }
            let start = Clock.nanos()
            var collected: [RecordBatch] = []
            let plan = self.plan
            let batchSize = context.batchSize
            let limit = plan.limit.map { $0 - produced }
            var rows = 0
            try await piece.read { batch in
                if let limit, rows >= limit { return }
                if let kept = try plan.apply(batch) {
                    rows += kept.rowCount
                    collected.append(contentsOf: BatchConcatenation.slices(kept, size: batchSize))
                }
            }
            pending = collected
            plan.metrics.addElapsed(nanos: Clock.nanos() - start)
        }
    }
}
