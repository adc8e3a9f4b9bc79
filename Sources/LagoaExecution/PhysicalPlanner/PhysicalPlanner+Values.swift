import LagoaColumnar
import LagoaPlanner

extension PhysicalPlanner {
    func planValues(_ node: Values) async throws -> any ExecutionPlan {
        let schema = Schema(node.output.map(\.field))
        let compiler = ExpressionCompiler(input: [], context: context)
        let unit = RecordBatch(schema: Schema([]), columns: [], rowCount: 1)
        var rows: [[Value]] = []
        rows.reserveCapacity(node.rows.count)
        for row in node.rows {
            var values: [Value] = []
            for (expr, ref) in zip(row, node.output) {
                if case .literal(let value, let type) = expr, type == ref.type {
                    values.append(value)
                } else {
                    // Non-literal constants (casts, arithmetic) are evaluated once here.
                    values.append(try compiler.compile(expr).evaluateColumn(unit).value(at: 0))
                }
            }
            rows.append(values)
        }
        return ValuesExec(schema: schema, rows: rows)
    }
}
