import LagoaFunctions

extension LogicalPlan {
    /// The estimated output size of this plan (see ``Cardinality``).
    public var cardinality: Cardinality {
        switch self {
        case .scan(let s): return Self.scanCardinality(s)
        case .values(let v): return Cardinality(rows: Double(v.rows.count))
        case .empty(let e): return Cardinality(rows: e.oneRow ? 1 : 0)
        case .filter(let f):
            let input = f.input.cardinality
            let sel = Cardinality.selectivity(of: f.predicate, columns: input.columns)
            return Cardinality(rows: Swift.max(1, input.rows * sel), selectivity: input.selectivity * sel, columns: input.columns).capped()
        case .project(let p):
            let input = p.input.cardinality
            var columns: [Int: ColumnEstimate] = [:]
            for (expression, output) in zip(p.expressions, p.output) {
                if case .column(let c) = expression, let estimate = input.columns[c.id] { columns[output.id] = estimate }
            }
            return Cardinality(rows: input.rows, selectivity: input.selectivity, columns: columns)
        case .window(let w): return w.input.cardinality
        case .aggregate(let a): return Self.aggregateCardinality(a)
        case .sort(let s):
            let input = s.input.cardinality
            guard let fetch = s.fetch else { return input }
            return Cardinality(rows: Swift.min(input.rows, Double(fetch)), selectivity: input.selectivity, columns: input.columns).capped()
        case .limit(let l):
            let input = l.input.cardinality
            guard let limit = l.limit else { return input }
            return Cardinality(rows: Swift.min(input.rows, Double(limit)), selectivity: input.selectivity, columns: input.columns).capped()
        case .setOperation(let s):
            let l = s.left.cardinality
            let r = s.right.cardinality
            switch s.kind {
            case .union: return Cardinality(rows: l.rows + r.rows)
            case .intersect: return Cardinality(rows: Swift.min(l.rows, r.rows))
            case .except: return Cardinality(rows: l.rows)
            }
        case .join(let j):
            return Self.joinCardinality(j.left.cardinality, j.right.cardinality, kind: j.kind, keys: j.equiKeys, filter: j.filter)
        }
    }

    private static func scanCardinality(_ s: Scan) -> Cardinality {
        let base = s.source.estimatedRowCount ?? Cardinality.unknownTableRows
        var columns: [Int: ColumnEstimate] = [:]
        if s.source.estimatedRowCount != nil, base > 0 {
            for (index, output) in zip(s.columns, s.output) {
                guard let distinct = s.source.estimatedDistinctCount(column: index), distinct > 0 else { continue }
                let d = Swift.min(distinct, base)
                columns[output.id] = ColumnEstimate(distinct: d, keyDomain: d >= 0.9 * base ? d : nil)
            }
        }
        let sel = s.filters.reduce(1.0) { $0 * Cardinality.selectivity(of: $1, columns: columns) }
        var rows = Swift.max(1, base * sel)
        if let limit = s.limit { rows = Swift.min(rows, Double(limit)) }
        return Cardinality(rows: rows, selectivity: sel, columns: columns).capped()
    }

    /// Groups: the product of the group columns' distinct counts (at most the input rows) when all
    /// are known, else a tenth of the input. A single group column is a key of the result.
    private static func aggregateCardinality(_ a: Aggregate) -> Cardinality {
        let input = a.input.cardinality
        if a.groupBy.isEmpty { return Cardinality(rows: 1) }
        var product = 1.0
        var known = true
        var columns: [Int: ColumnEstimate] = [:]
        for (expression, output) in zip(a.groupBy, a.groupOutput) {
            if case .column(let c) = expression, let d = input.distinct(c.id) {
                product *= d
                columns[output.id] = ColumnEstimate(distinct: d)
            } else {
                known = false
            }
        }
        var rows = known ? Swift.min(input.rows, product) : input.rows * 0.1
        rows = Swift.max(1, rows * Double(a.groupingSets?.count ?? 1))
        if a.groupBy.count == 1, a.groupingSets == nil, let output = a.groupOutput.first {
            columns[output.id] = ColumnEstimate(distinct: rows, keyDomain: rows)
        }
        return Cardinality(rows: rows, selectivity: input.selectivity, columns: columns).capped()
    }

    /// The estimated output of joining inputs of cardinality `l` and `r` on `keys` (see
    /// ``Cardinality`` for the model).
    static func joinCardinality(_ l: Cardinality, _ r: Cardinality, kind: JoinKind, keys: [(left: Expr, right: Expr)], filter: Expr?) -> Cardinality {
        var columns = l.columns
        columns.merge(r.columns) { a, _ in a }
        let filterSel = filter.map { Cardinality.selectivity(of: $0, columns: columns) } ?? 1
        switch kind {
        case .semi, .anti:
            // The share of the left keys found on the right, when both distinct counts are known.
            var found = 0.5
            if let fraction = keyFraction(l, r, keys: keys) { found = fraction }
            let sel = kind == .semi ? found : Swift.max(0.05, 1 - found)
            return Cardinality(rows: Swift.max(1, l.rows * sel), selectivity: l.selectivity * sel, columns: l.columns).capped()
        case .mark: return l
        default: break
        }
        var result: Cardinality
        if keys.isEmpty {
            result = Cardinality(rows: Swift.max(1, l.rows * r.rows * filterSel), selectivity: l.selectivity * r.selectivity * filterSel, columns: columns)
        } else if let d = keyDenominator(l, r, keys: keys) {
            result = Cardinality(rows: Swift.max(1, l.rows * r.rows / d * filterSel), selectivity: l.selectivity * r.selectivity * filterSel, columns: columns)
        } else {
            let (big, small) = l.rows >= r.rows ? (l, r) : (r, l)
            result = Cardinality(rows: Swift.max(1, big.rows * small.selectivity * filterSel), selectivity: big.selectivity * small.selectivity * filterSel, columns: columns)
        }
        switch kind {
        case .left: result.rows = Swift.max(result.rows, l.rows)
        case .right: result.rows = Swift.max(result.rows, r.rows)
        case .full: result.rows = Swift.max(result.rows, l.rows + r.rows)
        default: break
        }
        return result.capped()
    }

    /// For semi and anti joins: the fraction of the left side's distinct keys present on the right,
    /// `min(1, ndv(r) / ndv(l))` for the most selective single-column key pair; `nil` when unknown.
    private static func keyFraction(_ l: Cardinality, _ r: Cardinality, keys: [(left: Expr, right: Expr)]) -> Double? {
        var best: Double? = nil
        for key in keys {
            guard case .column(let a) = key.left, case .column(let b) = key.right,
                  let dl = l.distinct(a.id), let dr = r.distinct(b.id) else { continue }
            let fraction = Swift.min(1, dr / dl)
            best = Swift.min(best ?? 1, fraction)
        }
        return best
    }

    /// `max(ndv(l), ndv(r))` over the key pairs whose columns have estimates (a unique side caps
    /// the other's distinct count at its key domain); several pairs combine as if independent, but
    /// never below the most selective single pair nor above the smaller input. `nil` when no pair
    /// is known.
    private static func keyDenominator(_ l: Cardinality, _ r: Cardinality, keys: [(left: Expr, right: Expr)]) -> Double? {
        var best: Double? = nil
        var product = 1.0
        for key in keys {
            guard case .column(let a) = key.left, case .column(let b) = key.right,
                  let ea = l.columns[a.id], let eb = r.columns[b.id] else { continue }
            var da = Swift.min(ea.distinct, l.rows)
            var db = Swift.min(eb.distinct, r.rows)
            if let domain = eb.keyDomain { da = Swift.min(da, domain) }
            if let domain = ea.keyDomain { db = Swift.min(db, domain) }
            let d = Swift.max(1, da, db)
            best = Swift.max(best ?? 1, d)
            product *= d
        }
        guard let best else { return nil }
        return Swift.max(best, Swift.min(product, Swift.min(l.rows, r.rows)))
    }
}
