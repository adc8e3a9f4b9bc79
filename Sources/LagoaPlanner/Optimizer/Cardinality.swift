import LagoaColumnar
import LagoaFunctions

/// A rough row-count estimate for join ordering: the estimated rows, the fraction of the
/// underlying tables' rows that survive the filters below (``selectivity``), and what is known of
/// the distinct values of output columns (``columns``, by column id).
///
/// An equi-join whose key columns have distinct-count estimates yields
/// `|L| × |R| / max(ndv(l), ndv(r))` (containment of the smaller key domain in the larger), with a
/// key column unique in its table capping the other side's distinct count (foreign-key shape).
/// Without estimates it assumes foreign-key shape: the larger side's rows times the smaller
/// side's selectivity.
public struct Cardinality: Sendable, Hashable {
    public var rows: Double
    public var selectivity: Double
    /// Distinct-value estimates of output columns, by ``ColumnRef`` id.
    public var columns: [Int: ColumnEstimate]

    public init(rows: Double, selectivity: Double = 1, columns: [Int: ColumnEstimate] = [:]) {
        self.rows = rows
        self.selectivity = selectivity
        self.columns = columns
    }

    /// The distinct values of column `id` among these rows, when known.
    func distinct(_ id: Int) -> Double? {
        columns[id].map { Swift.max(1, Swift.min($0.distinct, rows)) }
    }

    /// This estimate with every column's distinct count capped at ``rows``.
    func capped() -> Cardinality {
        var result = self
        for (id, estimate) in columns where estimate.distinct > rows {
            result.columns[id]?.distinct = Swift.max(1, rows)
        }
        return result
    }

    /// Rows assumed for a source that does not know its size.
    public static let unknownTableRows: Double = 1_000

    /// The guessed fraction of rows a predicate keeps: equality 0.1, range 0.3, LIKE 0.25,
    /// IN list 0.1 per item (at most 0.5), others 0.5; conjunctions multiply, disjunctions add.
    /// Equality and IN lists on a column with a distinct-count estimate in `columns` use it
    /// (`1 / ndv` per value).
    public static func selectivity(of predicate: Expr, columns: [Int: ColumnEstimate] = [:]) -> Double {
        func distinct(_ e: Expr) -> Double? {
            guard case .column(let c) = e, let estimate = columns[c.id] else { return nil }
            return Swift.max(1, estimate.distinct)
        }
        switch predicate {
        case .binary(.and, let l, let r, _): return selectivity(of: l, columns: columns) * selectivity(of: r, columns: columns)
        case .binary(.or, let l, let r, _): return min(1, selectivity(of: l, columns: columns) + selectivity(of: r, columns: columns))
        case .binary(.equal, let l, .literal, _):
            return distinct(l).map { 1 / $0 } ?? 0.1
        case .binary(let op, _, _, _):
            switch op {
            case .equal, .notDistinct: return 0.1
            case .less, .lessOrEqual, .greater, .greaterOrEqual: return 0.3
            case .notEqual, .distinct: return 0.9
            default: return 0.5
            }
        case .like(_, _, _, let negated, _): return negated ? 0.75 : 0.25
        case .inList(let e, let items, let negated):
            let s = distinct(e).map { min(1, Double(items.count) / $0) } ?? min(0.5, 0.1 * Double(items.count))
            return negated ? 1 - s : s
        case .isNull(_, let negated): return negated ? 0.9 : 0.1
        case .not(let e): return 1 - selectivity(of: e, columns: columns)
        case .literal(.bool(true), _): return 1
        case .literal: return 0
        default: return 0.5
        }
    }
}
