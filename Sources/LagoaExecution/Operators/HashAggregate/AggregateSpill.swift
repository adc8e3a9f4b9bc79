import LagoaColumnar
import LagoaFunctions
import Synchronization

/// Grace-hash spilling for ``HashAggregateExec``.
///
/// When a task's partial aggregate cannot reserve more memory, its grouping sets *with keys* are
/// written to disk as state rows (see ``GroupingSetState/spill(into:groupTypes:widths:batchSize:)``)
/// split into ``SpillBuckets/fanout`` buckets by the hash of the group key, and the task goes on
/// with fresh tables. Once the input is consumed, every remaining partial is spilled the same
/// way, and each bucket is merged back on its own (``merge(_:)``): equal keys always share a
/// bucket, so a bucket's merged table is final and can be finished and emitted before the next one
/// is read; peak memory is about one bucket.
///
/// A bucket that still does not fit is re-partitioned one level down with the next bits of the
/// hash (up to ``SpillBuckets/maxLevels`` levels). Past the last level — one group whose state
/// alone is too large, such as a huge `string_agg` — the merge goes on over the limit and the
/// operator records a `memory warning` metric instead of failing.
///
/// Sets without keys (the global aggregate, the grand total of ROLLUP) hold one group and stay in
/// memory. DISTINCT aggregates spill their `seen` rows, so they spill like the others.
final class AggregateSpill: Sendable {
    private let aggregate: HashAggregateExec
    private let context: TaskContext
    let stats = SpillStats()
    /// State columns per aggregate (0 for DISTINCT aggregates, whose seen rows are spilled), known
    /// from the first spill on; nothing of this runs while nothing spills.
    private let knownWidths = Mutex<[Int]?>(nil)
    private let groupTypes: [DataType]
    /// Level-0 buckets per grouping set; `nil` for sets without keys.
    private let buckets: [AggregateSetBuckets?]
    private let spilled = Atomic<Bool>(false)
    private let groups = Atomic<Int>(0)

    init(aggregate: HashAggregateExec, context: TaskContext) {
        self.aggregate = aggregate
        self.context = context
        groupTypes = aggregate.groupExprs.map(\.type)
        let stats = self.stats
        buckets = aggregate.groupingSets.map { keys in
            keys.isEmpty ? nil : AggregateSetBuckets(level: 0, aggregates: aggregate.aggregates, directory: context.spillDirectory, stats: stats)
        }
    }

    /// State columns per aggregate, asked once of fresh accumulators.
    private var widths: [Int] {
        get throws {
            if let known = knownWidths.withLock({ $0 }) { return known }
            let widths = try aggregate.aggregates.map { $0.distinct ? 0 : try $0.makeAccumulator().state().count }
            knownWidths.withLock { $0 = widths }
            return widths
        }
    }

    /// Whether some partial was spilled: the output then comes from ``makeStream(first:groups:)``.
    var hasSpilled: Bool { spilled.load(ordering: .relaxed) }

    /// Whether `sets` hold a group that ``spill(_:)`` would write (sets without keys stay).
    static func canSpill(_ sets: [GroupingSetState]) -> Bool {
        sets.contains { !$0.keyIndices.isEmpty && $0.table.groupCount > 0 }
    }

    /// Writes the groups of every set with keys to the level-0 buckets and returns the sets to go
    /// on with: fresh ones in place of those written, the sets without keys as they were.
    /// - Throws: ``ExecutionError`` (`io`) when a spill file cannot be written.
    func spill(_ sets: [GroupingSetState]) throws -> [GroupingSetState] {
        spilled.store(true, ordering: .relaxed)
        let widths = try self.widths
        var out: [GroupingSetState] = []
        for (s, set) in sets.enumerated() {
            guard let target = buckets[s] else {
                out.append(set)
                continue
            }
            try set.spill(into: target, groupTypes: groupTypes, widths: widths, batchSize: context.batchSize)
            out.append(try GroupingSetState(keyIndices: set.keyIndices, aggregates: aggregate.aggregates))
        }
        aggregate.metrics.set("spilled", stats.metric)
        return out
    }

    /// The output once every partial has been spilled: `first` (the sets without keys, already
    /// finished), then every bucket of every set, merged one at a time.
    func makeStream(first: [RecordBatch], groups: Int) -> AggregateSpillStream {
        self.groups.add(groups, ordering: .relaxed)
        var work: [AggregateSpillPartition] = []
        for (s, target) in buckets.enumerated() {
            if let target { work += target.takePartitions(set: s) }
        }
        return AggregateSpillStream(spill: self, work: Array(work.reversed()), first: first, context: context, metrics: aggregate.metrics)
    }

    /// Merges one bucket's state and distinct rows into a fresh table and finishes it, or — when
    /// it does not fit — writes it to the buckets of the next level and returns those.
    /// - Returns: output batches, or the partitions of the next level to merge instead.
    func merge(_ item: AggregateSpillPartition) throws -> (batches: [RecordBatch], more: [AggregateSpillPartition]) {
        let keyIndices = aggregate.groupingSets[item.set]
        let widths = try self.widths
        var state = try GroupingSetState(keyIndices: keyIndices, aggregates: aggregate.aggregates)
        let reservation = MemoryReservation(context.memory)
        var next: AggregateSetBuckets? = nil
        func fit() throws {
            let used = state.memoryBytes
            if reservation.tryResize(to: used) { return }
            guard item.level + 1 < SpillBuckets.maxLevels else {
                reservation.forceResize(to: used)
                aggregate.metrics.set("memory warning", "a bucket needed \(used) bytes after \(SpillBuckets.maxLevels) levels of spilling; went over the limit")
                return
            }
            if next == nil {
                next = AggregateSetBuckets(level: item.level + 1, aggregates: aggregate.aggregates, directory: context.spillDirectory, stats: stats)
            }
            try state.spill(into: next!, groupTypes: groupTypes, widths: widths, batchSize: context.batchSize)
            state = try GroupingSetState(keyIndices: keyIndices, aggregates: aggregate.aggregates)
            reservation.forceResize(to: state.memoryBytes)
        }
        if let file = item.states {
            let reader = try file.makeReader()
            while let batch = try reader.next(coalescingTo: context.batchSize) {
                try context.checkCancelled()
                try state.mergeSpilledStates(batch, widths: widths)
                try fit()
            }
            file.remove()
        }
        for (k, file) in item.distinct.enumerated() {
            guard let file else { continue }
            let reader = try file.makeReader()
            while let batch = try reader.next(coalescingTo: context.batchSize) {
                try context.checkCancelled()
                try state.mergeSpilledDistinct(batch, aggregate: k)
                try fit()
            }
            file.remove()
        }
        if let next {
            try state.spill(into: next, groupTypes: groupTypes, widths: widths, batchSize: context.batchSize)
            aggregate.metrics.set("spilled", stats.metric)
            return ([], next.takePartitions(set: item.set))
        }
        let columns = try state.finish(groupTypes: groupTypes, groupingIDType: aggregate.groupingIDType)
        let count = state.table.groupCount
        groups.add(count, ordering: .relaxed)
        aggregate.metrics.set("groups", String(groups.load(ordering: .relaxed)))
        guard count > 0 else { return ([], []) }
        let batch = RecordBatch(schema: aggregate.schema, columns: columns, rowCount: count)
        return (BatchConcatenation.slices(batch, size: context.batchSize), [])
    }
}

/// The spill files of one grouping set at one level: state rows, and per DISTINCT aggregate its
/// distinct rows, bucketed alike.
final class AggregateSetBuckets: Sendable {
    let level: Int
    let states: SpillBuckets
    /// Per aggregate; `nil` for aggregates without DISTINCT.
    let distinct: [SpillBuckets?]

    init(level: Int, aggregates: [AggregateSpec], directory: String, stats: SpillStats) {
        self.level = level
        states = SpillBuckets(level: level, directory: directory, prefix: "lagoa-agg", stats: stats)
        distinct = aggregates.map {
            $0.distinct ? SpillBuckets(level: level, directory: directory, prefix: "lagoa-agg-distinct", stats: stats) : nil
        }
    }

    /// Hands over the files of every bucket that got rows, one partition per bucket.
    func takePartitions(set: Int) -> [AggregateSpillPartition] {
        let states = self.states.takeAll()
        let distinct = self.distinct.map { $0?.takeAll() }
        return (0..<SpillBuckets.fanout).compactMap { b in
            let files = distinct.map { $0?[b] }
            guard states[b] != nil || files.contains(where: { $0 != nil }) else { return nil }
            return AggregateSpillPartition(set: set, level: level, states: states[b], distinct: files)
        }
    }
}

/// One bucket of one grouping set to merge: its state file and distinct files (per aggregate).
struct AggregateSpillPartition: Sendable {
    let set: Int
    let level: Int
    let states: SpillFile?
    let distinct: [SpillFile?]
}
