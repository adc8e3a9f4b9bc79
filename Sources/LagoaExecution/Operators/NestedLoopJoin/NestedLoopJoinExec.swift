public import LagoaColumnar
public import LagoaPlanner

/// A join without equality keys (cross joins, `ON a.x < b.y`): the right input is collected once;
/// every left batch is paired with every right row in chunks of about `batchSize` pairs, and the
/// filter decides. Supports every join kind through ``JoinEmitter``.
public final class NestedLoopJoinExec: ExecutionPlan {
    public let left: any ExecutionPlan
    public let right: any ExecutionPlan
    public let kind: JoinKind
    public let filter: (any PhysicalExpr)?
    public let schema: Schema
    public let metrics = OperatorMetrics()
    let emitter: JoinEmitter
    let buildCell = OnceCell<JoinBuildSide>()
    let tracker: JoinUnmatchedTracker
    public var children: [any ExecutionPlan] { [left, right] }
    public var partitionCount: Int { left.partitionCount }

    public init(left: any ExecutionPlan, right: any ExecutionPlan, kind: JoinKind, filter: (any PhysicalExpr)?, nullAware: Bool, schema: Schema) {
        self.left = left
        self.right = right
        self.kind = kind
        self.filter = filter
        self.schema = schema
        emitter = JoinEmitter(kind: kind, filter: filter, joinedSchema: Schema(left.schema.fields + right.schema.fields), schema: schema, nullAware: nullAware)
        tracker = JoinUnmatchedTracker(partitions: left.partitionCount)
    }

    public func execute(partition: Int, context: TaskContext) throws -> any BatchStream {
        let probe = try left.execute(partition: partition, context: context)
        var build: JoinBuildSide? = nil
        var matched: [Bool] = []
        var pending: [RecordBatch] = []
        var finished = false
        return ClosureBatchStream { [self] in
            if build == nil {
                build = try await buildCell.get { [right] in
                    let batches = try await PartitionRunner.collect(right, context: context)
                    return try JoinBuildSide(batch: BatchConcatenation.concatenate(batches, schema: right.schema), keys: nil)
                }
                matched = [Bool](repeating: false, count: build!.rowCount)
            }
            let side = build!
            while true {
                if !pending.isEmpty { return pending.removeFirst() }
                if finished { return nil }
                try context.checkCancelled()
                guard let batch = try await probe.next() else {
                    finished = true
                    if kind == .right || kind == .full, let all = tracker.finish(matched),
                       let tail = emitter.unmatchedBuildRows(side, matched: all, probeSchema: left.schema) {
                        pending = BatchConcatenation.slices(tail, size: context.batchSize)
                    }
                    for b in pending { metrics.recordBatch(rows: b.rowCount) }
                    continue
                }
                if batch.rowCount == 0 { continue }
                let start = Clock.nanos()
                // Probe rows per chunk so that a chunk has about batchSize pairs.
                let chunk = max(1, context.batchSize / max(1, side.rowCount))
                var outputs: [RecordBatch] = []
                for begin in stride(from: 0, to: batch.rowCount, by: chunk) {
                    let piece = batch.slice(begin, min(chunk, batch.rowCount - begin))
                    var probeIdx: [Int32] = []
                    var buildIdx: [Int32] = []
                    probeIdx.reserveCapacity(piece.rowCount * side.rowCount)
                    buildIdx.reserveCapacity(piece.rowCount * side.rowCount)
                    for i in 0..<piece.rowCount {
                        for r in 0..<side.rowCount {
                            probeIdx.append(Int32(i))
                            buildIdx.append(Int32(r))
                        }
                    }
                    if let out = try emitter.emit(probe: piece, build: side, probeIndices: probeIdx, buildIndices: buildIdx, probeHasNull: nil, matchedBuild: &matched) {
                        outputs.append(out)
                    }
                }
                for out in outputs { pending.append(contentsOf: BatchConcatenation.slices(out, size: context.batchSize)) }
                for b in pending { metrics.recordBatch(rows: b.rowCount) }
                metrics.addElapsed(nanos: Clock.nanos() - start)
            }
        }
    }

    public var displayText: String {
        "NestedLoopJoinExec: mode=\(kind.rawValue)" + (filter.map { " filter=\($0.displayText)" } ?? "")
    }
}
