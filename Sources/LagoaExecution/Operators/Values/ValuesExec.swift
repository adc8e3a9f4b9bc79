public import LagoaColumnar

/// Constant rows (`VALUES (…), (…)`), already evaluated into one batch; one partition.
public final class ValuesExec: ExecutionPlan {
    public let schema: Schema
    public let batch: RecordBatch
    public let metrics = OperatorMetrics()

    /// - Parameter rows: one ``Value`` per column per row, already of the column types.
    public init(schema: Schema, rows: [[Value]]) {
        self.schema = schema
        let builders = schema.fields.map { ColumnBuilder($0.type, capacity: rows.count) }
        for row in rows {
            for (builder, value) in zip(builders, row) { builder.append(value) }
        }
        batch = RecordBatch(schema: schema, columns: builders.map { $0.finish() }, rowCount: rows.count)
    }

    /// Rows given as a ready batch.
    public init(batch: RecordBatch) {
        self.schema = batch.schema
        self.batch = batch
    }

    public var children: [any ExecutionPlan] { [] }
    public var partitionCount: Int { 1 }
    public var displayText: String { "ValuesExec: rows=\(batch.rowCount)" }

    public func execute(partition: Int, context: TaskContext) throws -> any BatchStream {
        precondition(partition == 0, "ValuesExec has one output partition, asked for \(partition)")
        let batch = self.batch
        return ComputedBatchStream(context: context, metrics: metrics) {
            PartitionGather.split(batch, size: context.batchSize)
        }
    }
}
