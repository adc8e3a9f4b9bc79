public import LagoaColumnar
import LagoaFunctions

/// `GROUP BY` with aggregates (and GROUPING SETS): every input partition is aggregated into its own
/// partial hash table in a child task (``GroupingSetState``), then the partials are merged through
/// the accumulators' `state()` / `merge` into one table that produces one output partition.
///
/// DISTINCT aggregates drop repeated (group, arguments) rows before their accumulator; because that
/// needs one view of all rows, the input partitions are then aggregated one after another.
///
/// Memory: each partial reserves what its tables hold. When the pool refuses, the partial's sets
/// with keys are spilled to disk by key hash and the task goes on with fresh tables; at the end
/// every bucket is merged and emitted on its own (``AggregateSpill``, a grace hash aggregation,
/// DISTINCT included). Without a spill nothing is copied: the partials are merged in memory as
/// before. Sets without keys never spill (one group); only when such a set alone exceeds the
/// limit — DISTINCT over the whole input — does the operator fail with `resources_exhausted`.
public final class HashAggregateExec: ExecutionPlan {
    public let input: any ExecutionPlan
    public let groupExprs: [any PhysicalExpr]
    public let aggregates: [AggregateSpec]
    /// Each set lists indices into ``groupExprs``; a plain GROUP BY is one set of all of them.
    public let groupingSets: [[Int]]
    public let groupingIDType: DataType?
    public let schema: Schema
    public let metrics = OperatorMetrics()
    public var children: [any ExecutionPlan] { [input] }
    public var partitionCount: Int { 1 }

    public init(input: any ExecutionPlan, groupExprs: [any PhysicalExpr], aggregates: [AggregateSpec], groupingSets: [[Int]]?, groupingIDType: DataType?, schema: Schema) {
        self.input = input
        self.groupExprs = groupExprs
        self.aggregates = aggregates
        self.groupingSets = groupingSets ?? [Array(groupExprs.indices)]
        self.groupingIDType = groupingIDType
        self.schema = schema
    }

    public func execute(partition: Int, context: TaskContext) throws -> any BatchStream {
        LazyBatchStream { [self] in try await run(context) }
    }

    /// One task's partial states and the memory they hold, moving from the task that built them
    /// to the merge.
    private final class Partial: @unchecked Sendable {
        // Safe: used by one task at a time (built by a child task, read by the parent after that
        // task finished).
        var sets: [GroupingSetState]
        let reservation: MemoryReservation

        init(sets: [GroupingSetState], context: TaskContext) {
            self.sets = sets
            reservation = MemoryReservation(context.memory)
        }

        var memoryBytes: Int { sets.reduce(0) { $0 + $1.memoryBytes } }
    }

    private func run(_ context: TaskContext) async throws -> any BatchStream {
        let spill = AggregateSpill(aggregate: self, context: context)
        let sequential = aggregates.contains { $0.distinct }
        let partials: [Partial]
        if sequential {
            let partial = Partial(sets: try makeSets(), context: context)
            for partition in 0..<input.partitionCount {
                let stream = try input.execute(partition: partition, context: context)
                try await consume(stream, into: partial, spill: spill, context: context)
            }
            partials = [partial]
        } else {
            partials = try await PartitionRunner.run(input, context: context) { [self] _, stream in
                let partial = Partial(sets: try makeSets(), context: context)
                try await consume(stream, into: partial, spill: spill, context: context)
                return partial
            }
        }
        let start = Clock.nanos()
        let final = partials[0]
        for partial in partials.dropFirst() {
            try context.checkCancelled()
            if spill.hasSpilled {
                // Sets without keys are merged; the others go to disk.
                for (mine, theirs) in zip(final.sets, partial.sets) where theirs.keyIndices.isEmpty { try mine.merge(theirs) }
                _ = try spill.spill(partial.sets)
            } else {
                for (mine, theirs) in zip(final.sets, partial.sets) { try mine.merge(theirs) }
                if !final.reservation.tryResize(to: final.memoryBytes) && AggregateSpill.canSpill(final.sets) {
                    final.sets = try spill.spill(final.sets)
                }
                final.reservation.forceResize(to: final.memoryBytes)
            }
            partial.sets = []
            partial.reservation.release()
        }
        if spill.hasSpilled {
            final.sets = try spill.spill(final.sets)
            final.reservation.forceResize(to: final.memoryBytes)
        }
        defer { final.reservation.release() }
        var batches: [RecordBatch] = []
        var groups = 0
        for set in final.sets where !spill.hasSpilled || set.keyIndices.isEmpty {
            let columns = try set.finish(groupTypes: groupExprs.map(\.type), groupingIDType: groupingIDType)
            let batch = RecordBatch(schema: schema, columns: columns, rowCount: set.table.groupCount)
            groups += set.table.groupCount
            if batch.rowCount > 0 { batches.append(contentsOf: BatchConcatenation.slices(batch, size: context.batchSize)) }
        }
        metrics.addElapsed(nanos: Clock.nanos() - start)
        metrics.set("groups", String(groups))
        metrics.set("partials", String(partials.count))
        if spill.hasSpilled {
            return spill.makeStream(first: batches, groups: groups)
        }
        for batch in batches { metrics.recordBatch(rows: batch.rowCount) }
        return ArrayBatchStream(batches)
    }

    private func makeSets() throws -> [GroupingSetState] {
        try groupingSets.map { try GroupingSetState(keyIndices: $0, aggregates: aggregates) }
    }

    /// Aggregates every batch of `stream` into `partial`, spilling its sets with keys whenever the
    /// memory pool refuses the bytes they need.
    private func consume(_ stream: any BatchStream, into partial: Partial, spill: AggregateSpill, context: TaskContext) async throws {
        while let batch = try await stream.next() {
            try context.checkCancelled()
            if batch.rowCount == 0 { continue }
            let start = Clock.nanos()
            let keys = try groupExprs.map { try $0.evaluateColumn(batch) }
            let arguments = try aggregates.map { spec in try spec.arguments.map { try $0.evaluateColumn(batch) } }
            let filters = try aggregates.map { spec in try spec.filter.map { try $0.evaluateColumn(batch) } }
            for set in partial.sets {
                try set.update(rowCount: batch.rowCount, keys: keys, arguments: arguments, filters: filters)
            }
            try fit(partial, spill: spill, context: context)
            metrics.addElapsed(nanos: Clock.nanos() - start)
        }
    }

    /// Reserves the bytes `partial` holds now, spilling it when the pool refuses them.
    /// - Throws: ``ExecutionError/Code/resourcesExhausted`` when nothing can be spilled and the
    ///   partial alone is larger than the limit (DISTINCT aggregates without GROUP BY keys).
    private func fit(_ partial: Partial, spill: AggregateSpill, context: TaskContext) throws {
        let used = partial.memoryBytes
        if partial.reservation.tryResize(to: used) { return }
        guard AggregateSpill.canSpill(partial.sets) else {
            if let limit = context.memory.limit, used > limit {
                throw ExecutionError(
                    .resourcesExhausted,
                    "HashAggregateExec needs \(used) bytes for aggregates without GROUP BY keys (such as count(DISTINCT …) over the whole input), which cannot spill, but the memory limit is \(limit) bytes; raise --memory-limit"
                )
            }
            // Fresh tables of every task, or a grand total, over a nearly full pool: go on.
            partial.reservation.forceResize(to: used)
            return
        }
        partial.sets = try spill.spill(partial.sets)
        let now = partial.memoryBytes
        if !partial.reservation.tryResize(to: now) { partial.reservation.forceResize(to: now) }
    }

    public var displayText: String {
        var text = "HashAggregateExec: group=[\(groupExprs.map(\.displayText).joined(separator: ", "))]"
        text += " aggregates=[\(aggregates.map(\.displayText).joined(separator: ", "))]"
        if groupingSets.count > 1 || groupingSets.first?.count != groupExprs.count {
            text += " sets=\(groupingSets)"
        }
        return text
    }
}
