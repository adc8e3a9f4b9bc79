import LagoaPlanner

extension PhysicalPlanner {
    func planValues(_ node: Values) async throws -> any ExecutionPlan {
        throw ExecutionError(.unsupported, "Values is not implemented yet")
    }
}
