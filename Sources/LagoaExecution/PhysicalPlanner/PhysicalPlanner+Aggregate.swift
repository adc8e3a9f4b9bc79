import LagoaFunctions
import LagoaPlanner

extension PhysicalPlanner {
    func planAggregate(_ node: Aggregate) async throws -> any ExecutionPlan {
        let input = try await plan(node.input)
        let inputColumns = node.input.output
        let groupExprs = try await compile(node.groupBy, input: inputColumns)
        var specs: [AggregateSpec] = []
        for call in node.aggregates {
            guard let function = context.functions.aggregate(call.function) else {
                throw ExecutionError(.unsupported, "aggregate function \(call.function) is not registered; the binder accepted it, so this is a bug, please report it")
            }
            if !call.orderBy.isEmpty {
                throw ExecutionError(.unsupported, "\(call.function)(… ORDER BY …) inside an aggregate is not supported yet; sort in a subquery instead")
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
