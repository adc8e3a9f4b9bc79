/// A row filter over a table's columns, as scans, deletes and overwrites take it.
///
/// Column names are dotted paths of struct members; literals are unbound (a date can be given as
/// the string `'2026-11-20'`) and are converted to the column's type by ``bind(_:)``.
public indirect enum IcebergExpression: Sendable, Hashable, CustomStringConvertible {
    public enum Operator: String, Sendable, Hashable {
        case equal = "="
        case notEqual = "!="
        case less = "<"
        case lessOrEqual = "<="
        case greater = ">"
        case greaterOrEqual = ">="

        var flipped: Operator {
            switch self {
            case .less: .greater
            case .lessOrEqual: .greaterOrEqual
            case .greater: .less
            case .greaterOrEqual: .lessOrEqual
            default: self
            }
        }
    }

    /// A literal as written by a user: text, number or boolean.
    public enum Literal: Sendable, Hashable, CustomStringConvertible {
        case string(String)
        case integer(Int64)
        case decimal(String)
        case boolean(Bool)

        public var description: String {
            switch self {
            case .string(let s): "'" + s.replacingOccurrences(of: "'", with: "''") + "'"
            case .integer(let v): String(v)
            case .decimal(let text): text
            case .boolean(let b): b ? "true" : "false"
            }
        }
    }

    case alwaysTrue
    case alwaysFalse
    case and(IcebergExpression, IcebergExpression)
    case or(IcebergExpression, IcebergExpression)
    case not(IcebergExpression)
    case isNull(String)
    case notNull(String)
    case compare(String, Operator, Literal)
    case isIn(String, [Literal])

    public var description: String {
        switch self {
        case .alwaysTrue: "true"
        case .alwaysFalse: "false"
        case .and(let a, let b): "(\(a) AND \(b))"
        case .or(let a, let b): "(\(a) OR \(b))"
        case .not(let e): "NOT \(e)"
        case .isNull(let c): "\(c) IS NULL"
        case .notNull(let c): "\(c) IS NOT NULL"
        case .compare(let c, let op, let v): "\(c) \(op.rawValue) \(v)"
        case .isIn(let c, let vs): "\(c) IN (\(vs.map(\.description).joined(separator: ", ")))"
        }
    }

    /// `a AND b` of every expression (true for none).
    public static func all(_ expressions: [IcebergExpression]) -> IcebergExpression {
        expressions.reduce(IcebergExpression.alwaysTrue) { $0 == .alwaysTrue ? $1 : .and($0, $1) }
    }
}

extension String {
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var out = ""
        var rest = Substring(self)
        while let range = rest.range(of: target) {
            out += rest[..<range.lowerBound] + replacement
            rest = rest[range.upperBound...]
        }
        return out + rest
    }
}

extension Substring {
    func range(of target: String) -> Range<Substring.Index>? {
        let t = Array(target.utf8)
        var i = startIndex
        while i < endIndex {
            if self[i...].utf8.starts(with: t) {
                return i..<self.utf8.index(i, offsetBy: t.count)
            }
            i = index(after: i)
        }
        return nil
    }
}
