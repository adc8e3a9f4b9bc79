import LagoaColumnar
import LagoaPlanner

extension PhysicalPlanner {
    func planEmpty(_ node: EmptyRelation) async throws -> any ExecutionPlan {
        EmptyExec(oneRow: node.oneRow, schema: Schema(node.output.map(\.field)))
    }
}
