import LagoaPlanner

extension PhysicalPlanner {
    func planSort(_ node: Sort) async throws -> any ExecutionPlan {
        let input = try await plan(node.input)
        let compiler = ExpressionCompiler(input: node.input.output, context: context)
        let keys = try node.keys.map { SortExec.Key(expr: try compiler.compile($0.expr), ascending: $0.ascending, nullsFirst: $0.nullsFirst) }
        return SortExec(input: input, keys: keys, fetch: node.fetch)
    }
}
