import LagoaFunctions

/// Computes an expression that occurs two or more times among one projection's or aggregate's
/// expressions once, in a projection below, and reads that column instead: TPC-H Q1's
/// `l_extendedprice * (1 - l_discount)` is evaluated once for `sum_disc_price` and `sum_charge`.
///
/// The largest repeated expression is extracted first, repeatedly. Branches of `CASE` are not
/// searched (they are evaluated only for some rows), and nothing with a subquery or a
/// non-deterministic function is extracted.
public struct EliminateCommonSubexpressions: OptimizerRule {
    public var name: String { "EliminateCommonSubexpressions" }
    public init() {}

    public func rewrite(_ plan: LogicalPlan, context: OptimizerContext) throws -> LogicalPlan {
        plan.transformUp { node in
            switch node {
            case .project, .aggregate: return eliminate(in: node, context: context)
            default: return node
            }
        }
    }

    private func eliminate(in node: LogicalPlan, context: OptimizerContext) -> LogicalPlan {
        var current = node
        var extracted: [(Expr, ColumnRef)] = []
        while let (expr, key) = largestRepeated(current.expressions, registry: context.registry) {
            let column = context.ids.make("__cse\(extracted.count + 1)", expr.type)
            extracted.append((expr, column))
            current = current.mapExpressions { e in
                e.transformDown { sub in
                    Self.key(sub) == key ? (.column(column), false) : (sub, true)
                }
            }
        }
        guard !extracted.isEmpty else { return node }
        let input = node.inputs[0]
        let below = Project(
            input: input,
            expressions: input.output.map { .column($0) } + extracted.map(\.0),
            output: input.output + extracted.map(\.1)
        )
        return current.withInputs([.project(below)])
    }

    static func key(_ e: Expr) -> String { String(describing: e) }

    private func largestRepeated(_ exprs: [Expr], registry: FunctionRegistry) -> (Expr, String)? {
        var counts: [String: (expr: Expr, count: Int, size: Int)] = [:]
        func visit(_ e: Expr) {
            switch e {
            case .column, .literal, .scalarSubquery, .exists, .inSubquery: return
            case .caseWhen(let branches, _, _):
                // Only the first condition is evaluated for every row.
                if let first = branches.first { visit(first.condition) }
                return
            case .function(let name, let args, _):
                if let f = registry.scalar(name), !f.isDeterministic { return }
                if name == "coalesce" { if let first = args.first { visit(first) }; return }
            default: break
            }
            if !e.containsSubquery, !e.columnIDs.isEmpty {
                let k = Self.key(e)
                if let existing = counts[k] {
                    counts[k] = (existing.expr, existing.count + 1, existing.size)
                } else {
                    counts[k] = (e, 1, k.count)
                }
            }
            for child in e.children { visit(child) }
        }
        for e in exprs { visit(e) }
        let best = counts.filter { $0.value.count >= 2 }.max { a, b in
            a.value.size != b.value.size ? a.value.size < b.value.size : a.key > b.key
        }
        return best.map { ($0.value.expr, $0.key) }
    }
}
