public import LagoaColumnar

/// A physical operator: a node of the tree the executor runs.
///
/// Parallelism follows DataFusion's partition model: a plan has ``partitionCount`` output
/// partitions that can be executed concurrently, each as its own ``BatchStream``. Row-wise
/// operators (filter, projection) keep their input's partitions; pipeline breakers (hash aggregate,
/// the build side of a hash join, sort) consume all input partitions in parallel internally and
/// usually produce one output partition.
public protocol ExecutionPlan: AnyObject, Sendable {
    /// The output columns, positionally.
    var schema: Schema { get }
    var children: [any ExecutionPlan] { get }
    /// Output partitions that ``execute(partition:context:)`` accepts (≥ 1).
    var partitionCount: Int { get }
    /// Starts partition `partition` (0..<partitionCount).
    /// - Throws: planning-time failures; runtime failures come from the stream.
    func execute(partition: Int, context: TaskContext) throws -> any BatchStream
    /// One line for EXPLAIN: `HashJoinExec: mode=inner on=[o_orderkey = l_orderkey]`.
    var displayText: String { get }
    /// Rows, batches and time, filled while executing, for EXPLAIN ANALYZE.
    var metrics: OperatorMetrics { get }
}

/// A pull-based stream of batches of one partition.
public protocol BatchStream: AnyObject {
    /// The next batch, or `nil` at the end.
    /// - Throws: ``ExecutionError`` (cancelled, memory) or the error of a kernel/reader.
    func next() async throws -> RecordBatch?
}

extension BatchStream {
    /// Every remaining batch.
    public func collect() async throws -> [RecordBatch] {
        var out: [RecordBatch] = []
        while let batch = try await next() { out.append(batch) }
        return out
    }
}
