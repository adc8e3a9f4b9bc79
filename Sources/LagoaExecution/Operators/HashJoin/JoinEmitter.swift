import LagoaColumnar
import LagoaFunctions
import LagoaPlanner

/// Turns candidate (probe row, build row) pairs of one probe batch into output rows for a join
/// kind: applies the residual filter to each pair, records matched build rows (right/full), adds
/// unmatched probe rows (left/full), and reduces pairs to probe rows (semi/anti/mark).
struct JoinEmitter: Sendable {
    let kind: JoinKind
    let filter: (any PhysicalExpr)?
    /// Left fields then right fields: what the filter is compiled against.
    let joinedSchema: Schema
    let schema: Schema
    let nullAware: Bool
    /// Semi / anti joins that keep build rows: probing only marks matches.
    var emitsBuildSide = false

    /// The output rows of one probe batch, or `nil` when there are none.
    /// - Parameters:
    ///   - probeHasNull: per probe row, whether its key has a NULL (NULL-aware anti / mark).
    ///   - matchedBuild: build rows matched so far (right and full joins).
    func emit(probe: RecordBatch, build: JoinBuildSide, probeIndices: [Int32], buildIndices: [Int32], probeHasNull: [Bool]?, matchedBuild: inout [Bool]) throws -> RecordBatch? {
        var probeIdx = probeIndices
        var buildIdx = buildIndices
        var joined: RecordBatch? = nil
        if let filter, !probeIdx.isEmpty {
            let candidates = joinedBatch(probe, build, probeIdx, buildIdx)
            switch try filter.evaluate(candidates) {
            case .scalar(let value, _):
                if case .bool(true) = value {
                    joined = candidates
                } else {
                    probeIdx = []
                    buildIdx = []
                }
            case .column(let mask):
                let keep = Selection.indices(of: mask)
                if keep.count != probeIdx.count {
                    probeIdx = keep.map { probeIdx[Int($0)] }
                    buildIdx = keep.map { buildIdx[Int($0)] }
                    joined = Gather.batch(candidates, keep)
                } else {
                    joined = candidates
                }
            }
        }
        if kind == .right || kind == .full || emitsBuildSide {
            for b in buildIdx { matchedBuild[Int(b)] = true }
        }
        if emitsBuildSide { return nil }
        switch kind {
        case .inner, .right, .cross:
            if probeIdx.isEmpty { return nil }
            return relabel(joined ?? joinedBatch(probe, build, probeIdx, buildIdx))
        case .left, .full:
            var hit = [Bool](repeating: false, count: probe.rowCount)
            for p in probeIdx { hit[Int(p)] = true }
            var unmatched: [Int32] = []
            for i in 0..<probe.rowCount where !hit[i] { unmatched.append(Int32(i)) }
            if unmatched.isEmpty {
                if probeIdx.isEmpty { return nil }
                return relabel(joined ?? joinedBatch(probe, build, probeIdx, buildIdx))
            }
            let all = joinedBatch(probe, build, probeIdx + unmatched, buildIdx + [Int32](repeating: -1, count: unmatched.count))
            return all.rowCount > 0 ? relabel(all) : nil
        case .semi, .anti, .mark:
            var hit = [Bool](repeating: false, count: probe.rowCount)
            for p in probeIdx { hit[Int(p)] = true }
            return reduce(probe: probe, build: build, hit: hit, probeHasNull: probeHasNull)
        }
    }

    /// Semi / anti / mark output from per-probe-row match flags.
    func reduce(probe: RecordBatch, build: JoinBuildSide, hit: [Bool], probeHasNull: [Bool]?) -> RecordBatch? {
        let n = probe.rowCount
        switch kind {
        case .semi:
            let rows = (0..<n).filter { hit[$0] }.map { Int32($0) }
            return rows.isEmpty ? nil : relabel(rows.count == n ? probe : Gather.batch(probe, rows))
        case .anti:
            let buildEmpty = build.isEmpty
            if nullAware && build.hasNullKey && !buildEmpty { return nil }
            let rows = (0..<n).filter { i in
                !hit[i] && (buildEmpty || !nullAware || !(probeHasNull?[i] ?? false))
            }.map { Int32($0) }
            return rows.isEmpty ? nil : relabel(rows.count == n ? probe : Gather.batch(probe, rows))
        default:
            let builder = ColumnBuilder(.boolean, capacity: n)
            let buildEmpty = build.isEmpty
            for i in 0..<n {
                if hit[i] {
                    builder.appendBool(true)
                } else if nullAware && !buildEmpty && (build.hasNullKey || (probeHasNull?[i] ?? false)) {
                    builder.appendNull()
                } else {
                    builder.appendBool(false)
                }
            }
            return n == 0 ? nil : RecordBatch(schema: schema, columns: probe.columns + [builder.finish()], rowCount: n)
        }
    }

    /// Probe columns gathered by `probeIdx`, build columns by `buildIdx` (-1 gives NULLs).
    func joinedBatch(_ probe: RecordBatch, _ build: JoinBuildSide, _ probeIdx: [Int32], _ buildIdx: [Int32]) -> RecordBatch {
        let left = probeIdx.withUnsafeBufferPointer { p in probe.columns.map { Gather.column($0, p) } }
        let right = buildIdx.withUnsafeBufferPointer { p in build.batch.columns.map { Gather.column($0, p) } }
        return RecordBatch(schema: joinedSchema, columns: left + right, rowCount: probeIdx.count)
    }

    /// Build rows never matched, with NULL probe columns (the tail of right and full joins).
    func unmatchedBuildRows(_ build: JoinBuildSide, matched: [Bool], probeSchema: Schema) -> RecordBatch? {
        let rows = (0..<build.rowCount).filter { !matched[$0] }.map { Int32($0) }
        if rows.isEmpty { return nil }
        let nulls = [Int32](repeating: -1, count: rows.count)
        let empty = BatchConcatenation.empty(probeSchema)
        let left = nulls.withUnsafeBufferPointer { p in empty.columns.map { Gather.column($0, p) } }
        let right = rows.withUnsafeBufferPointer { p in build.batch.columns.map { Gather.column($0, p) } }
        return RecordBatch(schema: schema, columns: left + right, rowCount: rows.count)
    }

    /// The build rows a build-side semi join matched, or an anti join never matched; `matched` is
    /// per build row, or per distinct key when `perKey` (rows with a NULL key match nothing).
    func buildSideRows(_ build: JoinBuildSide, matched: [Bool], perKey: Bool) -> RecordBatch? {
        let wanted = kind == .semi
        var rows: [Int32] = []
        if perKey {
            var inKey = [Bool](repeating: false, count: build.rowCount)
            for g in matched.indices where matched[g] {
                var r = build.head[g]
                while r >= 0 {
                    inKey[Int(r)] = true
                    r = build.next[Int(r)]
                }
            }
            for r in 0..<build.rowCount where inKey[r] == wanted { rows.append(Int32(r)) }
        } else {
            for r in 0..<build.rowCount where matched[r] == wanted { rows.append(Int32(r)) }
        }
        if rows.isEmpty { return nil }
        let columns = rows.withUnsafeBufferPointer { p in build.batch.columns.map { Gather.column($0, p) } }
        return RecordBatch(schema: schema, columns: columns, rowCount: rows.count)
    }

    private func relabel(_ batch: RecordBatch) -> RecordBatch {
        RecordBatch(schema: schema, columns: batch.columns, rowCount: batch.rowCount)
    }
}
