public import LagoaColumnar
public import LagoaPlanner

extension PhysicalPlanner {
    /// Compiles `expr` over `input`, running its uncorrelated subqueries once first.
    public func compile(_ expr: Expr, input: [ColumnRef]) async throws -> any PhysicalExpr {
        let compiler = ExpressionCompiler(input: input, context: context)
        return try compiler.compile(try await compiler.resolveSubqueries(expr))
    }

    /// Compiles each of `exprs` over `input`.
    public func compile(_ exprs: [Expr], input: [ColumnRef]) async throws -> [any PhysicalExpr] {
        var out: [any PhysicalExpr] = []
        for expr in exprs { out.append(try await compile(expr, input: input)) }
        return out
    }

    /// The result schema of columns `refs`.
    public static func schema(_ refs: [ColumnRef]) -> Schema {
        Schema(refs.map(\.field))
    }
}
