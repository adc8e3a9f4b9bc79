import LagoaPlanner

extension PhysicalPlanner {
    func planProject(_ node: Project) async throws -> any ExecutionPlan {
        let input = try await plan(node.input)
        let expressions = try await compile(node.expressions, input: node.input.output)
        return ProjectionExec(input: input, expressions: expressions, schema: Self.schema(node.output))
    }
}
