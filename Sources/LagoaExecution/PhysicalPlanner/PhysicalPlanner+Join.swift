import LagoaFunctions
import LagoaPlanner

extension PhysicalPlanner {
    func planJoin(_ node: Join) async throws -> any ExecutionPlan {
        if Self.buildsOnLeft(node) { return try await planBuildSideSemiJoin(node) }
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
        try Self.coerceKeys(&leftKeys, &rightKeys)
        return HashJoinExec(left: left, right: right, kind: node.kind, leftKeys: leftKeys, rightKeys: rightKeys, filter: filter, nullAware: node.nullAware, schema: schema)
    }

    /// Whether a semi or anti join should build its hash table on the kept (left) side and stream
    /// the other: when the left input is estimated at less than half the right's rows (TPC-H Q4,
    /// Q21, Q22: a few thousand orders or suppliers against all of lineitem).
    static func buildsOnLeft(_ node: Join) -> Bool {
        guard node.kind == .semi || (node.kind == .anti && !node.nullAware), !node.equiKeys.isEmpty else { return false }
        return node.left.cardinality.rows * 2 < node.right.cardinality.rows
    }

    /// A semi/anti join as a build-side join: probe = the right input, build = the left input.
    private func planBuildSideSemiJoin(_ node: Join) async throws -> any ExecutionPlan {
        let probe = try await plan(node.right)
        let build = try await plan(node.left)
        var filter: (any PhysicalExpr)? = nil
        if let expr = node.filter { filter = try await compile(expr, input: node.right.output + node.left.output) }
        var probeKeys = try await compile(node.equiKeys.map(\.right), input: node.right.output)
        var buildKeys = try await compile(node.equiKeys.map(\.left), input: node.left.output)
        try Self.coerceKeys(&probeKeys, &buildKeys)
        return HashJoinExec(
            left: probe, right: build, kind: node.kind, leftKeys: probeKeys, rightKeys: buildKeys, filter: filter,
            nullAware: false, emitsBuildSide: true, schema: Self.schema(node.output))
    }

    /// Casts each pair of keys to their common type: keys are compared as encoded bytes, so both
    /// sides must have the same type.
    /// - Throws: ``ExecutionError`` naming both keys when they have no common type.
    static func coerceKeys(_ a: inout [any PhysicalExpr], _ b: inout [any PhysicalExpr]) throws {
        for k in a.indices where a[k].type != b[k].type {
            guard let common = TypeCoercion.commonSupertype([a[k].type, b[k].type]) else {
                throw ExecutionError(.unsupported, "join keys \(a[k].displayText) (\(a[k].type)) and \(b[k].displayText) (\(b[k].type)) have no common type; cast one side")
            }
            if a[k].type != common { a[k] = CastExpr(a[k], to: common, isTry: false) }
            if b[k].type != common { b[k] = CastExpr(b[k], to: common, isTry: false) }
        }
    }
}
