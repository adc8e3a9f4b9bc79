public import LagoaColumnar

/// A predicate over top-level primitive columns, used to skip row groups and pages whose
/// statistics prove that no row matches. Columns are named by their top-level field name.
public indirect enum ParquetFilter: Sendable, Hashable {
    case compare(column: String, ComparisonOperator, Value)
    case isNull(column: String)
    case isNotNull(column: String)
    case and([ParquetFilter])
    case or([ParquetFilter])

    /// A comparison between a column and a literal.
    public enum ComparisonOperator: String, Sendable, Hashable {
        case equal = "="
        case notEqual = "!="
        case less = "<"
        case lessOrEqual = "<="
        case greater = ">"
        case greaterOrEqual = ">="
    }

    /// Whether some row described by `statistics` may match; `true` when unsure.
    func mayMatch(_ statistics: (String) -> ColumnStatistics?) -> Bool {
        switch self {
        case .and(let parts): return parts.allSatisfy { $0.mayMatch(statistics) }
        case .or(let parts): return parts.contains { $0.mayMatch(statistics) }
        case .isNull(let column):
            guard let s = statistics(column), let nulls = s.nullCount else { return true }
            return nulls > 0
        case .isNotNull(let column):
            guard let s = statistics(column), let nulls = s.nullCount, let rows = s.valueCount else { return true }
            return nulls < rows
        case .compare(let column, let op, let literal):
            guard let s = statistics(column) else { return true }
            if let nulls = s.nullCount, let rows = s.valueCount, nulls == rows { return false }
            guard let min = s.min, let max = s.max,
                  let cMin = ValueOrdering.compare(min, literal), let cMax = ValueOrdering.compare(max, literal)
            else { return true }
            switch op {
            case .equal: return cMin <= 0 && cMax >= 0
            case .notEqual: return !(cMin == 0 && cMax == 0)
            case .less: return cMin < 0
            case .lessOrEqual: return cMin <= 0
            case .greater: return cMax > 0
            case .greaterOrEqual: return cMax >= 0
            }
        }
    }
}

/// Min, max and counts of one column over a row group or page, as Arrow values.
struct ColumnStatistics {
    var min: Value?
    var max: Value?
    var nullCount: Int?
    /// Number of values (rows, for flat columns) the statistics cover.
    var valueCount: Int?
}
