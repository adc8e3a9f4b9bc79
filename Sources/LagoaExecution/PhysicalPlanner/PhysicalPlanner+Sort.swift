import LagoaPlanner

extension PhysicalPlanner {
    func planSort(_ node: Sort) async throws -> any ExecutionPlan {
        throw ExecutionError(.unsupported, "Sort is not implemented yet")
    }
}
