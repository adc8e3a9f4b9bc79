public import LagoaPlanner
import LagoaColumnar
import LagoaFunctions

/// Compiles planner expressions (`Expr`, columns by id) into ``PhysicalExpr``s over an input whose
/// columns are `input` (positionally).
///
/// Subqueries must be resolved first with ``resolveSubqueries(_:)`` (async: it runs them once);
/// ``PhysicalPlanner`` does this for every expression it compiles.
public struct ExpressionCompiler: Sendable {
    public let input: [ColumnRef]
    public let context: TaskContext
    private let positions: [Int: Int]

    /// Lists with more constants than this use a hash set instead of an OR of equalities.
    static let inListHashThreshold = 16

    public init(input: [ColumnRef], context: TaskContext) {
        self.input = input
        self.context = context
        var positions: [Int: Int] = [:]
        for (i, column) in input.enumerated() where positions[column.id] == nil { positions[column.id] = i }
        self.positions = positions
    }

    /// The position of column `ref` in the input.
    /// - Throws: ``ExecutionError`` when the input does not produce it.
    public func position(of ref: ColumnRef) throws -> Int {
        guard let index = positions[ref.id] else {
            throw ExecutionError(
                .unsupported,
                "column \(ref.relation.map { "\($0)." } ?? "")\(ref.name) (#\(ref.id)) is not produced by the operator's input [\(input.map { "\($0.name)#\($0.id)" }.joined(separator: ", "))]; this is a planner bug (a correlated reference left in the plan?), please report it"
            )
        }
        return index
    }

    /// - Throws: ``ExecutionError`` when the expression refers to a column `input` lacks, or uses a
    ///   construct the planner should have removed (correlated subqueries).
    public func compile(_ expr: Expr) throws -> any PhysicalExpr {
        switch expr {
        case .column(let ref):
            return ColumnExpr(index: try position(of: ref), name: ref.name, type: ref.type)
        case .literal(let value, let type):
            return LiteralExpr(value, type: type)
        case .cast(let inner, let type, let isTry):
            let compiled = try compile(inner)
            if compiled.type == type { return compiled }
            return CastExpr(compiled, to: type, isTry: isTry)
        case .not(let inner):
            return NotExpr(try compile(inner))
        case .negate(let inner):
            return NegateExpr(try compile(inner))
        case .isNull(let inner, let negated):
            return IsNullExpr(try compile(inner), negated: negated)
        case .binary(let op, let lhs, let rhs, let signature):
            if op == .and || op == .or {
                return LogicalExpr(isAnd: op == .and, try compile(lhs), try compile(rhs))
            }
            return BinaryExpr(op, try compile(lhs), try compile(rhs), signature: signature)
        case .function(let name, let arguments, let signature):
            guard let function = context.functions.scalar(name) else {
                throw ExecutionError(.unsupported, "scalar function \(name) is not registered; the binder accepted it, so this is a bug, please report it")
            }
            return FunctionExpr(name: name, function: function, arguments: try arguments.map(compile), signature: signature)
        case .caseWhen(let branches, let elseValue, let type):
            return CaseExpr(
                branches: try branches.map { (try compile($0.condition), try compile($0.value)) },
                elseValue: try compile(elseValue),
                type: type
            )
        case .inList(let value, let items, let negated):
            return try compileInList(value, items, negated: negated)
        case .like(let value, let pattern, let caseInsensitive, let negated, let escape):
            return LikeExpr(try compile(value), pattern: try compile(pattern), caseInsensitive: caseInsensitive, negated: negated, escape: escape)
        case .scalarSubquery, .exists, .inSubquery:
            throw ExecutionError(
                .unsupported,
                "a subquery reached expression compilation unresolved; call ExpressionCompiler.resolveSubqueries first (correlated subqueries must be decorrelated by the optimizer)"
            )
        }
    }

    private func compileInList(_ value: Expr, _ items: [Expr], negated: Bool) throws -> any PhysicalExpr {
        let input = try compile(value)
        if items.isEmpty { return LiteralExpr(.bool(negated), type: .boolean) }
        let constants: [Value] = items.compactMap {
            if case .literal(let v, _) = $0 { return v }
            return nil
        }
        if constants.count == items.count && items.count > Self.inListHashThreshold {
            return InSetExpr(input, values: constants, negated: negated)
        }
        let equalitySignature = FunctionSignature(argumentTypes: [input.type, input.type], returnType: .boolean)
        // A computed input (not a column) over constants is evaluated once, not once per item.
        let computedOnce = !(input is ColumnExpr) && constants.count == items.count && items.count > 1
        let operand: any PhysicalExpr = computedOnce ? ColumnExpr(index: 0, name: "value", type: input.type) : input
        var result: (any PhysicalExpr)? = nil
        for item in items {
            let equal = BinaryExpr(.equal, operand, try compile(item), signature: equalitySignature)
            result = result.map { LogicalExpr(isAnd: false, $0, equal) } ?? equal
        }
        if computedOnce { result = ComputedOnceExpr(input: input, body: result!) }
        return negated ? NotExpr(result!) : result!
    }
}
