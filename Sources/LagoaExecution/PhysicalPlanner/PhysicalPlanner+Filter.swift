import LagoaPlanner

extension PhysicalPlanner {
    func planFilter(_ node: Filter) async throws -> any ExecutionPlan {
        let input = try await plan(node.input)
        return FilterExec(input: input, predicate: try await compile(node.predicate, input: node.input.output))
    }
}
