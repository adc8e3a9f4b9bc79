/// Rewrites OR conditions so joins and scans can use them (TPC-H Q7, Q19):
/// - conjuncts common to every branch move out of the OR: `(a AND b) OR (a AND c)` becomes
///   `a AND (b OR c)`, so a join key hidden in each branch becomes a join key;
/// - for each column that every branch restricts, a redundant filter on that column alone is added:
///   `(x = 1 AND y = 2) OR (x = 3 AND y = 4)` also yields `(x = 1 OR x = 3)` and `(y = 2 OR y = 4)`,
///   which push down into the scans of x's and y's tables. The original OR stays.
public struct FactorDisjunctions: OptimizerRule {
    public var name: String { "factor_disjunctions" }

    public init() {}

    public func rewrite(_ plan: LogicalPlan, context: OptimizerContext) throws -> LogicalPlan {
        plan.transformUp { node in
            switch node {
            case .filter(var filter):
                filter.predicate = Self.factor(filter.predicate)
                return .filter(filter)
            case .join(var join):
                if let condition = join.filter, join.kind == .inner || join.kind == .cross {
                    join.filter = Self.factor(condition)
                }
                return .join(join)
            default:
                return node
            }
        }
    }

    /// The predicate with every top-level OR conjunct factored.
    static func factor(_ predicate: Expr) -> Expr {
        var out: [Expr] = []
        for conjunct in predicate.conjuncts {
            let branches = conjunct.disjuncts
            guard branches.count > 1 else {
                out.append(conjunct)
                continue
            }
            out += factorDisjunction(branches)
        }
        return Expr.conjunction(out) ?? predicate
    }

    private static func factorDisjunction(_ branches: [Expr]) -> [Expr] {
        let split = branches.map { branch in branch.conjuncts.map { (expr: $0, key: $0.fingerprint) } }
        // Conjuncts present in every branch.
        var common = Set(split[0].compactMap(\.key))
        for branch in split.dropFirst() { common.formIntersection(branch.compactMap(\.key)) }
        var result: [Expr] = []
        var seen = Set<String>()
        for item in split[0] where item.key.map({ common.contains($0) }) == true && seen.insert(item.key!).inserted {
            result.append(item.expr)
        }
        let rests = split.map { branch in branch.filter { $0.key.map { !common.contains($0) } ?? true }.map(\.expr) }
        if rests.contains(where: \.isEmpty) {
            return result  // one branch is just the common part: the OR adds nothing
        }
        let remainder = Expr.disjunction(rests.map { Expr.conjunction($0)! })!
        result.append(remainder)
        // Per-column restrictions implied by every branch.
        var candidates: Set<Int>?
        for rest in rests {
            let single = Set(rest.compactMap { $0.containsSubquery ? nil : ($0.columnIDs.count == 1 ? $0.columnIDs.first : nil) })
            candidates = candidates.map { $0.intersection(single) } ?? single
        }
        for column in (candidates ?? []).sorted() {
            let parts = rests.map { rest in Expr.conjunction(rest.filter { $0.columnIDs == [column] && !$0.containsSubquery })! }
            result.append(Expr.disjunction(parts)!)
        }
        return result
    }
}
