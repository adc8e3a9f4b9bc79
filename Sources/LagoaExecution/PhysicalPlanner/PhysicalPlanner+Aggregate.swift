import LagoaPlanner

extension PhysicalPlanner {
    func planAggregate(_ node: Aggregate) async throws -> any ExecutionPlan {
        throw ExecutionError(.unsupported, "Aggregate is not implemented yet")
    }
}
