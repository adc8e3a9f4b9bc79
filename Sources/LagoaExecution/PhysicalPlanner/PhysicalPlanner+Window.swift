import LagoaColumnar
import LagoaPlanner

extension PhysicalPlanner {
    func planWindow(_ node: Window) async throws -> any ExecutionPlan {
        let input = try await plan(node.input)
        let compiler = ExpressionCompiler(input: node.input.output, context: context)
        let calls = try node.functions.map { call in
            WindowExec.Call(
                function: call.function,
                isAggregate: call.isAggregate,
                arguments: try call.arguments.map { try compiler.compile($0) },
                distinct: call.distinct,
                partitionBy: try call.partitionBy.map { try compiler.compile($0) },
                orderBy: try call.orderBy.map { SortExec.Key(expr: try compiler.compile($0.expr), ascending: $0.ascending, nullsFirst: $0.nullsFirst) },
                units: call.frame.units,
                start: try windowBound(call.frame.start),
                end: try windowBound(call.frame.end),
                ignoreNulls: call.ignoreNulls,
                signature: call.signature,
                output: call.output.field
            )
        }
        return WindowExec(input: input, calls: calls)
    }

    /// A frame bound with its offset evaluated once (offsets are constants).
    private func windowBound(_ bound: FrameBound) throws -> WindowExec.Bound {
        switch bound {
        case .unboundedPreceding: return .unboundedPreceding
        case .unboundedFollowing: return .unboundedFollowing
        case .currentRow: return .currentRow
        case .preceding(let e): return .preceding(try constant(e))
        case .following(let e): return .following(try constant(e))
        }
    }

    private func constant(_ expr: Expr) throws -> Value {
        if case .literal(let value, _) = expr { return value }
        let unit = RecordBatch(schema: Schema([]), columns: [], rowCount: 1)
        return try ExpressionCompiler(input: [], context: context).compile(expr).evaluateColumn(unit).value(at: 0)
    }
}
