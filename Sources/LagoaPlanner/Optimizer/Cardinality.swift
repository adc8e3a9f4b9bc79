import LagoaColumnar
import LagoaFunctions

/// A rough row-count estimate for join ordering: the estimated rows and the fraction of the
/// underlying tables' rows that survive the filters below (``selectivity``).
///
/// Joins assume foreign-key shape: an equi-join yields the larger side's rows times the smaller
/// side's selectivity (each row of the larger side matches at most one row of the smaller, which
/// filters removed with that probability).
public struct Cardinality: Sendable, Hashable {
    public var rows: Double
    public var selectivity: Double

    public init(rows: Double, selectivity: Double = 1) {
        self.rows = rows
        self.selectivity = selectivity
    }

    /// Rows assumed for a source that does not know its size.
    public static let unknownTableRows: Double = 1_000

    /// The guessed fraction of rows a predicate keeps: equality 0.1, range 0.3, LIKE 0.25,
    /// IN list 0.1 per item (at most 0.5), others 0.5; conjunctions multiply, disjunctions add.
    public static func selectivity(of predicate: Expr) -> Double {
        switch predicate {
        case .binary(.and, let l, let r, _): return selectivity(of: l) * selectivity(of: r)
        case .binary(.or, let l, let r, _): return min(1, selectivity(of: l) + selectivity(of: r))
        case .binary(let op, _, _, _):
            switch op {
            case .equal, .notDistinct: return 0.1
            case .less, .lessOrEqual, .greater, .greaterOrEqual: return 0.3
            case .notEqual, .distinct: return 0.9
            default: return 0.5
            }
        case .like(_, _, _, let negated, _): return negated ? 0.75 : 0.25
        case .inList(_, let items, let negated):
            let s = min(0.5, 0.1 * Double(items.count))
            return negated ? 1 - s : s
        case .isNull(_, let negated): return negated ? 0.9 : 0.1
        case .not(let e): return 1 - selectivity(of: e)
        case .literal(.bool(true), _): return 1
        case .literal: return 0
        default: return 0.5
        }
    }
}

extension LogicalPlan {
    /// The estimated output size of this plan (see ``Cardinality``).
    public var cardinality: Cardinality {
        switch self {
        case .scan(let s):
            let base = s.source.estimatedRowCount ?? Cardinality.unknownTableRows
            let sel = s.filters.reduce(1.0) { $0 * Cardinality.selectivity(of: $1) }
            var rows = Swift.max(1, base * sel)
            if let limit = s.limit { rows = Swift.min(rows, Double(limit)) }
            return Cardinality(rows: rows, selectivity: sel)
        case .values(let v): return Cardinality(rows: Double(v.rows.count))
        case .empty(let e): return Cardinality(rows: e.oneRow ? 1 : 0)
        case .filter(let f):
            let input = f.input.cardinality
            let sel = Cardinality.selectivity(of: f.predicate)
            return Cardinality(rows: Swift.max(1, input.rows * sel), selectivity: input.selectivity * sel)
        case .project(let p): return p.input.cardinality
        case .window(let w): return w.input.cardinality
        case .aggregate(let a):
            let input = a.input.cardinality
            if a.groupBy.isEmpty { return Cardinality(rows: 1) }
            return Cardinality(rows: Swift.max(1, input.rows * 0.1), selectivity: input.selectivity)
        case .sort(let s):
            let input = s.input.cardinality
            guard let fetch = s.fetch else { return input }
            return Cardinality(rows: Swift.min(input.rows, Double(fetch)), selectivity: input.selectivity)
        case .limit(let l):
            let input = l.input.cardinality
            guard let limit = l.limit else { return input }
            return Cardinality(rows: Swift.min(input.rows, Double(limit)), selectivity: input.selectivity)
        case .setOperation(let s):
            let l = s.left.cardinality
            let r = s.right.cardinality
            switch s.kind {
            case .union: return Cardinality(rows: l.rows + r.rows)
            case .intersect: return Cardinality(rows: Swift.min(l.rows, r.rows))
            case .except: return l
            }
        case .join(let j):
            return Self.joinCardinality(j.left.cardinality, j.right.cardinality, kind: j.kind, hasKeys: !j.equiKeys.isEmpty, filter: j.filter)
        }
    }

    /// The estimated output of joining inputs of cardinality `l` and `r`.
    static func joinCardinality(_ l: Cardinality, _ r: Cardinality, kind: JoinKind, hasKeys: Bool, filter: Expr?) -> Cardinality {
        let filterSel = filter.map(Cardinality.selectivity(of:)) ?? 1
        switch kind {
        case .semi: return Cardinality(rows: Swift.max(1, l.rows * 0.5), selectivity: l.selectivity * 0.5)
        case .anti: return Cardinality(rows: Swift.max(1, l.rows * 0.5), selectivity: l.selectivity * 0.5)
        case .mark: return l
        default: break
        }
        var result: Cardinality
        if hasKeys {
            let (big, small) = l.rows >= r.rows ? (l, r) : (r, l)
            result = Cardinality(rows: Swift.max(1, big.rows * small.selectivity * filterSel), selectivity: big.selectivity * small.selectivity * filterSel)
        } else {
            result = Cardinality(rows: Swift.max(1, l.rows * r.rows * filterSel), selectivity: l.selectivity * r.selectivity * filterSel)
        }
        switch kind {
        case .left: result.rows = Swift.max(result.rows, l.rows)
        case .right: result.rows = Swift.max(result.rows, r.rows)
        case .full: result.rows = Swift.max(result.rows, l.rows + r.rows)
        default: break
        }
        return result
    }
}
