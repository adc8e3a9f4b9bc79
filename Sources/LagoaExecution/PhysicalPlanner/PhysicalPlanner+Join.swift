import LagoaFunctions
import LagoaPlanner

extension PhysicalPlanner {
    func planJoin(_ node: Join) async throws -> any ExecutionPlan {
        let left = try await plan(node.left)
        let right = try await plan(node.right)
        let joinedColumns = node.left.output + node.right.output
        var filter: (any PhysicalExpr)? = nil
        if let expr = node.filter { filter = try await compile(expr, input: joinedColumns) }
        let schema = Self.schema(node.output)
        if node.equiKeys.isEmpty {
            return NestedLoopJoinExec(left: left, right: right, kind: node.kind, filter: filter, nullAware: node.nullAware, schema: schema)
        }
        var leftKeys = try await compile(node.equiKeys.map(\.left), input: node.left.output)
        var rightKeys = try await compile(node.equiKeys.map(\.right), input: node.right.output)
        // Keys are compared as encoded bytes, so both sides must have the same type.
        for k in leftKeys.indices where leftKeys[k].type != rightKeys[k].type {
            guard let common = TypeCoercion.commonSupertype([leftKeys[k].type, rightKeys[k].type]) else {
                throw ExecutionError(.unsupported, "join keys \(leftKeys[k].displayText) (\(leftKeys[k].type)) and \(rightKeys[k].displayText) (\(rightKeys[k].type)) have no common type; cast one side")
            }
            if leftKeys[k].type != common { leftKeys[k] = CastExpr(leftKeys[k], to: common, isTry: false) }
            if rightKeys[k].type != common { rightKeys[k] = CastExpr(rightKeys[k], to: common, isTry: false) }
        }
        return HashJoinExec(left: left, right: right, kind: node.kind, leftKeys: leftKeys, rightKeys: rightKeys, filter: filter, nullAware: node.nullAware, schema: schema)
    }
}
