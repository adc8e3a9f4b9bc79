public import LagoaColumnar
import LagoaFunctions

/// `GROUP BY` with aggregates (and GROUPING SETS): every input partition is aggregated into its own
/// partial hash table in a child task (``GroupingSetState``), then the partials are merged through
/// the accumulators' `state()` / `merge` into one table that produces one output partition.
///
/// DISTINCT aggregates drop repeated (group, arguments) rows before their accumulator; because that
/// needs one view of all rows, the input partitions are then aggregated one after another.
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
        DeferredBatchStream { [self] in try await run(context) }
    }

    /// Holds one task's partial states while they move from the task that built them to the merge.
    private struct Partial: @unchecked Sendable {
        // Safe: built by one child task and only read by the parent after that task finished.
        let sets: [GroupingSetState]
        let reserved: Int
    }

    private func run(_ context: TaskContext) async throws -> [RecordBatch] {
        let sequential = aggregates.contains { $0.distinct }
        var partials: [Partial]
        if sequential {
            let sets = try makeSets()
            var reserved = 0
            for partition in 0..<input.partitionCount {
                let stream = try input.execute(partition: partition, context: context)
                reserved = try await consume(stream, into: sets, reserved: reserved, context: context)
            }
            partials = [Partial(sets: sets, reserved: reserved)]
        } else {
            partials = try await PartitionRunner.run(input, context: context) { [self] _, stream in
                let sets = try makeSets()
                let reserved = try await consume(stream, into: sets, reserved: 0, context: context)
                return Partial(sets: sets, reserved: reserved)
            }
        }
        defer { context.memory.release(partials.reduce(0) { $0 + $1.reserved }) }
        let start = Clock.nanos()
        let final = partials[0].sets
        for partial in partials.dropFirst() {
            try context.checkCancelled()
            for (mine, theirs) in zip(final, partial.sets) { try mine.merge(theirs) }
        }
        var batches: [RecordBatch] = []
        for set in final {
            let columns = try set.finish(groupTypes: groupExprs.map(\.type), groupingIDType: groupingIDType)
            let batch = RecordBatch(schema: schema, columns: columns, rowCount: set.table.groupCount)
            if batch.rowCount > 0 { batches.append(contentsOf: BatchConcatenation.slices(batch, size: context.batchSize)) }
        }
        metrics.addElapsed(nanos: Clock.nanos() - start)
        for batch in batches { metrics.recordBatch(rows: batch.rowCount) }
        metrics.set("groups", String(final.reduce(0) { $0 + $1.table.groupCount }))
        metrics.set("partials", String(partials.count))
        return batches
    }

    private func makeSets() throws -> [GroupingSetState] {
        try groupingSets.map { try GroupingSetState(keyIndices: $0, aggregates: aggregates) }
    }

    /// Aggregates every batch of `stream` into `sets`; returns the bytes reserved so far.
    private func consume(_ stream: any BatchStream, into sets: [GroupingSetState], reserved: Int, context: TaskContext) async throws -> Int {
        var reserved = reserved
        while let batch = try await stream.next() {
            try context.checkCancelled()
            if batch.rowCount == 0 { continue }
            let start = Clock.nanos()
            let keys = try groupExprs.map { try $0.evaluateColumn(batch) }
            let arguments = try aggregates.map { spec in try spec.arguments.map { try $0.evaluateColumn(batch) } }
            let filters = try aggregates.map { spec in try spec.filter.map { try $0.evaluateColumn(batch) } }
            for set in sets {
                try set.update(rowCount: batch.rowCount, keys: keys, arguments: arguments, filters: filters)
            }
            let used = sets.reduce(0) { $0 + $1.memoryBytes }
            if used > reserved {
                try context.memory.reserve(used - reserved, for: "HashAggregateExec")
                reserved = used
            }
            metrics.addElapsed(nanos: Clock.nanos() - start)
        }
        return reserved
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
