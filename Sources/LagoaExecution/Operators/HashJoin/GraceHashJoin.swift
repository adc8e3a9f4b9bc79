import LagoaColumnar
import LagoaPlanner
import Synchronization

/// The output of one probe partition of a ``HashJoinExec`` whose build side did not fit in
/// memory (a grace hash join).
///
/// The build rows are already in bucket files by key hash (``JoinBuildSpill``). The first probe
/// partition to start reads *every* probe partition and writes its rows to bucket files by the
/// same hash (``partitionProbe(join:build:context:)``, shared through the join's `probeCell`; the
/// other partitions wait for it). Then every probe partition takes buckets from the shared
/// ``GraceHashJoinQueue`` until none is left, and joins each on its own: loads the build bucket
/// into a ``JoinBuildSide``, streams the probe bucket through the usual probe logic
/// (``HashJoinExec/probeBatch(_:_:_:)``: residual filter, semi/anti/mark, NULL-aware anti with the
/// whole side's NULL flag), then emits the bucket's unmatched build rows for right and full joins.
/// Equal keys share a bucket, so each bucket's result is final, and the unmatched build rows of
/// one bucket are known once its probe rows are through (``JoinUnmatchedTracker`` is not used).
///
/// Probe rows with a NULL key never match; they are kept (in the bucket of their hash) for the
/// kinds that emit them (left, full, anti, mark) and dropped for the others.
///
/// A build bucket that does not fit is split again one level down, build and probe alike, with
/// the next bits of the hash. When a split leaves nearly every build row in one bucket (one key
/// with too many rows), or after ``SpillBuckets/maxLevels`` levels, the bucket is joined over the
/// limit and the `memory warning` metric says so. Files are deleted as buckets finish; when a
/// partition fails or is cancelled it deletes every bucket still queued, and the rest go with the
/// plan.
final class GraceHashJoin {
    /// One bucket to join: its build and probe files at a level.
    struct Partition: Sendable {
        let build: SpillFile?
        let probe: SpillFile?
        let level: Int
        /// `false` when splitting did not spread the build rows (one hot key).
        let splittable: Bool

        /// Deletes both files.
        func remove() {
            build?.remove()
            probe?.remove()
        }
    }

    /// The bucket being joined.
    private struct Current {
        let side: JoinBuildSide
        let probe: SpillFile.Reader?
        var matched: [Bool]
        let partition: Partition
        let reservation: MemoryReservation
    }

    private let join: HashJoinExec
    private let build: JoinBuildSpill
    private let context: TaskContext
    private var queue: GraceHashJoinQueue?
    private var current: Current?
    private var pending: [RecordBatch] = []

    init(join: HashJoinExec, build: JoinBuildSpill, context: TaskContext) {
        self.join = join
        self.build = build
        self.context = context
    }

    /// Whether probe rows with a NULL key can produce output for `kind`.
    private static func keepsNullProbeKeys(_ kind: JoinKind) -> Bool {
        switch kind {
        case .left, .full, .anti, .mark: return true
        default: return false
        }
    }

    /// Whether build rows nobody matched are emitted (so buckets without probe rows still matter).
    private var emitsUnmatchedBuild: Bool { join.kind == .right || join.kind == .full || join.emitsBuildSide }

    /// The next output batch, or `nil` once no bucket is left.
    /// - Throws: the first error of the probe input or of a bucket; every queued bucket's files
    ///   are deleted then, as the query fails anyway.
    func next() async throws -> RecordBatch? {
        do {
            return try await produce()
        } catch {
            current = nil
            queue?.removeAll()
            throw error
        }
    }

    private func produce() async throws -> RecordBatch? {
        if queue == nil {
            queue = try await join.probeCell.get { [join, build, context] in
                try await Self.partitionProbe(join: join, build: build, context: context)
            }
        }
        while true {
            try context.checkCancelled()
            if let batch = pending.popLast() {
                join.metrics.recordBatch(rows: batch.rowCount)
                return batch
            }
            let start = Clock.nanos()
            if current != nil {
                try step()
            } else if let partition = queue?.take() {
                try open(partition)
            } else {
                return nil
            }
            join.metrics.addElapsed(nanos: Clock.nanos() - start)
        }
    }

    /// Reads every probe partition concurrently into bucket files; returns the level-0 buckets
    /// (with the build side's files, taken over from `build`).
    private static func partitionProbe(join: HashJoinExec, build: JoinBuildSpill, context: TaskContext) async throws -> GraceHashJoinQueue {
        let builds = build.buckets.takeAll()
        if join.kind == .anti && join.nullAware && build.hasNullKey {
            // NOT IN over a side with a NULL: no probe row can qualify.
            for file in builds { file?.remove() }
            return GraceHashJoinQueue([])
        }
        let probe = SpillBuckets(level: 0, directory: context.spillDirectory, prefix: "lagoa-join-probe", stats: build.stats)
        let keepNulls = keepsNullProbeKeys(join.kind) && !join.emitsBuildSide
        _ = try await PartitionRunner.run(join.left, context: context) { _, stream in
            while let batch = try await stream.next() {
                try context.checkCancelled()
                if batch.rowCount == 0 { continue }
                let start = Clock.nanos()
                let keys = try join.leftKeys.map { try $0.evaluateColumn(batch) }
                let encoded = try EncodedKeys(keys, rowCount: batch.rowCount)
                if !keepNulls && encoded.hasNull.contains(true) {
                    let keep = (0..<batch.rowCount).filter { !encoded.hasNull[$0] }.map { Int32($0) }
                    try probe.write(Gather.batch(batch, keep), hashes: keep.map { encoded.hashes[Int($0)] })
                } else {
                    try probe.write(batch, hashes: encoded.hashes)
                }
                join.metrics.addElapsed(nanos: Clock.nanos() - start)
            }
            return 0
        }
        join.metrics.set("spilled", build.stats.metric)
        let probes = probe.takeAll()
        return GraceHashJoinQueue((0..<SpillBuckets.fanout).map { Partition(build: builds[$0], probe: probes[$0], level: 0, splittable: true) })
    }

    /// Starts joining `partition`: loads its build rows, or splits it when they do not fit.
    private func open(_ partition: Partition) throws {
        guard partition.probe != nil || (emitsUnmatchedBuild && partition.build != nil) else {
            // Nothing can come out of this bucket.
            partition.remove()
            return
        }
        let reservation = MemoryReservation(context.memory)
        let canSplit = partition.splittable && partition.level + 1 < SpillBuckets.maxLevels && partition.build != nil
        // The rows as written; their table comes on top and is checked once built.
        let estimate = partition.build?.bytesWritten ?? 0
        var overLimit = false
        if !reservation.tryResize(to: estimate) {
            if canSplit { return try split(partition) }
            reservation.forceResize(to: estimate)
            overLimit = true
        }
        var batches: [RecordBatch] = []
        if let file = partition.build {
            let reader = try file.makeReader()
            while let batch = try reader.next() { batches.append(batch) }
        }
        let batch = BatchConcatenation.concatenate(batches, schema: join.right.schema)
        batches = []
        let keys = try join.rightKeys.map { try $0.evaluateColumn(batch) }
        let side = try JoinBuildSide(batch: batch, keys: keys, wholeSide: (build.hasNullKey, build.rowCount == 0))
        if !reservation.tryResize(to: side.memoryBytes) {
            if canSplit {
                reservation.release()
                return try split(partition)
            }
            reservation.forceResize(to: side.memoryBytes)
            overLimit = true
        }
        if overLimit {
            join.metrics.set("memory warning", "a build bucket of \(side.rowCount) rows needs \(side.memoryBytes) bytes and cannot be split further; joined over the limit")
        }
        current = Current(
            side: side,
            probe: try partition.probe?.makeReader(),
            matched: [Bool](repeating: false, count: join.matchedCount(side)),
            partition: partition,
            reservation: reservation
        )
    }

    /// Joins the next probe rows (up to a batch) of the current bucket, or finishes the bucket.
    private func step() throws {
        guard var bucket = current else { return }
        // Spilled probe batches hold about 1/16 of an input batch each: join them up again.
        if let batch = try bucket.probe?.next(coalescingTo: context.batchSize) {
            current = nil
            let out = try join.probeBatch(batch, bucket.side, &bucket.matched)
            current = bucket
            if let out { pending = BatchConcatenation.slices(out, size: context.batchSize).reversed() }
            return
        }
        current = nil
        if join.emitsBuildSide {
            if let rows = join.emitter.buildSideRows(bucket.side, matched: bucket.matched, perKey: join.filter == nil) {
                pending = BatchConcatenation.slices(rows, size: context.batchSize).reversed()
            }
        } else if emitsUnmatchedBuild, let tail = join.emitter.unmatchedBuildRows(bucket.side, matched: bucket.matched, probeSchema: join.left.schema) {
            pending = BatchConcatenation.slices(tail, size: context.batchSize).reversed()
        }
        bucket.partition.remove()
        bucket.reservation.release()
    }

    /// Re-partitions a bucket's build and probe rows one level down and queues the new buckets.
    private func split(_ partition: Partition) throws {
        let level = partition.level + 1
        let builds = SpillBuckets(level: level, directory: context.spillDirectory, prefix: "lagoa-join-build", stats: build.stats)
        let probes = SpillBuckets(level: level, directory: context.spillDirectory, prefix: "lagoa-join-probe", stats: build.stats)
        try rehash(partition.build, keys: join.rightKeys, into: builds)
        try rehash(partition.probe, keys: join.leftKeys, into: probes)
        partition.remove()
        let buildFiles = builds.takeAll()
        let probeFiles = probes.takeAll()
        // A bucket that kept nearly every row (one hot key) would only be rewritten again.
        let total = buildFiles.reduce(0) { $0 + ($1?.bytesWritten ?? 0) }
        queue?.push((0..<SpillBuckets.fanout).map { b in
            let bytes = buildFiles[b]?.bytesWritten ?? 0
            return Partition(build: buildFiles[b], probe: probeFiles[b], level: level, splittable: bytes * 10 < total * 9)
        })
        join.metrics.set("spilled", build.stats.metric)
    }

    /// Copies the batches of `file` into `buckets` by the hash of `keys`.
    private func rehash(_ file: SpillFile?, keys: [any PhysicalExpr], into buckets: SpillBuckets) throws {
        guard let file else { return }
        let reader = try file.makeReader()
        while let batch = try reader.next() {
            try context.checkCancelled()
            let columns = try keys.map { try $0.evaluateColumn(batch) }
            try buckets.write(batch, hashes: try EncodedKeys(columns, rowCount: batch.rowCount).hashes)
        }
    }
}

/// The buckets of a spilled hash join not taken yet, shared by its probe partitions.
final class GraceHashJoinQueue: Sendable {
    private let partitions: Mutex<[GraceHashJoin.Partition]>

    init(_ partitions: [GraceHashJoin.Partition]) {
        self.partitions = Mutex(Array(partitions.reversed()))
    }

    /// The next bucket to join, or `nil` when every bucket is taken.
    func take() -> GraceHashJoin.Partition? {
        partitions.withLock { $0.popLast() }
    }

    /// Queues buckets of a split; they are taken before the rest.
    func push(_ more: [GraceHashJoin.Partition]) {
        partitions.withLock { $0.append(contentsOf: more.reversed()) }
    }

    /// Deletes the files of every bucket not taken yet.
    func removeAll() {
        let rest = partitions.withLock { p in
            let rest = p
            p = []
            return rest
        }
        for partition in rest { partition.remove() }
    }
}
