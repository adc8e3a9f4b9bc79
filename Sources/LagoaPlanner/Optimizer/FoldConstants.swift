import LagoaColumnar
public import LagoaFunctions

/// Evaluates constant subtrees once at plan time through the LagoaFunctions kernels (one row), and
/// simplifies boolean logic: `x AND true` → `x`, `false AND x` → `false`, `x OR true` → `true`,
/// `NOT NOT x` → `x`. A `Filter` whose predicate folds to `true` disappears; one that folds to
/// `false` or NULL becomes an empty relation.
///
/// Expressions whose evaluation fails (`1 / 0`) are left alone so the error surfaces at run time,
/// with the row that caused it, as in DuckDB.
public struct FoldConstants: OptimizerRule {
    public var name: String { "FoldConstants" }
    public init() {}

    public func rewrite(_ plan: LogicalPlan, context: OptimizerContext) throws -> LogicalPlan {
        plan.transformUp { node in
            let folded = node.mapExpressions { fold($0, registry: context.registry) }
            guard case .filter(let filter) = folded else { return folded }
            if filter.predicate.isTrueLiteral { return filter.input }
            if filter.predicate.isFalseLiteral || filter.predicate.isNullLiteral {
                return .empty(EmptyRelation(oneRow: false, output: filter.input.output))
            }
            return folded
        }
    }

    /// The folded form of one expression (subquery plans inside are folded too).
    public func fold(_ expr: Expr, registry: FunctionRegistry) -> Expr {
        expr.transformUp { e in
            switch e {
            case .scalarSubquery(let p, let t):
                return .scalarSubquery((try? rewrite(p, context: OptimizerContext(ids: ColumnIDGenerator(), registry: registry))) ?? p, type: t)
            case .exists(let p, let negated):
                return .exists((try? rewrite(p, context: OptimizerContext(ids: ColumnIDGenerator(), registry: registry))) ?? p, negated: negated)
            case .inSubquery(let x, let p, let negated):
                return .inSubquery(x, (try? rewrite(p, context: OptimizerContext(ids: ColumnIDGenerator(), registry: registry))) ?? p, negated: negated)
            default:
                return simplify(e, registry: registry)
            }
        }
    }

    private func simplify(_ e: Expr, registry: FunctionRegistry) -> Expr {
        switch e {
        case .not(let inner):
            if case .not(let x) = inner { return x }
            if inner.isTrueLiteral { return .falseLiteral }
            if inner.isFalseLiteral { return .trueLiteral }
            if inner.isNullLiteral { return .literal(.null, .boolean) }
            return e
        case .binary(.and, let l, let r, _):
            if l.isTrueLiteral { return r }
            if r.isTrueLiteral { return l }
            if l.isFalseLiteral || r.isFalseLiteral { return .falseLiteral }
            return e
        case .binary(.or, let l, let r, _):
            if l.isFalseLiteral { return r }
            if r.isFalseLiteral { return l }
            if l.isTrueLiteral || r.isTrueLiteral { return .trueLiteral }
            return e
        case .isNull(.literal(let v, _), let negated):
            return .literal(.bool(v.isNull != negated), .boolean)
        case .binary(let op, .literal(let lv, let lt), .literal(let rv, let rt), let signature):
            if op.isComparison, op != .notDistinct, op != .distinct, lv.isNull || rv.isNull {
                return .literal(.null, .boolean)
            }
            return evaluate(e, type: signature.returnType) {
                try op.evaluate(.scalar(lv, lt), .scalar(rv, rt), signature: signature, rowCount: 1)
            }
        case .cast(.literal(let v, let from), let to, let isTry):
            if from == to { return .literal(v, to) }
            if v.isNull { return .literal(.null, to) }
            return evaluate(e, type: to) { try Cast.cast(.scalar(v, from), to: to, isTry: isTry, rowCount: 1) }
        case .negate(.literal(let v, let t)):
            switch v {
            case .int(let x) where x != .min: return .literal(.int(-x), t)
            case .double(let x): return .literal(.double(-x), t)
            case .float(let x): return .literal(.float(-x), t)
            case .decimal(let x, let scale): return .literal(.decimal(-x, scale: scale), t)
            case .null: return e
            default: return e
            }
        case .function(let name, let args, let signature):
            guard !args.isEmpty, args.allSatisfy({ $0.literalValue != nil }), let function = registry.scalar(name),
                function.isDeterministic
            else { return e }
            let values = args.map { arg -> ColumnarValue in
                if case .literal(let v, let t) = arg { return .scalar(v, t) }
                preconditionFailure("arguments were checked to be literals")
            }
            return evaluate(e, type: signature.returnType) { try function.evaluate(values, rowCount: 1) }
        default:
            return e
        }
    }

    private func evaluate(_ original: Expr, type: DataType, _ body: () throws -> Column) -> Expr {
        guard let column = try? body(), column.count == 1 else { return original }
        return .literal(column.value(at: 0), type)
    }
}
