import LagoaColumnar
import LagoaPlanner

/// The frame `[start[k], end[k])` of every sorted position of a ``WindowLayout`` for one call's
/// ROWS, RANGE or GROUPS frame; always clipped to the position's partition.
struct WindowFrameBounds {
    var start: [Int]
    var end: [Int]
    /// Every frame starts at its partition's start (running aggregates can extend).
    var startsAtPartition: Bool
    /// Every frame ends at its partition's end.
    var endsAtPartition: Bool

    init(layout: WindowLayout, units: FrameUnits, start startBound: WindowExec.Bound, end endBound: WindowExec.Bound) throws {
        let n = layout.count
        var s = [Int](repeating: 0, count: n)
        var e = [Int](repeating: 0, count: n)
        for k in 0..<n {
            let ps = layout.partitionStart[k]
            let pe = layout.partitionEnd[k]
            s[k] = min(max(try Self.position(startBound, isStart: true, k, layout, units), ps), pe)
            e[k] = min(max(try Self.position(endBound, isStart: false, k, layout, units), ps), pe)
            if e[k] < s[k] { e[k] = s[k] }
        }
        start = s
        end = e
        startsAtPartition = { if case .unboundedPreceding = startBound { return true } else { return false } }()
        endsAtPartition = { if case .unboundedFollowing = endBound { return true } else { return false } }()
    }

    /// The frame edge of `bound` for position `k` (start: first included, end: one past last).
    private static func position(_ bound: WindowExec.Bound, isStart: Bool, _ k: Int, _ layout: WindowLayout, _ units: FrameUnits) throws -> Int {
        let ps = layout.partitionStart[k]
        let pe = layout.partitionEnd[k]
        switch bound {
        case .unboundedPreceding: return ps
        case .unboundedFollowing: return pe
        case .currentRow:
            switch units {
            case .rows: return isStart ? k : k + 1
            case .range, .groups: return isStart ? layout.peerStart[k] : layout.peerEnd[k]
            }
        case .preceding(let v), .following(let v):
            let sign = { if case .preceding = bound { return -1 } else { return 1 } }()
            switch units {
            case .rows:
                let n = try count(v)
                return isStart ? k + sign * n : k + sign * n + 1
            case .groups:
                let n = try count(v)
                let group = layout.partitionFirstGroup[k] + layout.peerGroup[k] + sign * n
                let groups = layout.peerGroupStarts
                let partitionGroups = layout.partitionFirstGroup[k]
                if group < partitionGroups { return ps }
                if isStart {
                    return group < groups.count && groups[group] < pe ? groups[group] : pe
                }
                let next = group + 1
                return next < groups.count && groups[next] < pe ? groups[next] : pe
            case .range:
                return try rangePosition(offset: v, sign: sign, isStart: isStart, k, layout)
            }
        }
    }

    private static func count(_ v: Value) throws -> Int {
        switch v {
        case .int(let n) where n >= 0: return Int(clamping: n)
        case .uint(let n): return Int(clamping: n)
        case .decimal(let n, let scale) where n >= 0 && scale == 0: return Int(clamping: n)
        default: throw ExecutionError(.invalidData, "a ROWS or GROUPS frame offset must be a non-negative integer, got \(v)")
        }
    }

    /// RANGE `offset PRECEDING/FOLLOWING` over the first ORDER BY key (numeric, decimal, date or
    /// timestamp), found by binary search among the partition's non-NULL keys. NULL keys frame
    /// their peers.
    private static func rangePosition(offset: Value, sign: Int, isStart: Bool, _ k: Int, _ layout: WindowLayout) throws -> Int {
        guard let key = layout.orderKey else {
            throw ExecutionError(.invalidData, "a RANGE frame with an offset needs an ORDER BY key")
        }
        guard key.isValid(k) else { return isStart ? layout.peerStart[k] : layout.peerEnd[k] }
        let d = try Self.number(offset)
        guard d >= 0 else { throw ExecutionError(.invalidData, "a RANGE frame offset cannot be negative, got \(offset)") }
        let current = try Self.number(key.value(at: k))
        // In ascending order PRECEDING means smaller keys; in descending, larger.
        let direction = layout.orderAscending ? 1.0 : -1.0
        let target = current + Double(sign) * d * direction
        let ps = layout.partitionStart[k]
        let pe = layout.partitionEnd[k]
        // Positions with keys "before" target (in sort order) come first.
        func before(_ j: Int) throws -> Bool {
            guard key.isValid(j) else { return layout.peerStart[j] < layout.peerStart[k] ? true : false }
            let x = try number(key.value(at: j))
            return isStart ? (layout.orderAscending ? x < target : x > target) : (layout.orderAscending ? x <= target : x >= target)
        }
        var lo = ps
        var hi = pe
        while lo < hi {
            let mid = (lo + hi) / 2
            if try before(mid) { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    static func number(_ v: Value) throws -> Double {
        switch v {
        case .int(let n): return Double(n)
        case .uint(let n): return Double(n)
        case .float(let f): return Double(f)
        case .double(let d): return d
        case .decimal(let n, let scale):
            var p = 1.0
            for _ in 0..<scale { p *= 10 }
            return Double(n) / p
        case .date(let d): return Double(d)
        case .timestamp(let t, _, _), .time(let t, _): return Double(t)
        default: throw ExecutionError(.invalidData, "a RANGE frame offset needs a numeric, date or time ORDER BY key, got \(v)")
        }
    }
}
