import LagoaPlanner

extension PhysicalPlanner {
    func planLimit(_ node: Limit) async throws -> any ExecutionPlan {
        // ORDER BY … LIMIT: a top-N sort keeps only the rows the limit can return.
        if case .sort(var sort) = node.input, let limit = node.limit {
            let needed = limit > Int.max - node.offset ? Int.max : limit + node.offset
            sort.fetch = min(sort.fetch ?? needed, needed)
            return LimitExec(input: try await planSort(sort), limit: node.limit, offset: node.offset)
        }
        return LimitExec(input: try await plan(node.input), limit: node.limit, offset: node.offset)
    }
}
