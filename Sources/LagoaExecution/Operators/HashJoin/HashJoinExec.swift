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
    let buildCell = OnceCell<JoinBuildSide>()
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

    func buildSide(_ context: TaskContext) async throws -> JoinBuildSide {
        try await buildCell.get { [right, rightKeys, metrics] in
            let batches = try await PartitionRunner.collect(right, context: context)
            let start = Clock.nanos()
            let batch = BatchConcatenation.concatenate(batches, schema: right.schema)
            let keys = try rightKeys.map { try $0.evaluateColumn(batch) }
            let side = try JoinBuildSide(batch: batch, keys: keys)
            try context.memory.reserve(side.memoryBytes, for: "HashJoinExec build side")
            metrics.addElapsed(nanos: Clock.nanos() - start)
            metrics.set("build rows", String(side.rowCount))
            return side
        }
    }

    public func execute(partition: Int, context: TaskContext) throws -> any BatchStream {
        let probe = try left.execute(partition: partition, context: context)
        var build: JoinBuildSide? = nil
        var matched: [Bool] = []
        var pending: [RecordBatch] = []
        var finished = false
        return ClosureBatchStream { [self] in
            if build == nil {
                build = try await buildSide(context)
                // Build-side semi/anti joins without a filter only track which keys matched.
                let perKey = emitsBuildSide && filter == nil
                matched = [Bool](repeating: false, count: perKey ? (build!.table?.groupCount ?? 0) : build!.rowCount)
            }
            let side = build!
            while true {
                if !pending.isEmpty { return pending.removeFirst() }
                if finished { return nil }
                try context.checkCancelled()
                guard let batch = try await probe.next() else {
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

    private func probeBatch(_ batch: RecordBatch, _ side: JoinBuildSide, _ matched: inout [Bool]) throws -> RecordBatch? {
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
