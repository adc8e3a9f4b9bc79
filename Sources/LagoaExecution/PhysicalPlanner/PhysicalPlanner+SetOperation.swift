import LagoaColumnar
import LagoaPlanner

extension PhysicalPlanner {
    func planSetOperation(_ node: SetOperation) async throws -> any ExecutionPlan {
        let left = try await plan(node.left)
        let right = try await plan(node.right)
        return SetOperationExec(kind: node.kind, all: node.all, left: left, right: right, schema: Schema(node.output.map(\.field)))
    }
}
