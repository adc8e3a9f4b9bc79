public import LagoaColumnar

/// Runs every partition of a plan concurrently (one child task per partition, as DataFusion's
/// partition model intends) and gathers what each produced.
public enum PartitionRunner {
    /// Runs `body` over each output partition of `plan` in a task group; results are in partition
    /// order.
    public static func run<R: Sendable>(
        _ plan: any ExecutionPlan,
        context: TaskContext,
        _ body: @escaping @Sendable (_ partition: Int, _ stream: any BatchStream) async throws -> R
    ) async throws -> [R] {
        let count = plan.partitionCount
        if count == 1 { return [try await body(0, try plan.execute(partition: 0, context: context))] }
        return try await withThrowingTaskGroup(of: (Int, R).self) { group in
            for partition in 0..<count {
                group.addTask {
                    let stream = try plan.execute(partition: partition, context: context)
                    return (partition, try await body(partition, stream))
                }
            }
            var results = [R?](repeating: nil, count: count)
            for try await (partition, result) in group { results[partition] = result }
            return results.map { $0! }
        }
    }

    /// Every batch of every partition of `plan`, partitions in order.
    public static func collect(_ plan: any ExecutionPlan, context: TaskContext) async throws -> [RecordBatch] {
        try await run(plan, context: context) { _, stream in
            var out: [RecordBatch] = []
            while let batch = try await stream.next() {
                try context.checkCancelled()
                if batch.rowCount > 0 { out.append(batch) }
            }
            return out
        }.flatMap { $0 }
    }
}
