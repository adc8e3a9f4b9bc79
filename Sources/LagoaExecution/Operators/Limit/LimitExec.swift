public import LagoaColumnar

/// `LIMIT n OFFSET m`: skips `offset` rows, then passes at most `limit` rows, reading the input's
/// partitions one after another (one output partition) and stopping as soon as it has enough.
public final class LimitExec: ExecutionPlan {
    public let input: any ExecutionPlan
    /// `nil`: no limit (OFFSET only).
    public let limit: Int?
    public let offset: Int
    public let metrics = OperatorMetrics()

    public init(input: any ExecutionPlan, limit: Int?, offset: Int = 0) {
        self.input = input
        self.limit = limit
        self.offset = max(0, offset)
    }

    public var schema: Schema { input.schema }
    public var children: [any ExecutionPlan] { [input] }
    public var partitionCount: Int { 1 }
    public var displayText: String { "LimitExec: limit=\(limit.map(String.init) ?? "none") offset=\(offset)" }

    public func execute(partition: Int, context: TaskContext) throws -> any BatchStream {
        precondition(partition == 0, "LimitExec has one output partition, asked for \(partition)")
        return Stream(plan: self, context: context)
    }

    final class Stream: BatchStream {
        let plan: LimitExec
        let context: TaskContext
        var partition = 0
        var current: (any BatchStream)?
        var toSkip: Int
        var remaining: Int

        init(plan: LimitExec, context: TaskContext) {
            self.plan = plan
            self.context = context
            self.toSkip = plan.offset
            self.remaining = plan.limit ?? Int.max
        }

        func next() async throws -> RecordBatch? {
            let start = ContinuousClock.now
            while remaining > 0 {
                try context.checkCancelled()
                if current == nil {
                    guard partition < plan.input.partitionCount else { break }
                    current = try plan.input.execute(partition: partition, context: context)
                    partition += 1
                }
                guard var batch = try await current!.next() else {
                    current = nil
                    continue
                }
                if toSkip > 0 {
                    let skip = min(toSkip, batch.rowCount)
                    toSkip -= skip
                    batch = batch.slice(skip, batch.rowCount - skip)
                }
                if batch.rowCount == 0 { continue }
                if batch.rowCount > remaining { batch = batch.slice(0, remaining) }
                remaining -= batch.rowCount
                plan.metrics.recordBatch(rows: batch.rowCount)
                plan.metrics.addElapsed(nanos: Self.nanos(ContinuousClock.now - start))
                return batch
            }
            current = nil
            return nil
        }

        static func nanos(_ d: Duration) -> UInt64 {
            UInt64(max(0, d.components.seconds)) * 1_000_000_000 + UInt64(max(0, d.components.attoseconds / 1_000_000_000))
        }
    }
}
