import LagoaColumnar
import LagoaFunctions
import LagoaSQL
import LagoaCore

extension Binder {
    /// Binds one scalar expression in `context`.
    func bindExpression(_ expression: Expression, _ context: ExpressionContext) async throws -> Expr {
        let span = expression.span
        switch expression.kind {
        case .literal(let literal):
            return try bindLiteral(literal, span: span)
        case .column(let name):
            do {
                return .column(try resolveColumn(name, in: context.scope))
            } catch let error as PlannerError where error.code == .unknownColumn && name.parts.count == 1 {
                if let aliased = context.selectAliases[name.name.value] { return aliased }
                throw error
            }
        case .unary(let op, let inner):
            switch op {
            case .plus:
                return try await bindExpression(inner, context)
            case .minus:
                if case .literal(.integer(let text)) = inner.kind, text == "2147483648" { return .literal(.int(Int64(Int32.min)), .int32) }
                if case .literal(.integer(let text)) = inner.kind, text == "9223372036854775808" { return .literal(.int(Int64.min), .int64) }
                let value = try await bindExpression(inner, context)
                guard value.type.isNumeric else {
                    throw PlannerError(.typeMismatch, "cannot negate a value of type \(value.type): \(text(of: expression, bound: value))", span: span.range)
                }
                return FoldConstants().fold(.negate(value), registry: registry)
            case .not:
                if case .exists(let query) = inner.kind {
                    return .exists(try await bindQuery(query, outer: context.scope).plan, negated: true)
                }
                let value = try await bindExpression(inner, context)
                try requireBoolean(value, inner, clause: "NOT")
                return .not(castIfNeeded(value, to: .boolean))
            }
        case .binary(let op, let l, let r):
            return try await bindBinaryExpression(op, l, r, expression, context)
        case .isNull(let inner, let negated):
            return .isNull(try await bindExpression(inner, context), negated: negated)
        case .isBoolean(let inner, let value, let negated):
            let x = castIfNeeded(try await bindExpression(inner, context), to: .boolean)
            return try bindComparison(negated ? .distinct : .notDistinct, x, .literal(.bool(value), .boolean), span: span, expression: expression)
        case .isDistinctFrom(let l, let r, let negated):
            let lhs = try await bindExpression(l, context)
            let rhs = try await bindExpression(r, context)
            return try bindComparison(negated ? .notDistinct : .distinct, lhs, rhs, span: span, expression: expression)
        case .between(let x, let low, let high, let negated):
            let value = try await bindExpression(x, context)
            let lo = try await bindExpression(low, context)
            let hi = try await bindExpression(high, context)
            let range = Expr.and(
                try bindComparison(.greaterOrEqual, value, lo, span: span, expression: expression),
                try bindComparison(.lessOrEqual, value, hi, span: span, expression: expression))
            return negated ? .not(range) : range
        case .inList(let x, let items, let negated):
            let value = try await bindExpression(x, context)
            var bound: [Expr] = []
            for item in items { bound.append(try await bindExpression(item, context)) }
            bound = bound.map { coerceStringLiteral($0, toward: value.type) }
            guard let type = TypeCoercion.commonSupertype(([value] + bound).map { $0.isNullLiteral ? nil : $0.type }) else {
                throw PlannerError(.typeMismatch, "IN list items must have a type comparable with \(value.type): \(text(of: expression))", span: span.range)
            }
            return .inList(castIfNeeded(value, to: type), bound.map { castIfNeeded($0, to: type) }, negated: negated)
        case .inSubquery(let x, let query, let negated):
            let value = try await bindExpression(x, context)
            let sub = try await bindQuery(query, outer: context.scope)
            guard sub.plan.output.count == 1 else {
                throw PlannerError(.invalidStatement, "subquery of IN must return one column, not \(sub.plan.output.count)", span: query.span.range)
            }
            let subType = sub.plan.output[0].type
            guard let type = TypeCoercion.commonSupertype([value.type, subType]) else {
                throw PlannerError(.typeMismatch, "cannot compare \(value.type) with the subquery's \(subType) in \(text(of: expression))", span: span.range)
            }
            return .inSubquery(castIfNeeded(value, to: type), castColumns(sub.plan, to: [type]), negated: negated)
        case .like(let x, let pattern, let escape, let caseInsensitive, let negated):
            let value = try await bindExpression(x, context)
            let p = try await bindExpression(pattern, context)
            guard value.type == .string || value.isNullLiteral, p.type == .string || p.isNullLiteral else {
                throw PlannerError(.typeMismatch, "LIKE needs strings, not \(value.type) and \(p.type): \(text(of: expression))", span: span.range)
            }
            var escapeCharacter: Character? = nil
            if let escape {
                guard case .literal(.string(let s)) = escape.kind, s.count <= 1 else {
                    throw PlannerError(.invalidStatement, "ESCAPE must be a string of one character", span: escape.span.range)
                }
                escapeCharacter = s.first
            }
            return .like(castIfNeeded(value, to: .string), pattern: castIfNeeded(p, to: .string), caseInsensitive: caseInsensitive, negated: negated, escape: escapeCharacter)
        case .caseWhen(let c):
            return try await bindCase(c, expression, context)
        case .cast(let inner, let typeName, let syntax):
            let value = try await bindExpression(inner, context)
            let type = try dataType(typeName)
            if value.type == type { return value }
            guard value.isNullLiteral || Cast.canCast(from: value.type, to: type) else {
                throw PlannerError(.typeMismatch, "cannot cast \(value.type) to \(type): \(text(of: expression))", span: span.range)
            }
            if case .literal(let v, let from) = value, syntax != .tryCast {
                return try castLiteral(v, from: from, to: type, span: span, written: text(of: inner))
            }
            return FoldConstants().fold(.cast(value, to: type, isTry: syntax == .tryCast), registry: registry)
        case .extract(let field, let inner):
            let value = try await bindExpression(inner, context)
            return try bindScalar("date_part", [.literal(.string(field), .string), value], expression)
        case .substring(let inner, let from, let length):
            var args = [try await bindExpression(inner, context)]
            if let from { args.append(try await bindExpression(from, context)) } else { args.append(.literal(.int(1), .int64)) }
            if let length { args.append(try await bindExpression(length, context)) }
            return try bindScalar("substring", args, expression)
        case .position(let needle, let haystack):
            let n = try await bindExpression(needle, context)
            let h = try await bindExpression(haystack, context)
            return try bindScalar("strpos", [h, n], expression)
        case .trim(let side, let characters, let inner):
            var args = [try await bindExpression(inner, context)]
            if let characters { args.append(try await bindExpression(characters, context)) }
            let name = switch side {
            case .both: "trim"
            case .leading: "ltrim"
            case .trailing: "rtrim"
            }
            return try bindScalar(name, args, expression)
        case .atTimeZone(let inner, let zone):
            let value = try await bindExpression(inner, context)
            let z = try await bindExpression(zone, context)
            return try bindScalar("timezone", [z, value], expression)
        case .function(let call):
            return try await bindFunctionCall(call, expression, context)
        case .subquery(let query):
            let sub = try await bindQuery(query, outer: context.scope)
            guard sub.plan.output.count == 1 else {
                throw PlannerError(.invalidStatement, "subquery used as a value must return one column, not \(sub.plan.output.count)", span: query.span.range)
            }
            return .scalarSubquery(sub.plan, type: sub.plan.output[0].type)
        case .exists(let query):
            return .exists(try await bindQuery(query, outer: context.scope).plan, negated: false)
        case .star:
            throw PlannerError(.invalidStatement, "* is only allowed in a select list and in count(*)", span: span.range)
        }
    }

    // MARK: Columns

    /// Finds a column by name, innermost scope first (outer scopes make correlated references).
    func resolveColumn(_ name: QualifiedName, in scope: Scope) throws -> ColumnRef {
        let parts = name.parts.map(\.value)
        let column = parts[parts.count - 1]
        let relation = parts.count >= 2 ? parts[parts.count - 2] : nil
        var current: Scope? = scope
        while let s = current {
            var found = s.matches(column, relation: relation)
            var seen = Set<Int>()
            found = found.filter { seen.insert($0.column.id).inserted }
            if found.count == 1 { return found[0].column }
            if found.count > 1 {
                let options = found.map { "\($0.relation.map { $0 + "." } ?? "")\($0.name)" }.joined(separator: " or ")
                throw PlannerError(
                    .ambiguousColumn,
                    "column reference \"\(name.description)\" is ambiguous (it could be \(options)); qualify it with a table name",
                    span: name.span.range)
            }
            current = s.parent
        }
        if let relation, !scopeHasRelation(scope, relation) {
            throw PlannerError(.unknownColumn, "column \"\(name.description)\" does not exist: no table \"\(relation)\" in FROM", span: name.span.range)
        }
        throw PlannerError(
            .unknownColumn,
            "column \"\(name.description)\" does not exist" + Suggestions.didYouMean(column, among: scope.allNames),
            span: name.span.range)
    }

    private func scopeHasRelation(_ scope: Scope, _ relation: String) -> Bool {
        var current: Scope? = scope
        while let s = current {
            if s.hasRelation(relation) { return true }
            current = s.parent
        }
        return false
    }

    // MARK: Operators

    private func bindBinaryExpression(_ op: LagoaSQL.BinaryOperator, _ l: Expression, _ r: Expression, _ expression: Expression, _ context: ExpressionContext) async throws -> Expr {
        // Interval arithmetic.
        if op == .add || op == .subtract {
            if let parts = try intervalParts(r) {
                let x = try await bindExpression(l, context)
                let signed = op == .subtract ? (-parts.months, -parts.days, -parts.micros) : parts
                return try addInterval(x, signed, span: expression.span)
            }
            if op == .add, let parts = try intervalParts(l) {
                return try addInterval(try await bindExpression(r, context), parts, span: expression.span)
            }
        }
        let lhs = try await bindExpression(l, context)
        let rhs = try await bindExpression(r, context)
        guard let mapped = LagoaFunctions.BinaryOperator(rawValue: op.rawValue) else {
            throw PlannerError(.unsupported, "operator \(op.rawValue) is not supported", span: expression.span.range)
        }
        if mapped == .and || mapped == .or {
            try requireBoolean(lhs, l, clause: op.rawValue)
            try requireBoolean(rhs, r, clause: op.rawValue)
            return .binary(mapped, castIfNeeded(lhs, to: .boolean), castIfNeeded(rhs, to: .boolean), signature: Expr.booleanSignature)
        }
        return try bindComparison(mapped, lhs, rhs, span: expression.span, expression: expression)
    }

    /// `lhs op rhs` through ``BinaryOperator/bind(_:_:)``, with DuckDB's literal conveniences: an
    /// untyped string literal compared with a date, time or timestamp becomes that type; a
    /// timestamp literal at midnight compared with a date becomes a date; a NULL literal takes the
    /// other side's type.
    func bindComparison(_ op: LagoaFunctions.BinaryOperator, _ lhs: Expr, _ rhs: Expr, span: SourceSpan, expression: Expression? = nil) throws -> Expr {
        var l = lhs
        var r = rhs
        if op.isComparison {
            l = coerceStringLiteral(l, toward: r.type)
            r = coerceStringLiteral(r, toward: l.type)
            l = narrowMidnight(l, toward: r.type)
            r = narrowMidnight(r, toward: l.type)
        }
        if l.isNullLiteral { l = .literal(.null, r.type) }
        if r.isNullLiteral { r = .literal(.null, l.type) }
        let signature: FunctionSignature
        do {
            // As in DuckDB, only a string *literal* adapts to a number in arithmetic; a string
            // column needs an explicit CAST.
            if op.isArithmetic, (l.type == .string && l.literalValue == nil && r.type.isNumeric) || (r.type == .string && r.literalValue == nil && l.type.isNumeric) {
                throw FunctionError(.signature, "operator \(op.rawValue) cannot be applied to \(l.type) and \(r.type)")
            }
            signature = try op.bind(l.type, r.type)
        } catch {
            let shown = expression.map { text(of: $0) } ?? Expr.binary(op, l, r, signature: FunctionSignature(argumentTypes: [], returnType: .boolean)).sqlText
            throw PlannerError(
                .typeMismatch,
                "operator \(op.rawValue) cannot be applied to \(l.type) and \(r.type) in \"\(shown)\"; add an explicit CAST",
                span: span.range, cause: error)
        }
        let bound = Expr.binary(op, castIfNeeded(l, to: signature.argumentTypes[0]), castIfNeeded(r, to: signature.argumentTypes[1]), signature: signature)
        return bound
    }

    func coerceStringLiteral(_ e: Expr, toward type: DataType) -> Expr {
        guard case .literal(.string(let s), .string) = e else { return e }
        switch type {
        case .date32, .timestamp, .time64:
            if let column = try? Cast.cast(.scalar(.string(s), .string), to: type, isTry: false, rowCount: 1) {
                return .literal(column.value(at: 0), type)
            }
            return e
        default:
            return e
        }
    }

    private func narrowMidnight(_ e: Expr, toward type: DataType) -> Expr {
        guard type == .date32, case .literal(.timestamp(let v, let unit, nil), _) = e else { return e }
        let perDay = 86_400 * unit.perSecond
        guard v % perDay == 0, let days = Int32(exactly: v / perDay) else { return e }
        return .literal(.date(days), .date32)
    }

    // MARK: CASE

    private func bindCase(_ c: CaseExpression, _ expression: Expression, _ context: ExpressionContext) async throws -> Expr {
        var operand: Expr? = nil
        if let o = c.operand { operand = try await bindExpression(o, context) }
        var conditions: [Expr] = []
        var values: [Expr] = []
        for branch in c.branches {
            let condition = try await bindExpression(branch.condition, context)
            if let operand {
                conditions.append(try bindComparison(.equal, operand, condition, span: branch.condition.span, expression: branch.condition))
            } else {
                try requireBoolean(condition, branch.condition, clause: "CASE WHEN")
                conditions.append(castIfNeeded(condition, to: .boolean))
            }
            values.append(try await bindExpression(branch.result, context))
        }
        var elseValue: Expr? = nil
        if let e = c.elseResult { elseValue = try await bindExpression(e, context) }
        let all = values + (elseValue.map { [$0] } ?? [])
        let known = all.map { $0.isNullLiteral ? nil : $0.type }
        guard let type = TypeCoercion.commonSupertype(known) ?? (known.allSatisfy { $0 == nil } ? .int32 : nil) else {
            let types = Set(known.compactMap { $0?.description }).sorted().joined(separator: " and ")
            throw PlannerError(.typeMismatch, "CASE results have types \(types) with no common type in \(text(of: expression)); add CASTs", span: expression.span.range)
        }
        let branches = zip(conditions, values).map { Expr.CaseBranch(condition: $0, value: castIfNeeded($1, to: type)) }
        return .caseWhen(branches: branches, elseValue: castIfNeeded(elseValue ?? .literal(.null, type), to: type), type: type)
    }

    // MARK: Functions

    /// A scalar function call with arguments cast to the bound signature.
    func bindScalar(_ name: String, _ arguments: [Expr], _ expression: Expression) throws -> Expr {
        guard let function = registry.scalar(name) else {
            throw PlannerError(
                .unknownFunction,
                "function \"\(name)\" does not exist" + Suggestions.didYouMean(name, among: registry.allNames),
                span: expression.span.range)
        }
        let signature: FunctionSignature
        do {
            signature = try function.bind(arguments.map(\.type))
        } catch {
            throw PlannerError(
                .typeMismatch,
                "function \(name)(\(arguments.map(\.type.description).joined(separator: ", "))) does not exist in \"\(text(of: expression))\"; add explicit CASTs",
                span: expression.span.range, cause: error)
        }
        let cast = zip(arguments, signature.argumentTypes).map { castIfNeeded($0, to: $1) }
        let call = Expr.function(name: function.name, arguments: cast, signature: signature)
        // DuckDB types round(decimal(p, s), n) with a constant n as decimal(p, n): the rounded value
        // has only n significant decimals, so narrowing the scale is exact.
        if function.name == "round", case .decimal128(let p, let s)? = signature.returnType as DataType?, cast.count == 2,
            case .int(let n)? = cast[1].literalValue, Int(n) < s
        {
            return .cast(call, to: .decimal128(precision: p, scale: max(0, Int(n))), isTry: false)
        }
        return call
    }
}

extension DataType {
    /// Integers, floating point and decimals.
    var isNumeric: Bool {
        switch self {
        case .int8, .int16, .int32, .int64, .uint8, .uint16, .uint32, .uint64, .float32, .float64, .decimal128: true
        default: false
        }
    }
}
