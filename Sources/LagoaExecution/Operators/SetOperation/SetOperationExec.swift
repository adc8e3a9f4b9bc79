public import LagoaColumnar
public import LagoaPlanner

/// `UNION [ALL]`, `INTERSECT [ALL]` and `EXCEPT [ALL]` over two inputs with the same column types.
///
/// UNION ALL concatenates the inputs' partitions (no pipeline break). The others read both sides
/// concurrently and count each distinct row per side in a ``SetOperationRowTable`` (NULLs compare
/// equal): UNION keeps each distinct row once, INTERSECT rows on both sides (ALL: min of the
/// counts), EXCEPT left rows missing on the right (ALL: left count minus right count).
public final class SetOperationExec: ExecutionPlan {
    public let kind: SetOperationKind
    public let all: Bool
    public let left: any ExecutionPlan
    public let right: any ExecutionPlan
    public let schema: Schema
    public let metrics = OperatorMetrics()

    public init(kind: SetOperationKind, all: Bool, left: any ExecutionPlan, right: any ExecutionPlan, schema: Schema) {
        self.kind = kind
        self.all = all
        self.left = left
        self.right = right
        self.schema = schema
    }

    public var children: [any ExecutionPlan] { [left, right] }
    private var isUnionAll: Bool { kind == .union && all }
    public var partitionCount: Int { isUnionAll ? left.partitionCount + right.partitionCount : 1 }
    public var displayText: String { "SetOperationExec: \(kind.rawValue.uppercased())\(all ? " ALL" : "")" }

    public func execute(partition: Int, context: TaskContext) throws -> any BatchStream {
        if isUnionAll {
            let fromLeft = partition < left.partitionCount
            let stream = fromLeft
                ? try left.execute(partition: partition, context: context)
                : try right.execute(partition: partition - left.partitionCount, context: context)
            return RelabelStream(input: stream, schema: schema, metrics: metrics)
        }
        precondition(partition == 0, "SetOperationExec has one output partition, asked for \(partition)")
        return ComputedBatchStream(context: context, metrics: metrics) { [self] in try await run(context) }
    }

    private func run(_ context: TaskContext) async throws -> [RecordBatch] {
        async let leftBatches = PartitionGather.collect(left, context: context)
        async let rightBatches = PartitionGather.collect(right, context: context)
        let sides = [
            PartitionGather.concatenate(try await leftBatches.flatMap { $0 }.map(relabel), schema: schema),
            PartitionGather.concatenate(try await rightBatches.flatMap { $0 }.map(relabel), schema: schema),
        ]
        var table = SetOperationRowTable()
        table.insert(sides[0], side: 0)
        if kind != .union || sides[1].rowCount > 0 { table.insert(sides[1], side: 1) }
        // Rows to output as indices into left ++ right.
        var indices: [Int] = []
        for g in 0..<table.groupCount {
            let l = table.counts[0][g]
            let r = table.counts[1][g]
            let times: Int
            switch (kind, all) {
            case (.union, _): times = 1
            case (.intersect, false): times = l > 0 && r > 0 ? 1 : 0
            case (.intersect, true): times = min(l, r)
            case (.except, false): times = l > 0 && r == 0 ? 1 : 0
            case (.except, true): times = max(0, l - r)
            }
            guard times > 0 else { continue }
            let at = table.firstRow[g] + (table.firstSide[g] == 0 ? 0 : sides[0].rowCount)
            for _ in 0..<times { indices.append(at) }
        }
        let both = PartitionGather.concatenate(sides, schema: schema)
        return PartitionGather.split(both.take(indices), size: context.batchSize)
    }

    private func relabel(_ batch: RecordBatch) -> RecordBatch {
        RecordBatch(schema: schema, columns: batch.columns, rowCount: batch.rowCount)
    }
}

/// Passes batches through under another schema (same types, the set operation's column names).
final class RelabelStream: BatchStream {
    let input: any BatchStream
    let schema: Schema
    let metrics: OperatorMetrics

    init(input: any BatchStream, schema: Schema, metrics: OperatorMetrics) {
        self.input = input
        self.schema = schema
        self.metrics = metrics
    }

    func next() async throws -> RecordBatch? {
        guard let batch = try await input.next() else { return nil }
        metrics.recordBatch(rows: batch.rowCount)
        return RecordBatch(schema: schema, columns: batch.columns, rowCount: batch.rowCount)
    }
}
