import LagoaPlanner

extension PhysicalPlanner {
    func planLimit(_ node: Limit) async throws -> any ExecutionPlan {
        throw ExecutionError(.unsupported, "Limit is not implemented yet")
    }
}
