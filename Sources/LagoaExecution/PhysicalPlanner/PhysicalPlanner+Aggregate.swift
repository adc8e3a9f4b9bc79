import LagoaFunctions
import LagoaPlanner

extension PhysicalPlanner {
    /// `string_agg(x, ',' ORDER BY y)` and other aggregates with ORDER BY: the input is sorted on
    /// the ORDER BY keys first, into one partition, so each group's rows reach its accumulators in
    /// that order (aggregates that ignore order are unaffected). Every ordered aggregate of one
    /// SELECT must share the same ORDER BY.
    func planAggregate(_ node: Aggregate) async throws -> any ExecutionPlan {
        var inputPlan = node.input
        let ordered = node.aggregates.filter { !$0.orderBy.isEmpty }
        if let first = ordered.first {
            let keys = String(describing: first.orderBy)
            guard ordered.allSatisfy({ String(describing: $0.orderBy) == keys }) else {
                throw ExecutionError(.unsupported, "aggregates with different ORDER BY in one SELECT are not supported yet; compute them in separate subqueries")
            }
            inputPlan = .sort(Sort(input: node.input, keys: first.orderBy))
        }
        let input = try await plan(inputPlan)
        let inputColumns = node.input.output
        let groupExprs = try await compile(node.groupBy, input: inputColumns)
        var specs: [AggregateSpec] = []
        for call in node.aggregates {
            guard let function = context.functions.aggregate(call.function) else {
                throw ExecutionError(.unsupported, "aggregate function \(call.function) is not registered; the binder accepted it, so this is a bug, please report it")
            }
            var filter: (any PhysicalExpr)? = nil
            if let expr = call.filter { filter = try await compile(expr, input: inputColumns) }
            specs.append(
                AggregateSpec(
                    name: call.function,
                    function: function,
                    signature: call.signature,
                    arguments: try await compile(call.arguments, input: inputColumns),
                    filter: filter,
                    distinct: call.distinct
                )
            )
        }
        return HashAggregateExec(
            input: input,
            groupExprs: groupExprs,
            aggregates: specs,
            groupingSets: node.groupingSets,
            groupingIDType: node.groupingID?.type,
            schema: Self.schema(node.output)
        )
    }
}
