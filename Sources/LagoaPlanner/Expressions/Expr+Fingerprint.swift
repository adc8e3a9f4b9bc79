import LagoaFunctions

/// A structural identity for expressions, so rules can recognise the same condition written twice
/// (`p_partkey = l_partkey` in every branch of an OR).
extension Expr {
    /// Text equal for structurally equal expressions over the same column ids; `nil` for
    /// expressions with subqueries (never treated as equal).
    public var fingerprint: String? {
        switch self {
        case .column(let c): return "#\(c.id)"
        case .literal(let v, let t): return "lit(\(v):\(t))"
        case .cast(let e, let t, let isTry): return e.fingerprint.map { "cast\(isTry ? "?" : "")(\($0) as \(t))" }
        case .not(let e): return e.fingerprint.map { "not(\($0))" }
        case .negate(let e): return e.fingerprint.map { "neg(\($0))" }
        case .isNull(let e, let negated): return e.fingerprint.map { "isnull\(negated ? "!" : "")(\($0))" }
        case .binary(let op, let l, let r, _):
            guard let a = l.fingerprint, let b = r.fingerprint else { return nil }
            return "(\(a) \(op.rawValue) \(b))"
        case .function(let name, let args, _):
            let parts = args.map(\.fingerprint)
            guard !parts.contains(where: { $0 == nil }) else { return nil }
            return "\(name)(\(parts.map { $0! }.joined(separator: ",")))"
        case .caseWhen(let branches, let elseValue, _):
            var parts: [String?] = branches.flatMap { [$0.condition.fingerprint, $0.value.fingerprint] }
            parts.append(elseValue.fingerprint)
            guard !parts.contains(where: { $0 == nil }) else { return nil }
            return "case(\(parts.map { $0! }.joined(separator: ",")))"
        case .inList(let e, let items, let negated):
            let parts = ([e] + items).map(\.fingerprint)
            guard !parts.contains(where: { $0 == nil }) else { return nil }
            return "in\(negated ? "!" : "")(\(parts.map { $0! }.joined(separator: ",")))"
        case .like(let e, let pattern, let ci, let negated, let escape):
            guard let a = e.fingerprint, let b = pattern.fingerprint else { return nil }
            return "like\(ci ? "i" : "")\(negated ? "!" : "")(\(a),\(b),\(escape.map(String.init) ?? ""))"
        case .scalarSubquery, .exists, .inSubquery:
            return nil
        }
    }
}
