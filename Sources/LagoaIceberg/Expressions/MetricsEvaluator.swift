/// Decides from a data file's statistics whether any of its rows might match a filter (inclusive),
/// or whether all of them surely do (strict).
struct MetricsEvaluator {
    let expression: BoundExpression

    init(_ expression: BoundExpression) {
        self.expression = expression.withoutNot
    }

    /// False only when no row of `file` can match.
    func mightMatch(_ file: DataFile) -> Bool {
        Self.might(expression, file)
    }

    /// True only when every row of `file` matches.
    func allMatch(_ file: DataFile) -> Bool {
        Self.all(expression, file)
    }

    private static func bounds(_ r: BoundReference, _ file: DataFile) -> (IcebergValue?, IcebergValue?) {
        let lower = file.lowerBounds[r.fieldID].flatMap { try? IcebergValue(binary: $0, type: r.type) }
        let upper = file.upperBounds[r.fieldID].flatMap { try? IcebergValue(binary: $0, type: r.type) }
        return (lower, upper)
    }

    private static func allNull(_ r: BoundReference, _ file: DataFile) -> Bool {
        guard let nulls = file.nullValueCounts[r.fieldID], let values = file.valueCounts[r.fieldID] else { return false }
        return nulls == values
    }

    private static func isTruncatable(_ type: IcebergType) -> Bool {
        type == .string || type == .binary
    }

    private static func might(_ e: BoundExpression, _ file: DataFile) -> Bool {
        switch e {
        case .alwaysTrue: return true
        case .alwaysFalse: return false
        case .and(let a, let b): return might(a, file) && might(b, file)
        case .or(let a, let b): return might(a, file) || might(b, file)
        case .not: return true
        case .isNull(let r):
            if let nulls = file.nullValueCounts[r.fieldID] { return nulls > 0 }
            return true
        case .notNull(let r): return !allNull(r, file)
        case .compare(let r, let op, let v):
            if allNull(r, file) { return false }
            if op == .notEqual { return true }
            let (lower, upper) = bounds(r, file)
            if (r.type == .float || r.type == .double), (file.nanValueCounts[r.fieldID] ?? 1) > 0 || lower == nil {
                return true
            }
            switch op {
            case .less: return lower.map { ($0.compare(to: v) ?? -1) < 0 } ?? true
            case .lessOrEqual: return lower.map { ($0.compare(to: v) ?? -1) <= 0 } ?? true
            case .greater: return upper.map { ($0.compare(to: v) ?? 1) > 0 } ?? true
            case .greaterOrEqual: return upper.map { ($0.compare(to: v) ?? 1) >= 0 } ?? true
            case .equal:
                if let lower, (lower.compare(to: v) ?? -1) > 0 { return false }
                if let upper, (upper.compare(to: v) ?? 1) < 0 { return false }
                return true
            case .notEqual: return true
            }
        case .isIn(let r, let values):
            if allNull(r, file) { return false }
            return values.contains { might(.compare(r, .equal, $0), file) }
        }
    }

    private static func all(_ e: BoundExpression, _ file: DataFile) -> Bool {
        switch e {
        case .alwaysTrue: return true
        case .alwaysFalse: return false
        case .and(let a, let b): return all(a, file) && all(b, file)
        case .or(let a, let b): return all(a, file) || all(b, file)
        case .not: return false
        case .isNull(let r): return allNull(r, file)
        case .notNull(let r): return file.nullValueCounts[r.fieldID] == 0
        case .compare(let r, let op, let v):
            guard file.nullValueCounts[r.fieldID] == 0, !isTruncatable(r.type),
                (file.nanValueCounts[r.fieldID] ?? 0) == 0
            else { return false }
            let (lower, upper) = bounds(r, file)
            guard let lower, let upper, let lo = lower.compare(to: v), let hi = upper.compare(to: v) else { return false }
            switch op {
            case .equal: return lo == 0 && hi == 0
            case .notEqual: return hi < 0 || lo > 0
            case .less: return hi < 0
            case .lessOrEqual: return hi <= 0
            case .greater: return lo > 0
            case .greaterOrEqual: return lo >= 0
            }
        case .isIn(let r, let values):
            return values.contains { all(.compare(r, .equal, $0), file) }
        }
    }
}
