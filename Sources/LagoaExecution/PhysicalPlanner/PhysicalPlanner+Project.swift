import LagoaPlanner

extension PhysicalPlanner {
    func planProject(_ node: Project) async throws -> any ExecutionPlan {
        throw ExecutionError(.unsupported, "Project is not implemented yet")
    }
}
