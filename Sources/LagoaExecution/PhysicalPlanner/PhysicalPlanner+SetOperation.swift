import LagoaPlanner

extension PhysicalPlanner {
    func planSetOperation(_ node: SetOperation) async throws -> any ExecutionPlan {
        throw ExecutionError(.unsupported, "SetOperation is not implemented yet")
    }
}
