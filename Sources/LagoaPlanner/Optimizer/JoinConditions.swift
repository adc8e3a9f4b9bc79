import LagoaFunctions

/// Splits join conditions into hash-join keys and a residual filter.
enum JoinConditions {
    /// Equalities with one side over `left` columns only and the other over `right` columns only
    /// become `(left, right)` key pairs; everything else is ANDed into the residual filter.
    static func split(_ conjuncts: [Expr], left: Set<Int>, right: Set<Int>) -> (keys: [(left: Expr, right: Expr)], filter: Expr?) {
        var keys: [(left: Expr, right: Expr)] = []
        var rest: [Expr] = []
        for c in conjuncts {
            if case .binary(.equal, let a, let b, _) = c, !c.containsSubquery {
                let ia = a.columnIDs, ib = b.columnIDs
                if !ia.isEmpty, !ib.isEmpty {
                    if ia.isSubset(of: left), ib.isSubset(of: right) { keys.append((a, b)); continue }
                    if ia.isSubset(of: right), ib.isSubset(of: left) { keys.append((b, a)); continue }
                }
            }
            rest.append(c)
        }
        return (keys, Expr.conjunction(rest))
    }
}
