import LagoaColumnar
import LagoaPlanner

/// The output of a ``HashJoinExec`` whose build side did not fit in memory (a grace hash join).
///
/// The build rows are already in bucket files by key hash (``JoinBuildSpill``). This stream — run
/// by probe partition 0, while the other partitions return nothing — first reads *every* probe
/// partition and writes its rows to bucket files by the same hash, then joins bucket by bucket:
/// loads the build bucket into a ``JoinBuildSide``, streams the probe bucket through the usual
/// probe logic (``HashJoinExec/probeBatch(_:_:_:)``: residual filter, semi/anti/mark, NULL-aware
/// anti with the whole side's NULL flag), then emits the bucket's unmatched build rows for right
/// and full joins. Equal keys share a bucket, so each bucket's result is final, and the unmatched
/// build rows of one bucket are known once its probe rows are through.
///
/// Probe rows with a NULL key never match; they are kept (in the bucket of their hash) for the
/// kinds that emit them (left, full, anti, mark) and dropped for the others.
///
/// A build bucket that does not fit is split again one level down, build and probe alike, with
/// the next bits of the hash. When a split leaves every build row in one bucket (one key with
/// too many rows), or after ``SpillBuckets/maxLevels`` levels, the bucket is joined over the limit
/// and the `memory warning` metric says so. Files are deleted as buckets finish, and the rest when
/// the stream is released (failure, cancellation, an early LIMIT).
final class GraceHashJoin {
    /// One bucket to join: its build and probe files at a level.
    struct Partition {
        let build: SpillFile?
        let probe: SpillFile?
        let level: Int
        /// `false` when splitting did not spread the build rows (one hot key).
        let splittable: Bool
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
    private var work: [Partition] = []
    private var current: Current?
    private var pending: [RecordBatch] = []
    /// The level-0 build files until the probe side is partitioned.
    private var builds: [SpillFile?]?

    /// Takes over the build side's files (they are deleted with this stream from now on).
    init(join: HashJoinExec, build: JoinBuildSpill, context: TaskContext) {
        self.join = join
        self.build = build
        self.context = context
        builds = build.buckets.takeAll()
    }

    /// Whether probe rows with a NULL key can produce output for this join kind.
    private var keepsNullProbeKeys: Bool {
        switch join.kind {
        case .left, .full, .anti, .mark: return true
        default: return false
        }
    }

    /// Whether build rows nobody matched are emitted (so buckets without probe rows still matter).
    private var emitsUnmatchedBuild: Bool { join.kind == .right || join.kind == .full }

    /// The next output batch, or `nil` once every bucket is joined.
    func next() async throws -> RecordBatch? {
        if let builds {
            self.builds = nil
            try await partitionProbe(builds)
        }
        while true {
            try context.checkCancelled()
            if let batch = pending.popLast() {
                join.metrics.recordBatch(rows: batch.rowCount)
                return batch
            }
            if current != nil {
                let start = Clock.nanos()
                try step()
                join.metrics.addElapsed(nanos: Clock.nanos() - start)
                continue
            }
            guard let partition = work.popLast() else { return nil }
            let start = Clock.nanos()
            try open(partition)
            join.metrics.addElapsed(nanos: Clock.nanos() - start)
        }
    }

    /// Reads every probe partition concurrently into bucket files; queues the level-0 buckets.
    private func partitionProbe(_ builds: [SpillFile?]) async throws {
        let probe = SpillBuckets(level: 0, directory: context.spillDirectory, prefix: "lagoa-join-probe", stats: build.stats)
        _ = try await PartitionRunner.run(join.left, context: context) { [join, context, keepsNullProbeKeys] _, stream in
            while let batch = try await stream.next() {
                try context.checkCancelled()
                if batch.rowCount == 0 { continue }
                let start = Clock.nanos()
                let keys = try join.leftKeys.map { try $0.evaluateColumn(batch) }
                let encoded = try EncodedKeys(keys, rowCount: batch.rowCount)
                if !keepsNullProbeKeys && encoded.hasNull.contains(true) {
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
        work = (0..<SpillBuckets.fanout).reversed().map { Partition(build: builds[$0], probe: probes[$0], level: 0, splittable: true) }
    }

    /// Starts joining `partition`: loads its build rows, or splits it when they do not fit.
    private func open(_ partition: Partition) throws {
        guard partition.probe != nil || (emitsUnmatchedBuild && partition.build != nil) else {
            // Nothing can come out of this bucket.
            partition.build?.remove()
            partition.probe?.remove()
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
            matched: [Bool](repeating: false, count: side.rowCount),
            partition: partition,
            reservation: reservation
        )
    }

    /// Joins the next probe batch of the current bucket, or finishes the bucket.
    private func step() throws {
        guard var bucket = current else { return }
        if let batch = try bucket.probe?.next() {
            current = nil
            let out = try join.probeBatch(batch, bucket.side, &bucket.matched)
            current = bucket
            if let out { pending = BatchConcatenation.slices(out, size: context.batchSize).reversed() }
            return
        }
        current = nil
        if emitsUnmatchedBuild, let tail = join.emitter.unmatchedBuildRows(bucket.side, matched: bucket.matched, probeSchema: join.left.schema) {
            pending = BatchConcatenation.slices(tail, size: context.batchSize).reversed()
        }
        bucket.partition.build?.remove()
        bucket.partition.probe?.remove()
        bucket.reservation.release()
    }

    /// Re-partitions a bucket's build and probe rows one level down and queues the new buckets.
    private func split(_ partition: Partition) throws {
        let level = partition.level + 1
        let builds = SpillBuckets(level: level, directory: context.spillDirectory, prefix: "lagoa-join-build", stats: build.stats)
        let probes = SpillBuckets(level: level, directory: context.spillDirectory, prefix: "lagoa-join-probe", stats: build.stats)
        try rehash(partition.build, keys: join.rightKeys, into: builds)
        try rehash(partition.probe, keys: join.leftKeys, into: probes)
        partition.build?.remove()
        partition.probe?.remove()
        let buildFiles = builds.takeAll()
        let probeFiles = probes.takeAll()
        // A bucket that kept nearly every row (one hot key) would only be rewritten again.
        let total = buildFiles.reduce(0) { $0 + ($1?.bytesWritten ?? 0) }
        for b in (0..<SpillBuckets.fanout).reversed() {
            let bytes = buildFiles[b]?.bytesWritten ?? 0
            work.append(Partition(build: buildFiles[b], probe: probeFiles[b], level: level, splittable: bytes * 10 < total * 9))
        }
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
