public import LagoaColumnar

/// Computes one output column per expression; partition-preserving. Column references pass
/// buffers through without copying.
public final class ProjectionExec: ExecutionPlan {
    public let input: any ExecutionPlan
    public let expressions: [any PhysicalExpr]
    public let schema: Schema
    public let metrics = OperatorMetrics()
    public var children: [any ExecutionPlan] { [input] }
    public var partitionCount: Int { input.partitionCount }

    public init(input: any ExecutionPlan, expressions: [any PhysicalExpr], schema: Schema) {
        self.input = input
        self.expressions = expressions
        self.schema = schema
    }

    public func execute(partition: Int, context: TaskContext) throws -> any BatchStream {
        let child = try input.execute(partition: partition, context: context)
        return ClosureBatchStream { [self] in
            guard let batch = try await child.next() else { return nil }
            try context.checkCancelled()
            let start = Clock.nanos()
            let columns = try expressions.map { try $0.evaluateColumn(batch) }
            let out = RecordBatch(schema: schema, columns: columns, rowCount: batch.rowCount)
            metrics.addElapsed(nanos: Clock.nanos() - start)
            metrics.recordBatch(rows: out.rowCount)
            return out
        }
    }

    public var displayText: String {
        "ProjectionExec: [" + zip(expressions, schema.fields).map { "\($0.displayText) AS \($1.name)" }.joined(separator: ", ") + "]"
    }
}
