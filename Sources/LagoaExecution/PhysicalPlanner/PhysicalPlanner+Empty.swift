import LagoaPlanner

extension PhysicalPlanner {
    func planEmpty(_ node: EmptyRelation) async throws -> any ExecutionPlan {
        throw ExecutionError(.unsupported, "Empty is not implemented yet")
    }
}
