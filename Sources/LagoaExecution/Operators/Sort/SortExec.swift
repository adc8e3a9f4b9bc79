public import LagoaColumnar
import LagoaCore

/// ORDER BY, and top-N when ``fetch`` is set: reads every input partition concurrently, sorts the
/// rows by their encoded keys (see ``SortKeyColumn``) in parallel chunks, and produces one sorted
/// partition. The sort is stable; NULLs go first or last per key.
///
/// With ``fetch`` each input partition keeps only its best `fetch` rows as it reads (a buffer that
/// is cut back whenever it doubles), so top-N needs memory for N rows, not the input. When the
/// memory pool refuses more bytes, buffered rows are sorted and spilled as a run to the spill
/// folder; runs are merged back at the end (see ``SortSpill``).
public final class SortExec: ExecutionPlan {
    /// One ORDER BY key.
    public struct Key: Sendable {
        public var expr: any PhysicalExpr
        public var ascending: Bool
        public var nullsFirst: Bool
        public init(expr: any PhysicalExpr, ascending: Bool = true, nullsFirst: Bool? = nil) {
            self.expr = expr
            self.ascending = ascending
            self.nullsFirst = nullsFirst ?? !ascending
        }
    }

    public let input: any ExecutionPlan
    public let keys: [Key]
    public let fetch: Int?
    public let metrics = OperatorMetrics()

    public init(input: any ExecutionPlan, keys: [Key], fetch: Int? = nil) {
        self.input = input
        self.keys = keys
        self.fetch = fetch
    }

    public var schema: Schema { input.schema }
    public var children: [any ExecutionPlan] { [input] }
    public var partitionCount: Int { 1 }

    public var displayText: String {
        let list = keys.map { "\($0.expr.displayText) \($0.ascending ? "ASC" : "DESC") NULLS \($0.nullsFirst ? "FIRST" : "LAST")" }
        return (fetch.map { "SortExec: TopN(fetch=\($0)) " } ?? "SortExec: ") + "[" + list.joined(separator: ", ") + "]"
    }

    public func execute(partition: Int, context: TaskContext) throws -> any BatchStream {
        precondition(partition == 0, "SortExec has one output partition, asked for \(partition)")
        return ComputedBatchStream(context: context, metrics: metrics) { [self] in try await run(context) }
    }

    /// Encodes the sort keys of `batch`.
    func encodeKeys(_ batch: RecordBatch, compact: Bool = true) throws -> [SortKeyColumn] {
        try keys.map { SortKeyColumn(try $0.expr.evaluateColumn(batch), ascending: $0.ascending, nullsFirst: $0.nullsFirst, compactDecimals: compact) }
    }

    /// `batch` sorted (its first `fetch` rows when set).
    func sorted(_ batch: RecordBatch, fetch: Int?, tasks: Int) async throws -> RecordBatch {
        guard batch.rowCount > 1 else { return batch }
        let order = await SortPermutation.sort(try encodeKeys(batch), count: batch.rowCount, fetch: fetch, tasks: tasks)
        return batch.take(order)
    }

    private func run(_ context: TaskContext) async throws -> [RecordBatch] {
        let schema = self.schema
        let fetch = self.fetch
        let spill = SortSpill(sort: self, context: context)
        let partitions = try await PartitionGather.each(input, context: context, fold: { (state: inout SortBuffer, batch) in
            try await state.add(batch, sort: self, fetch: fetch, spill: spill, context: context)
        }, initial: { SortBuffer(schema: schema) })
        defer { for p in partitions { context.memory.release(p.reservedBytes) } }
        let buffered = PartitionGather.concatenate(partitions.flatMap(\.batches), schema: schema)
        if spill.hasRuns {
            let last = try await sorted(buffered, fetch: fetch, tasks: context.threads)
            return try await spill.merge(lastRun: last, fetch: fetch)
        }
        let result = try await sorted(buffered, fetch: fetch, tasks: context.threads)
        return PartitionGather.split(result, size: context.batchSize)
    }
}

/// The rows one input partition of a ``SortExec`` holds in memory.
struct SortBuffer: Sendable {
    let schema: Schema
    var batches: [RecordBatch] = []
    var rows = 0
    var reservedBytes = 0

    init(schema: Schema) { self.schema = schema }

    mutating func add(_ batch: RecordBatch, sort: SortExec, fetch: Int?, spill: SortSpill, context: TaskContext) async throws {
        let bytes = PartitionGather.byteSize(batch)
        if !context.memory.tryReserve(bytes) {
            // Over the limit: spill what is buffered as a sorted run, then try again.
            if !batches.isEmpty {
                let run = try await sort.sorted(PartitionGather.concatenate(batches, schema: schema), fetch: fetch, tasks: 1)
                try spill.write(run)
                batches = []
                rows = 0
                context.memory.release(reservedBytes)
                reservedBytes = 0
            }
            if !context.memory.tryReserve(bytes) {
                // Not even one batch fits: spill it alone.
                try spill.write(try await sort.sorted(batch, fetch: fetch, tasks: 1))
                return
            }
        }
        reservedBytes += bytes
        batches.append(batch)
        rows += batch.rowCount
        if let fetch, rows >= max(2 * fetch, 4096) {
            // Top-N: cut the buffer back to its best `fetch` rows.
            let best = try await sort.sorted(PartitionGather.concatenate(batches, schema: schema), fetch: fetch, tasks: 1)
            batches = [best]
            rows = best.rowCount
            let kept = PartitionGather.byteSize(best)
            context.memory.release(reservedBytes)
            reservedBytes = context.memory.tryReserve(kept) ? kept : 0
        }
    }
}
