import LagoaPlanner

extension PhysicalPlanner {
    func planScan(_ node: Scan) async throws -> any ExecutionPlan {
        throw ExecutionError(.unsupported, "Scan is not implemented yet")
    }
}
