import LagoaColumnar
import LagoaFunctions
import LagoaPlanner

/// A tiny DSL for hand-built logical plans in rule tests.
final class PlanDSL {
    let ids = ColumnIDGenerator()

    /// A scan of a table with no data, `rows` estimated rows, and `int64` columns unless typed.
    /// `distinct` gives distinct-count estimates by column name.
    func table(_ name: String, _ columns: [String], rows: Double = 1000, types: [String: DataType] = [:], distinct: [String: Double] = [:]) -> LogicalPlan {
        let fields = columns.map { Field($0, types[$0] ?? .int64) }
        let source = EmptyTable(displayName: name, schema: Schema(fields), estimatedRowCount: rows, distinct: distinct)
        let output = fields.map { ids.make($0.name, $0.type, relation: name) }
        return .scan(Scan(source: source, columns: Array(fields.indices), output: output))
    }

    func context() -> OptimizerContext { OptimizerContext(ids: ids) }
}

extension LogicalPlan {
    /// The output column named `name` as an expression.
    subscript(_ name: String) -> Expr {
        guard let c = output.first(where: { $0.name == name }) else { preconditionFailure("no column \(name) in \(output.map(\.name))") }
        return .column(c)
    }

    func filter(_ predicate: Expr) -> LogicalPlan { .filter(Filter(input: self, predicate: predicate)) }

    func join(_ right: LogicalPlan, _ kind: JoinKind = .cross, on: Expr? = nil) -> LogicalPlan {
        .join(Join(left: self, right: right, kind: kind, filter: on))
    }

    func project(_ items: [(Expr, String)], ids: ColumnIDGenerator) -> LogicalPlan {
        .project(Project(input: self, expressions: items.map(\.0), output: items.map { ids.make($0.1, $0.0.type) }))
    }

    func sort(_ keys: [Expr], fetch: Int? = nil) -> LogicalPlan { .sort(Sort(input: self, keys: keys.map { SortKey(expr: $0) }, fetch: fetch)) }

    func limit(_ n: Int, offset: Int = 0) -> LogicalPlan { .limit(Limit(input: self, limit: n, offset: offset)) }
}

func lit(_ v: Int) -> Expr { .literal(.int(Int64(v)), .int64) }

func compare(_ op: BinaryOperator, _ a: Expr, _ b: Expr) -> Expr {
    .binary(op, a, b, signature: FunctionSignature(argumentTypes: [a.type, b.type], returnType: .boolean))
}

func eq(_ a: Expr, _ b: Expr) -> Expr { compare(.equal, a, b) }

func arith(_ op: BinaryOperator, _ a: Expr, _ b: Expr) -> Expr {
    .binary(op, a, b, signature: FunctionSignature(argumentTypes: [a.type, b.type], returnType: a.type))
}
