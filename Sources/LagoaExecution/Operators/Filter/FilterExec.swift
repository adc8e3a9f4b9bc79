public import LagoaColumnar
import LagoaFunctions

/// Keeps the rows where a predicate is true; partition-preserving. Empty results are skipped.
public final class FilterExec: ExecutionPlan {
    public let input: any ExecutionPlan
    public let predicate: any PhysicalExpr
    public let metrics = OperatorMetrics()
    public var schema: Schema { input.schema }
    public var children: [any ExecutionPlan] { [input] }
    public var partitionCount: Int { input.partitionCount }

    public init(input: any ExecutionPlan, predicate: any PhysicalExpr) {
        self.input = input
        self.predicate = predicate
    }

    public func execute(partition: Int, context: TaskContext) throws -> any BatchStream {
        let child = try input.execute(partition: partition, context: context)
        return ClosureBatchStream { [self] in
            while let batch = try await child.next() {
                try context.checkCancelled()
                let start = Clock.nanos()
                let kept = try filter(batch)
                metrics.addElapsed(nanos: Clock.nanos() - start)
                if let kept, kept.rowCount > 0 {
                    metrics.recordBatch(rows: kept.rowCount)
                    return kept
                }
            }
            return nil
        }
    }

    func filter(_ batch: RecordBatch) throws -> RecordBatch? {
        if batch.rowCount == 0 { return nil }
        switch try predicate.evaluate(batch) {
        case .scalar(let value, _):
            if case .bool(true) = value { return batch }
            return nil
        case .column(let mask):
            return BatchFilter.filter(batch, by: mask)
        }
    }

    public var displayText: String { "FilterExec: \(predicate.displayText)" }
}
