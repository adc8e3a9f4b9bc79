import LagoaPlanner

extension PhysicalPlanner {
    func planWindow(_ node: Window) async throws -> any ExecutionPlan {
        throw ExecutionError(.unsupported, "Window is not implemented yet")
    }
}
