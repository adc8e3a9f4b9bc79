import LagoaColumnar

/// The output of a ``HashAggregateExec`` that spilled: batches computed in memory first, then
/// one spilled bucket merged and finished per step (``AggregateSpill/merge(_:)``), so only one
/// bucket's table is in memory at a time. Files not merged yet are deleted when the stream is
/// released (a failed, cancelled or abandoned query).
final class AggregateSpillStream: BatchStream {
    private let spill: AggregateSpill
    /// Partitions still to merge; the next one is last.
    private var work: [AggregateSpillPartition]
    private var pending: [RecordBatch]
    private let context: TaskContext
    private let metrics: OperatorMetrics

    init(spill: AggregateSpill, work: [AggregateSpillPartition], first: [RecordBatch], context: TaskContext, metrics: OperatorMetrics) {
        self.spill = spill
        self.work = work
        self.pending = first.reversed()
        self.context = context
        self.metrics = metrics
    }

    func next() async throws -> RecordBatch? {
        while true {
            if let batch = pending.popLast() {
                metrics.recordBatch(rows: batch.rowCount)
                return batch
            }
            guard let item = work.popLast() else { return nil }
            try context.checkCancelled()
            let start = Clock.nanos()
            let (batches, more) = try spill.merge(item)
            metrics.addElapsed(nanos: Clock.nanos() - start)
            pending = batches.reversed()
            work += more.reversed()
        }
    }
}
