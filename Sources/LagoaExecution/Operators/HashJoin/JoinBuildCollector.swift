import LagoaColumnar
import LagoaPlanner
import Synchronization

/// What the build side of a ``HashJoinExec`` became once collected.
enum JoinBuild: Sendable {
    /// Every build row in memory, with its hash table; `reservation` holds its bytes for as long as
    /// the plan keeps the side.
    case memory(JoinBuildSide, reservation: MemoryReservation)
    /// The build rows in bucket files by key hash (see ``GraceHashJoin``).
    case spilled(JoinBuildSpill)
}

/// Collects the build (right) side of a hash join from its partitions in parallel, reserving
/// memory batch by batch; when the pool refuses, writes what it holds and every later batch to
/// bucket files instead (``JoinBuildSpill``).
final class JoinBuildCollector: Sendable {
    private let join: HashJoinExec
    private let context: TaskContext
    private let reservation: MemoryReservation
    /// Batches kept in memory per build partition (concatenated in partition order, as before
    /// spilling existed), or the spill once the pool refused.
    private let state: Mutex<(batches: [[RecordBatch]], spill: JoinBuildSpill?)>

    init(join: HashJoinExec, context: TaskContext) {
        self.join = join
        self.context = context
        reservation = MemoryReservation(context.memory)
        state = Mutex((Array(repeating: [], count: join.right.partitionCount), nil))
    }

    /// Keeps `batch` (of build partition `partition`) in memory if the pool has room, spills it
    /// (and everything kept) otherwise.
    /// - Throws: ``ExecutionError`` (`io`) when a spill file cannot be written; key evaluation
    ///   errors.
    func add(_ batch: RecordBatch, partition: Int) throws {
        let bytes = PartitionGather.byteSize(batch)
        let (spill, earlier) = state.withLock { s -> (JoinBuildSpill?, [RecordBatch]) in
            if let spill = s.spill { return (spill, []) }
            if reservation.tryResize(to: reservation.size + bytes) {
                s.batches[partition].append(batch)
                return (nil, [])
            }
            let spill = JoinBuildSpill(join: join, context: context)
            s.spill = spill
            let earlier = s.batches.flatMap { $0 }
            s.batches = []
            return (spill, earlier)
        }
        guard let spill else { return }
        for b in earlier { try spill.add(b) }
        try spill.add(batch)
        if !earlier.isEmpty { reservation.release() }
    }

    /// The build side: in memory when everything fit (table included), spilled otherwise.
    func finish() throws -> JoinBuild {
        let (batches, spill) = state.withLock { s in
            let taken = (s.batches, s.spill)
            s.batches = []
            return taken
        }
        if let spill { return .spilled(spill) }
        let batch = BatchConcatenation.concatenate(batches.flatMap { $0 }, schema: join.right.schema)
        let keys = try join.rightKeys.map { try $0.evaluateColumn(batch) }
        let side = try JoinBuildSide(batch: batch, keys: keys)
        if reservation.tryResize(to: side.memoryBytes) {
            return .memory(side, reservation: reservation)
        }
        // The rows fit but not with their table: spill them.
        let spilled = JoinBuildSpill(join: join, context: context)
        for part in BatchConcatenation.slices(batch, size: context.batchSize) { try spilled.add(part) }
        reservation.release()
        return .spilled(spilled)
    }
}

/// A hash join's build side written to bucket files by the hash of its key, with what the probe
/// needs to know about the whole side (row count, whether some key is NULL).
///
/// Build rows with a NULL key never match; they are kept (in the bucket of their hash) only when
/// the join emits them unmatched (``HashJoinExec/outputsNullKeyBuildRows``).
final class JoinBuildSpill: Sendable {
    private let join: HashJoinExec
    let buckets: SpillBuckets
    let stats = SpillStats()
    private let counts = Mutex((rows: 0, hasNullKey: false))

    init(join: HashJoinExec, context: TaskContext) {
        self.join = join
        buckets = SpillBuckets(level: 0, directory: context.spillDirectory, prefix: "lagoa-join-build", stats: stats)
    }

    /// Build rows seen, NULL keys included.
    var rowCount: Int { counts.withLock { $0.rows } }
    /// Whether some build row has a NULL key.
    var hasNullKey: Bool { counts.withLock { $0.hasNullKey } }

    /// Writes the rows of `batch` to the buckets of their key hashes.
    func add(_ batch: RecordBatch) throws {
        let keys = try join.rightKeys.map { try $0.evaluateColumn(batch) }
        let encoded = try EncodedKeys(keys, rowCount: batch.rowCount)
        let nulls = encoded.hasNull.contains(true)
        counts.withLock {
            $0.rows += batch.rowCount
            $0.hasNullKey = $0.hasNullKey || nulls
        }
        if nulls && !join.outputsNullKeyBuildRows {
            let keep = (0..<batch.rowCount).filter { !encoded.hasNull[$0] }.map { Int32($0) }
            try buckets.write(Gather.batch(batch, keep), hashes: keep.map { encoded.hashes[Int($0)] })
        } else {
            try buckets.write(batch, hashes: encoded.hashes)
        }
        join.metrics.set("spilled", stats.metric)
    }
}
