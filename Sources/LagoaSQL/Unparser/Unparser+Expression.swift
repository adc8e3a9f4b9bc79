extension Unparser {
    /// Canonical SQL text of an expression, parenthesised only where precedence requires.
    public static func expression(_ expression: Expression) -> String {
        switch expression.kind {
        case .literal(let literal):
            return self.literal(literal)
        case .column(let name):
            return qualifiedName(name)
        case .unary(let op, let operand):
            if op == .not { return "NOT " + wrap(operand, Precedence.not + 1) }
            var text = wrap(operand, Precedence.unary)
            if text.hasPrefix("-") || text.hasPrefix("+") { text = "(" + text + ")" }
            return op.rawValue + text
        case .binary(let op, let left, let right):
            let precedence = Precedence.of(op)
            return wrap(left, precedence) + " " + op.rawValue + " " + wrap(right, precedence + 1)
        case .isNull(let value, let negated):
            return wrap(value, Precedence.is) + (negated ? " IS NOT NULL" : " IS NULL")
        case .isBoolean(let value, let truth, let negated):
            return wrap(value, Precedence.is) + (negated ? " IS NOT " : " IS ") + (truth ? "TRUE" : "FALSE")
        case .isDistinctFrom(let left, let right, let negated):
            return wrap(left, Precedence.is) + (negated ? " IS NOT DISTINCT FROM " : " IS DISTINCT FROM ") + wrap(right, Precedence.is + 1)
        case .between(let value, let low, let high, let negated):
            return wrap(value, Precedence.like) + (negated ? " NOT BETWEEN " : " BETWEEN ") + wrap(low, Precedence.like + 1)
                + " AND " + wrap(high, Precedence.like + 1)
        case .inList(let value, let list, let negated):
            return wrap(value, Precedence.like) + (negated ? " NOT IN (" : " IN (") + list.map(self.expression).joined(separator: ", ") + ")"
        case .inSubquery(let value, let subquery, let negated):
            return wrap(value, Precedence.like) + (negated ? " NOT IN (" : " IN (") + query(subquery) + ")"
        case .like(let value, let pattern, let escape, let caseInsensitive, let negated):
            var text = wrap(value, Precedence.like) + (negated ? " NOT " : " ") + (caseInsensitive ? "ILIKE " : "LIKE ")
                + wrap(pattern, Precedence.like + 1)
            if let escape { text += " ESCAPE " + wrap(escape, Precedence.like + 1) }
            return text
        case .caseWhen(let caseExpression):
            var text = "CASE"
            if let operand = caseExpression.operand { text += " " + self.expression(operand) }
            for branch in caseExpression.branches {
                text += " WHEN " + self.expression(branch.condition) + " THEN " + self.expression(branch.result)
            }
            if let elseResult = caseExpression.elseResult { text += " ELSE " + self.expression(elseResult) }
            return text + " END"
        case .cast(let value, let type, let syntax):
            switch syntax {
            case .cast: return "CAST(" + self.expression(value) + " AS " + typeName(type) + ")"
            case .tryCast: return "TRY_CAST(" + self.expression(value) + " AS " + typeName(type) + ")"
            case .doubleColon: return wrap(value, Precedence.cast) + "::" + typeName(type)
            }
        case .extract(let field, let value):
            let fieldText = isPlain(field) ? field.uppercased() : quoted(field, by: "'")
            return "EXTRACT(" + fieldText + " FROM " + self.expression(value) + ")"
        case .substring(let value, let from, let length):
            var text = "SUBSTRING(" + self.expression(value)
            if let from { text += " FROM " + self.expression(from) }
            if let length { text += " FOR " + self.expression(length) }
            return text + ")"
        case .position(let needle, let haystack):
            return "POSITION(" + wrap(needle, Precedence.like + 1) + " IN " + self.expression(haystack) + ")"
        case .trim(let side, let characters, let value):
            var text = "TRIM(" + side.rawValue
            if let characters { text += " " + self.expression(characters) }
            return text + " FROM " + self.expression(value) + ")"
        case .atTimeZone(let value, let zone):
            return wrap(value, Precedence.atTimeZone) + " AT TIME ZONE " + wrap(zone, Precedence.atTimeZone + 1)
        case .function(let call):
            return functionCall(call)
        case .subquery(let subquery):
            return "(" + query(subquery) + ")"
        case .exists(let subquery):
            return "EXISTS (" + query(subquery) + ")"
        case .star(let qualifier):
            return qualifier.map { qualifiedName($0) + ".*" } ?? "*"
        }
    }

    /// The precedence an expression has as an operand (see ``Precedence``).
    static func precedence(of expression: Expression) -> Int {
        switch expression.kind {
        case .binary(let op, _, _): Precedence.of(op)
        case .unary(let op, _): op == .not ? Precedence.not : Precedence.unary
        case .isNull, .isBoolean, .isDistinctFrom: Precedence.is
        case .between, .inList, .inSubquery, .like: Precedence.like
        case .atTimeZone: Precedence.atTimeZone
        case .cast(_, _, .doubleColon): Precedence.cast
        default: Precedence.primary
        }
    }

    /// `expression`, parenthesised when it binds more loosely than `minimum`.
    static func wrap(_ expression: Expression, _ minimum: Int) -> String {
        let text = self.expression(expression)
        return precedence(of: expression) >= minimum ? text : "(" + text + ")"
    }

    /// Canonical SQL text of a literal.
    public static func literal(_ literal: Literal) -> String {
        switch literal {
        case .integer(let text), .decimal(let text), .float(let text): text
        case .string(let value): quoted(value, by: "'")
        case .boolean(let value): value ? "TRUE" : "FALSE"
        case .null: "NULL"
        case .typed(let type, let value): type.name.uppercased() + " " + quoted(value, by: "'")
        case .interval(let value, let unit): "INTERVAL " + quoted(value, by: "'") + (unit.map { " " + $0.rawValue.uppercased() } ?? "")
        }
    }

    /// `name([DISTINCT] args [ORDER BY …]) [WITHIN GROUP (…)] [FILTER (…)] [IGNORE NULLS] [OVER …]`.
    public static func functionCall(_ call: FunctionCall) -> String {
        if call.name.parts.count == 1, call.arguments.isEmpty, !call.isStar, call.over == nil, call.filter == nil,
            call.withinGroup.isEmpty, !call.ignoreNulls,
            ["current_date", "current_time", "current_timestamp"].contains(call.name.name.value)
        {
            return call.name.name.value.uppercased()
        }
        // A plain call to a function whose name starts a special form must be quoted.
        let special = call.name.parts.count == 1 && call.name.name.value == "extract"
        var text = (special ? quoted(call.name.name.value, by: "\"") : qualifiedName(call.name)) + "("
        if call.isStar {
            text += "*"
        } else {
            if call.distinct { text += "DISTINCT " }
            text += call.arguments.map(argument).joined(separator: ", ")
            if !call.orderBy.isEmpty { text += " ORDER BY " + orderBy(call.orderBy) }
        }
        text += ")"
        if !call.withinGroup.isEmpty { text += " WITHIN GROUP (ORDER BY " + orderBy(call.withinGroup) + ")" }
        if let filter = call.filter { text += " FILTER (WHERE " + expression(filter) + ")" }
        if call.ignoreNulls { text += " IGNORE NULLS" }
        switch call.over {
        case .named(let name): text += " OVER " + identifier(name)
        case .spec(let spec): text += " OVER " + windowSpec(spec)
        case nil: break
        }
        return text
    }

    static func argument(_ argument: FunctionArgument) -> String {
        (argument.name.map { identifier($0) + " := " } ?? "") + expression(argument.value)
    }

    /// `expr [ASC|DESC] [NULLS FIRST|LAST], …`.
    static func orderBy(_ items: [OrderByItem]) -> String {
        items.map { item in
            var text = expression(item.expression)
            if let ascending = item.ascending { text += ascending ? " ASC" : " DESC" }
            if let nullsFirst = item.nullsFirst { text += nullsFirst ? " NULLS FIRST" : " NULLS LAST" }
            return text
        }.joined(separator: ", ")
    }

    /// `(base PARTITION BY … ORDER BY … frame)`.
    public static func windowSpec(_ spec: WindowSpec) -> String {
        var parts: [String] = []
        if let base = spec.baseName { parts.append(identifier(base)) }
        if !spec.partitionBy.isEmpty { parts.append("PARTITION BY " + spec.partitionBy.map(expression).joined(separator: ", ")) }
        if !spec.orderBy.isEmpty { parts.append("ORDER BY " + orderBy(spec.orderBy)) }
        if let frame = spec.frame {
            if let end = frame.end {
                parts.append(frame.units.rawValue + " BETWEEN " + frameBound(frame.start) + " AND " + frameBound(end))
            } else {
                parts.append(frame.units.rawValue + " " + frameBound(frame.start))
            }
        }
        return "(" + parts.joined(separator: " ") + ")"
    }

    private static func frameBound(_ bound: WindowFrameBound) -> String {
        switch bound {
        case .unboundedPreceding: "UNBOUNDED PRECEDING"
        case .preceding(let offset): wrap(offset, Precedence.like + 1) + " PRECEDING"
        case .currentRow: "CURRENT ROW"
        case .following(let offset): wrap(offset, Precedence.like + 1) + " FOLLOWING"
        case .unboundedFollowing: "UNBOUNDED FOLLOWING"
        }
    }
}

extension Expression: CustomStringConvertible {
    /// The expression as canonical SQL text.
    public var description: String { Unparser.expression(self) }
}
