public import LagoaColumnar
import LagoaFunctions

extension Expr {
    /// The expression as SQL-ish text for EXPLAIN and error messages: column names, `DATE '…'`
    /// literals, infix operators with parentheses only where precedence needs them.
    public var sqlText: String { text(parentPrecedence: 0) }

    private var precedence: Int {
        switch self {
        case .binary(let op, _, _, _):
            switch op {
            case .or: 1
            case .and: 2
            case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual, .notDistinct, .distinct: 4
            case .concat: 5
            case .add, .subtract: 6
            case .multiply, .divide, .modulo, .integerDivide: 7
            }
        case .not: 3
        case .isNull, .inList, .like, .inSubquery: 4
        default: 10
        }
    }

    private func text(parentPrecedence: Int) -> String {
        let own = precedence
        let body: String
        switch self {
        case .column(let c): body = c.name
        case .literal(let v, let t): body = Self.literalText(v, t)
        case .cast(let e, let t, let isTry): body = "\(isTry ? "TRY_CAST" : "CAST")(\(e.sqlText) AS \(t))"
        case .not(let e): body = "NOT " + e.text(parentPrecedence: own + 1)
        case .negate(let e): body = "-" + e.text(parentPrecedence: 9)
        case .isNull(let e, let negated): body = e.text(parentPrecedence: own + 1) + (negated ? " IS NOT NULL" : " IS NULL")
        case .binary(let op, let l, let r, _):
            // Left-associative: the right side needs parentheses at equal precedence.
            body = "\(l.text(parentPrecedence: own)) \(op.rawValue) \(r.text(parentPrecedence: own + 1))"
        case .function(let name, let args, _): body = "\(name)(\(args.map(\.sqlText).joined(separator: ", ")))"
        case .caseWhen(let branches, let elseValue, _):
            var parts = ["CASE"]
            for b in branches { parts.append("WHEN \(b.condition.sqlText) THEN \(b.value.sqlText)") }
            if !elseValue.isNullLiteral { parts.append("ELSE \(elseValue.sqlText)") }
            parts.append("END")
            body = parts.joined(separator: " ")
        case .inList(let e, let items, let negated):
            body = "\(e.text(parentPrecedence: own + 1)) \(negated ? "NOT IN" : "IN") (\(items.map(\.sqlText).joined(separator: ", ")))"
        case .like(let e, let p, let ci, let negated, let escape):
            let op = (negated ? "NOT " : "") + (ci ? "ILIKE" : "LIKE")
            body = "\(e.text(parentPrecedence: own + 1)) \(op) \(p.text(parentPrecedence: own + 1))" + (escape.map { " ESCAPE '\($0)'" } ?? "")
        case .scalarSubquery: body = "(<subquery>)"
        case .exists(_, let negated): body = (negated ? "NOT " : "") + "EXISTS (<subquery>)"
        case .inSubquery(let e, _, let negated):
            body = "\(e.text(parentPrecedence: own + 1)) \(negated ? "NOT IN" : "IN") (<subquery>)"
        }
        return own < parentPrecedence ? "(\(body))" : body
    }

    /// A literal as SQL: strings quoted, dates and timestamps typed, decimals exact.
    static func literalText(_ value: Value, _ type: DataType) -> String {
        switch value {
        case .null: return "NULL"
        case .string(let s): return "'" + s.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "''") + "'"
        case .date: return "DATE '\(value)'"
        case .timestamp: return "TIMESTAMP '\(value)'"
        case .time: return "TIME '\(value)'"
        case .bool(let b): return b ? "true" : "false"
        default: return value.description
        }
    }
}
