import LagoaPlanner

extension PhysicalPlanner {
    func planJoin(_ node: Join) async throws -> any ExecutionPlan {
        throw ExecutionError(.unsupported, "Join is not implemented yet")
    }
}
