public import LagoaPlanner
import LagoaColumnar

extension ExpressionCompiler {
    /// `expr` with every uncorrelated subquery replaced by its value: a scalar subquery by a
    /// literal (NULL for no rows), `EXISTS` by a boolean, `x IN (subquery)` by an IN list of the
    /// subquery's values. Each subquery runs once, here.
    /// - Throws: ``ExecutionError/Code/invalidData`` when a scalar subquery returns more than one
    ///   row; planning or execution errors of the subquery.
    public func resolveSubqueries(_ expr: Expr) async throws -> Expr {
        switch expr {
        case .column, .literal:
            return expr
        case .cast(let inner, let type, let isTry):
            return .cast(try await resolveSubqueries(inner), to: type, isTry: isTry)
        case .not(let inner):
            return .not(try await resolveSubqueries(inner))
        case .negate(let inner):
            return .negate(try await resolveSubqueries(inner))
        case .isNull(let inner, let negated):
            return .isNull(try await resolveSubqueries(inner), negated: negated)
        case .binary(let op, let lhs, let rhs, let signature):
            return .binary(op, try await resolveSubqueries(lhs), try await resolveSubqueries(rhs), signature: signature)
        case .function(let name, let arguments, let signature):
            var resolved: [Expr] = []
            for argument in arguments { resolved.append(try await resolveSubqueries(argument)) }
            return .function(name: name, arguments: resolved, signature: signature)
        case .caseWhen(let branches, let elseValue, let type):
            var resolved: [Expr.CaseBranch] = []
            for branch in branches {
                resolved.append(Expr.CaseBranch(condition: try await resolveSubqueries(branch.condition), value: try await resolveSubqueries(branch.value)))
            }
            return .caseWhen(branches: resolved, elseValue: try await resolveSubqueries(elseValue), type: type)
        case .inList(let value, let items, let negated):
            var resolved: [Expr] = []
            for item in items { resolved.append(try await resolveSubqueries(item)) }
            return .inList(try await resolveSubqueries(value), resolved, negated: negated)
        case .like(let value, let pattern, let caseInsensitive, let negated, let escape):
            return .like(
                try await resolveSubqueries(value),
                pattern: try await resolveSubqueries(pattern),
                caseInsensitive: caseInsensitive,
                negated: negated,
                escape: escape
            )
        case .scalarSubquery(let plan, let type):
            let rows = try await runSubquery(plan, limit: 2)
            if rows.count > 1 {
                throw ExecutionError(.invalidData, "more than one row returned by a subquery used as an expression")
            }
            return .literal(rows.first ?? .null, type)
        case .exists(let plan, let negated):
            let rows = try await runSubquery(plan, limit: 1)
            return .literal(.bool(rows.isEmpty == negated), .boolean)
        case .inSubquery(let value, let plan, let negated):
            let type = plan.output.first?.type ?? value.type
            let rows = try await runSubquery(plan, limit: nil)
            return .inList(try await resolveSubqueries(value), rows.map { .literal($0, type) }, negated: negated)
        }
    }

    /// The first column's values of `plan`'s rows (stops reading after `limit` rows).
    private func runSubquery(_ plan: LogicalPlan, limit: Int?) async throws -> [Value] {
        let physical = try await PhysicalPlanner(context: context).plan(plan)
        let batches = try await PartitionRunner.collect(physical, context: context)
        var values: [Value] = []
        for batch in batches where batch.rowCount > 0 {
            for i in 0..<batch.rowCount {
                values.append(batch.columns.first?.value(at: i) ?? .null)
                if let limit, values.count >= limit { return values }
            }
        }
        return values
    }
}
