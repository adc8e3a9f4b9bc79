public import LagoaColumnar

/// No input: one row without columns (`SELECT 1` without FROM) or no row at all.
public final class EmptyExec: ExecutionPlan {
    public let schema: Schema
    public let oneRow: Bool
    public let metrics = OperatorMetrics()

    public init(oneRow: Bool, schema: Schema = Schema([])) {
        self.oneRow = oneRow
        self.schema = schema
    }

    public var children: [any ExecutionPlan] { [] }
    public var partitionCount: Int { 1 }
    public var displayText: String { oneRow ? "EmptyExec: one row" : "EmptyExec: no rows" }

    public func execute(partition: Int, context: TaskContext) throws -> any BatchStream {
        precondition(partition == 0, "EmptyExec has one output partition, asked for \(partition)")
        let schema = self.schema
        let oneRow = self.oneRow
        return ComputedBatchStream(context: context, metrics: metrics) {
            guard oneRow else { return [] }
            let columns = schema.fields.map { ColumnExpansion.repeating(.null, type: $0.type, count: 1) }
            return [RecordBatch(schema: schema, columns: columns, rowCount: 1)]
        }
    }
}
