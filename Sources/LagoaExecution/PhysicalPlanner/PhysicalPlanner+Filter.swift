import LagoaPlanner

extension PhysicalPlanner {
    func planFilter(_ node: Filter) async throws -> any ExecutionPlan {
        throw ExecutionError(.unsupported, "Filter is not implemented yet")
    }
}
