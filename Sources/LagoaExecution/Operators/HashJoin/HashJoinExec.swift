public import LagoaColumnar
public import LagoaPlanner

/// An equi-join: the build side (the right input, by planner convention) is collected from all its
/// partitions in parallel into one batch and a ``KeyHashTable`` of its keys, once, shared by every
/// probe partition; the left input is streamed partition by partition (partition-preserving).
/// NULL keys never match. Kinds: inner, left, right, full, semi, anti (optionally NULL-aware), mark;
/// a residual filter is tested on every candidate pair.
///
/// With ``emitsBuildSide`` a semi or anti join keeps rows of the build side instead (DuckDB's
/// RIGHT_SEMI / RIGHT_ANTI): the planner builds on the small side and streams the big one, each
/// probe partition marks the build rows (or, without a filter, the keys) it matched, and the last
/// partition to finish emits the build rows matched (semi) or never matched (anti).
///
/// Memory: the build side reserves its bytes batch by batch while it is collected. When the pool
/// refuses, the build rows go to bucket files by key hash instead (``JoinBuildCollector``) and the
/// join runs as a grace hash join (``GraceHashJoin``): the first probe partition to start reads
/// every probe partition into buckets by the same hash, then all probe partitions join buckets
/// taken from a shared queue, one bucket at a time each (so output partitions no longer follow
/// the probe partitions). The `spilled` metric shows rows, bytes and bucket files written.
public final class HashJoinExec: ExecutionPlan {
    public let left: any ExecutionPlan
    public let right: any ExecutionPlan
    public let kind: JoinKind
    public let leftKeys: [any PhysicalExpr]
    public let rightKeys: [any PhysicalExpr]
    public let filter: (any PhysicalExpr)?
    public let nullAware: Bool
    /// Semi / anti join output from the build side (see the type's documentation).
    public let emitsBuildSide: Bool
    public let schema: Schema
    public let metrics = OperatorMetrics()
    let emitter: JoinEmitter
    let buildCell = OnceCell<JoinBuild>()
    /// The probe side in buckets, once the build side has spilled (see ``GraceHashJoin``).
    let probeCell = OnceCell<GraceHashJoinQueue>()
    let tracker: JoinUnmatchedTracker
    public var children: [any ExecutionPlan] { [left, right] }
    public var partitionCount: Int { left.partitionCount }

    public init(left: any ExecutionPlan, right: any ExecutionPlan, kind: JoinKind, leftKeys: [any PhysicalExpr], rightKeys: [any PhysicalExpr], filter: (any PhysicalExpr)?, nullAware: Bool, emitsBuildSide: Bool = false, schema: Schema) {
        self.left = left
        self.right = right
        self.kind = kind
        self.leftKeys = leftKeys
        self.rightKeys = rightKeys
        self.filter = filter
        self.nullAware = nullAware
        self.emitsBuildSide = emitsBuildSide && (kind == .semi || kind == .anti) && !nullAware
        self.schema = schema
        emitter = JoinEmitter(kind: kind, filter: filter, joinedSchema: Schema(left.schema.fields + right.schema.fields), schema: schema, nullAware: nullAware, emitsBuildSide: self.emitsBuildSide)
        tracker = JoinUnmatchedTracker(partitions: left.partitionCount)
    }

    /// The build side, collected once for every probe partition: in memory, or spilled when the
    /// memory pool refused it.
    func buildSide(_ context: TaskContext) async throws -> JoinBuild {
        try await buildCell.get { [self] in
            let collector = JoinBuildCollector(join: self, context: context)
            _ = try await PartitionRunner.run(right, context: context) { partition, stream in
                while let batch = try await stream.next() {
                    try context.checkCancelled()
                    if batch.rowCount > 0 { try collector.add(batch, partition: partition) }
                }
                return 0
            }
            let start = Clock.nanos()
            let build = try collector.finish()
            metrics.addElapsed(nanos: Clock.nanos() - start)
            switch build {
            case .memory(let side, _): metrics.set("build rows", String(side.rowCount))
            case .spilled(let spill): metrics.set("build rows", String(spill.rowCount))
            }
            return build
        }
    }

    public func execute(partition: Int, context: TaskContext) throws -> any BatchStream {
        var probe: (any BatchStream)? = nil
        var build: JoinBuildSide? = nil
        var grace: GraceHashJoin? = nil
        var matched: [Bool] = []
        var pending: [RecordBatch] = []
        var finished = false
        return ClosureBatchStream { [self] in
            if build == nil && grace == nil {
                switch try await buildSide(context) {
                case .memory(let side, _):
                    build = side
                    matched = [Bool](repeating: false, count: matchedCount(side))
                    probe = try left.execute(partition: partition, context: context)
                case .spilled(let spill):
                    // Every partition joins buckets of the whole probe side; see GraceHashJoin.
                    grace = GraceHashJoin(join: self, build: spill, context: context)
                }
            }
            if let grace { return try await grace.next() }
            let side = build!
            while true {
                if !pending.isEmpty { return pending.removeFirst() }
                if finished { return nil }
                try context.checkCancelled()
                guard let batch = try await probe!.next() else {
                    finished = true
                    if emitsBuildSide, let all = tracker.finish(matched),
                       let tail = emitter.buildSideRows(side, matched: all, perKey: filter == nil) {
                        pending = BatchConcatenation.slices(tail, size: context.batchSize)
                        for b in pending { metrics.recordBatch(rows: b.rowCount) }
                    } else if kind == .right || kind == .full, let all = tracker.finish(matched),
                       let tail = emitter.unmatchedBuildRows(side, matched: all, probeSchema: left.schema) {
                        pending = BatchConcatenation.slices(tail, size: context.batchSize)
                        for b in pending { metrics.recordBatch(rows: b.rowCount) }
                    }
                    continue
                }
                if batch.rowCount == 0 { continue }
                let start = Clock.nanos()
                if let out = try probeBatch(batch, side, &matched) {
                    pending = BatchConcatenation.slices(out, size: context.batchSize)
                    for b in pending { metrics.recordBatch(rows: b.rowCount) }
                }
                metrics.addElapsed(nanos: Clock.nanos() - start)
            }
        }
    }

    /// Whether build rows whose key is NULL can be output — they never match, so only right and
    /// full joins and build-side anti joins emit them — and a spilled build side must keep them.
    var outputsNullKeyBuildRows: Bool { kind == .right || kind == .full || (emitsBuildSide && kind == .anti) }

    /// The size of the `matched` flags for `side`: build rows, or distinct keys for build-side
    /// semi/anti joins without a filter (they only track which keys matched).
    func matchedCount(_ side: JoinBuildSide) -> Int {
        emitsBuildSide && filter == nil ? (side.table?.groupCount ?? 0) : side.rowCount
    }

    /// The output rows of one probe batch against `side`; records matched build rows (right and
    /// full joins) in `matched`.
    func probeBatch(_ batch: RecordBatch, _ side: JoinBuildSide, _ matched: inout [Bool]) throws -> RecordBatch? {
        let n = batch.rowCount
        let keys = try leftKeys.map { try $0.evaluateColumn(batch) }
        let encoded = try EncodedKeys(keys, rowCount: n)
        var groups = [Int32](repeating: -1, count: n)
        if let table = side.table, side.rowCount > 0 {
            groups.withUnsafeMutableBufferPointer { table.find(encoded, groups: $0.baseAddress!) }
        }
        for i in 0..<n where encoded.hasNull[i] { groups[i] = -1 }
        if emitsBuildSide && filter == nil {
            for i in 0..<n where groups[i] >= 0 { matched[Int(groups[i])] = true }
            return nil
        }
        // Semi, anti and mark joins without a filter only need to know whether a key exists.
        if filter == nil && (kind == .semi || kind == .anti || kind == .mark) {
            return emitter.reduce(probe: batch, build: side, hit: groups.map { $0 >= 0 && side.head[Int($0)] >= 0 }, probeHasNull: encoded.hasNull)
        }
        var probeIdx: [Int32] = []
        var buildIdx: [Int32] = []
        probeIdx.reserveCapacity(n)
        buildIdx.reserveCapacity(n)
        side.head.withUnsafeBufferPointer { head in
            side.next.withUnsafeBufferPointer { next in
                for i in 0..<n {
                    let g = groups[i]
                    if g < 0 { continue }
                    var r = head[Int(g)]
                    while r >= 0 {
                        probeIdx.append(Int32(i))
                        buildIdx.append(r)
                        r = next[Int(r)]
                    }
                }
            }
        }
        return try emitter.emit(probe: batch, build: side, probeIndices: probeIdx, buildIndices: buildIdx, probeHasNull: encoded.hasNull, matchedBuild: &matched)
    }

    public var displayText: String {
        var text = "HashJoinExec: mode=\(emitsBuildSide ? "right_" : "")\(kind.rawValue)\(nullAware ? " null_aware" : "") on=["
        text += zip(leftKeys, rightKeys).map { "\($0.displayText) = \($1.displayText)" }.joined(separator: ", ") + "]"
        if let filter { text += " filter=\(filter.displayText)" }
        return text
    }
}
