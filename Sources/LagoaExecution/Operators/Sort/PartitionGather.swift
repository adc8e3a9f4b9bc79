import LagoaColumnar
import LagoaCore

/// Runs every partition of a plan concurrently and hands back what each produced; used by the
/// pipeline breakers of this folder (sort, window, set operations).
enum PartitionGather {
    /// Every batch of every partition of `plan`, per partition, in partition order.
    /// - Throws: the first error of any partition (the others are cancelled).
    static func collect(_ plan: any ExecutionPlan, context: TaskContext) async throws -> [[RecordBatch]] {
        try await each(plan, context: context) { batches, batch in batches.append(batch) } initial: { [RecordBatch]() }
    }

    /// Folds the batches of each partition of `plan` into a state of its own, concurrently.
    /// - Parameters:
    ///   - fold: called for each non-empty batch of one partition, in order.
    ///   - initial: makes the state of one partition.
    static func each<State: Sendable>(
        _ plan: any ExecutionPlan,
        context: TaskContext,
        fold: @escaping @Sendable (inout State, RecordBatch) async throws -> Void,
        initial: @escaping @Sendable () -> State
    ) async throws -> [State] {
        let count = plan.partitionCount
        return try await withThrowingTaskGroup(of: (Int, State).self) { group in
            for p in 0..<count {
                group.addTask {
                    var state = initial()
                    let stream = try plan.execute(partition: p, context: context)
                    while let batch = try await stream.next() {
                        try context.checkCancelled()
                        if batch.rowCount > 0 { try await fold(&state, batch) }
                    }
                    return (p, state)
                }
            }
            var out: [State?] = Array(repeating: nil, count: count)
            for try await (p, state) in group { out[p] = state }
            return out.map { $0! }
        }
    }

    /// All `batches` as one batch with `schema` (zero rows when there are none).
    static func concatenate(_ batches: [RecordBatch], schema: Schema) -> RecordBatch {
        let nonEmpty = batches.filter { $0.rowCount > 0 }
        if nonEmpty.count == 1 { return RecordBatch(schema: schema, columns: nonEmpty[0].columns, rowCount: nonEmpty[0].rowCount) }
        guard !nonEmpty.isEmpty else {
            return RecordBatch(schema: schema, columns: schema.fields.map { ColumnBuilder($0.type).finish() }, rowCount: 0)
        }
        let columns = schema.fields.indices.map { c in Column.concatenate(nonEmpty.map { $0.columns[c] }) }
        return RecordBatch(schema: schema, columns: columns, rowCount: nonEmpty.reduce(0) { $0 + $1.rowCount })
    }

    /// `batch` cut into batches of at most `size` rows (views, no copy).
    static func split(_ batch: RecordBatch, size: Int) -> [RecordBatch] {
        guard batch.rowCount > size else { return batch.rowCount == 0 ? [] : [batch] }
        return stride(from: 0, to: batch.rowCount, by: size).map { batch.slice($0, min(size, batch.rowCount - $0)) }
    }

    /// Approximate bytes held by a batch's buffers, for the memory pool.
    static func byteSize(_ batch: RecordBatch) -> Int {
        batch.columns.reduce(0) { $0 + byteSize($1) }
    }

    static func byteSize(_ column: Column) -> Int {
        var total = (column.validity != nil ? Bitmap.byteCount(column.count) : 0)
        if let width = column.type.fixedWidth {
            total += width * column.count
        } else if column.type.isVariableBinary {
            let o = column.offsets
            total += 8 * (column.count + 1) + (column.count > 0 ? Int(o[column.count] - o[0]) : 0)
        } else {
            total += 8 * (column.count + 1)
        }
        return total + column.children.reduce(0) { $0 + byteSize($1) }
    }
}

/// A partition whose batches are computed on the first ``next()`` by an async closure (a pipeline
/// breaker's whole work), then handed out one by one; records rows, batches and time in `metrics`.
final class ComputedBatchStream: BatchStream {
    private var produce: (() async throws -> [RecordBatch])?
    private var pending: [RecordBatch] = []
    private var position = 0
    private let metrics: OperatorMetrics
    private let context: TaskContext

    init(context: TaskContext, metrics: OperatorMetrics, produce: @escaping () async throws -> [RecordBatch]) {
        self.produce = produce
        self.metrics = metrics
        self.context = context
    }

    func next() async throws -> RecordBatch? {
        try context.checkCancelled()
        if let produce {
            self.produce = nil
            let start = ContinuousClock.now
            pending = try await produce()
            let elapsed = ContinuousClock.now - start
            metrics.addElapsed(nanos: UInt64(max(0, elapsed.components.seconds)) * 1_000_000_000 + UInt64(max(0, elapsed.components.attoseconds / 1_000_000_000)))
        }
        guard position < pending.count else { return nil }
        let batch = pending[position]
        position += 1
        metrics.recordBatch(rows: batch.rowCount)
        return batch
    }
}
