import LagoaColumnar
import LagoaFunctions
import LagoaIceberg
import LagoaParquet
import LagoaPlanner

/// Turns the simple conjuncts pushed into a scan (`column op literal`, `IS [NOT] NULL`, `IN`, and
/// `AND`/`OR` of those) into the predicates that table formats prune with: Iceberg expressions
/// (partition and column-statistics pruning) and Parquet filters (row-group and page statistics).
///
/// Anything else is left out: pruning only needs a predicate implied by the filter, and the scan
/// operator applies the exact filter to every row anyway.
enum ScanFilterTranslation {
    /// The pruning form of one filter conjunct.
    indirect enum Predicate: Equatable {
        case compare(column: String, BinaryOperator, Value)
        case isNull(column: String, negated: Bool)
        case isIn(column: String, [Value])
        case and([Predicate])
        case or([Predicate])
    }

    /// The translatable part of `filters`; `names` maps column ids to the source's column names.
    static func predicates(_ filters: [Expr], names: [Int: String]) -> [Predicate] {
        filters.compactMap { predicate($0, names: names) }
    }

    /// `expr` as a ``Predicate``, or `nil` when it is not simple enough.
    static func predicate(_ expr: Expr, names: [Int: String]) -> Predicate? {
        switch expr {
        case .binary(.and, let l, let r, _):
            let parts = [predicate(l, names: names), predicate(r, names: names)].compactMap { $0 }
            if parts.isEmpty { return nil }
            return parts.count == 1 ? parts[0] : .and(parts)
        case .binary(.or, let l, let r, _):
            guard let a = predicate(l, names: names), let b = predicate(r, names: names) else { return nil }
            return .or([a, b])
        case .binary(let op, .column(let c), .literal(let v, _), _) where isPrunable(op):
            guard let name = names[c.id], !v.isNull else { return nil }
            return .compare(column: name, op, v)
        case .binary(let op, .literal(let v, _), .column(let c), _) where isPrunable(op):
            guard let name = names[c.id], !v.isNull else { return nil }
            return .compare(column: name, flipped(op), v)
        case .isNull(.column(let c), let negated):
            guard let name = names[c.id] else { return nil }
            return .isNull(column: name, negated: negated)
        case .inList(.column(let c), let items, negated: false):
            guard let name = names[c.id] else { return nil }
            var values: [Value] = []
            for item in items {
                guard case .literal(let v, _) = item else { return nil }
                if !v.isNull { values.append(v) }
            }
            return .isIn(column: name, values)
        default:
            return nil
        }
    }

    private static func isPrunable(_ op: BinaryOperator) -> Bool {
        switch op {
        case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual: true
        default: false
        }
    }

    private static func flipped(_ op: BinaryOperator) -> BinaryOperator {
        switch op {
        case .less: .greater
        case .lessOrEqual: .greaterOrEqual
        case .greater: .less
        case .greaterOrEqual: .lessOrEqual
        default: op
        }
    }

    // MARK: Iceberg

    /// The Iceberg form of `predicate`, or `nil` when a literal has no Iceberg spelling.
    static func iceberg(_ predicate: Predicate) -> IcebergExpression? {
        switch predicate {
        case .compare(let column, let op, let value):
            guard let literal = icebergLiteral(value), let op = icebergOperator(op) else { return nil }
            return .compare(column, op, literal)
        case .isNull(let column, let negated):
            return negated ? .notNull(column) : .isNull(column)
        case .isIn(let column, let values):
            let literals = values.compactMap(icebergLiteral)
            guard literals.count == values.count else { return nil }
            return literals.isEmpty ? .alwaysFalse : .isIn(column, literals)
        case .and(let parts):
            let converted = parts.compactMap(iceberg)
            return converted.isEmpty ? nil : IcebergExpression.all(converted)
        case .or(let parts):
            var out: IcebergExpression?
            for part in parts {
                guard let e = iceberg(part) else { return nil }
                out = out.map { .or($0, e) } ?? e
            }
            return out
        }
    }

    private static func icebergOperator(_ op: BinaryOperator) -> IcebergExpression.Operator? {
        switch op {
        case .equal: .equal
        case .notEqual: .notEqual
        case .less: .less
        case .lessOrEqual: .lessOrEqual
        case .greater: .greater
        case .greaterOrEqual: .greaterOrEqual
        default: nil
        }
    }

    private static func icebergLiteral(_ value: Value) -> IcebergExpression.Literal? {
        switch value {
        case .int(let v): .integer(v)
        case .uint(let v): v <= UInt64(Int64.max) ? .integer(Int64(v)) : nil
        case .bool(let b): .boolean(b)
        case .string(let s): .string(s)
        case .decimal(let v, let scale): .decimal(TemporalFormat.decimal(v, scale: scale))
        case .double(let d): d.isFinite ? .decimal("\(d)") : nil
        case .date(let d): .string(TemporalFormat.date(Int64(d)))
        default: nil
        }
    }

    // MARK: Parquet

    /// The Parquet form of `predicate`, or `nil` when it cannot prune.
    static func parquet(_ predicate: Predicate) -> ParquetFilter? {
        switch predicate {
        case .compare(let column, let op, let value):
            let mapped: ParquetFilter.ComparisonOperator
            switch op {
            case .equal: mapped = .equal
            case .notEqual: mapped = .notEqual
            case .less: mapped = .less
            case .lessOrEqual: mapped = .lessOrEqual
            case .greater: mapped = .greater
            case .greaterOrEqual: mapped = .greaterOrEqual
            default: return nil
            }
            return .compare(column: column, mapped, value)
        case .isNull(let column, let negated):
            return negated ? .isNotNull(column: column) : .isNull(column: column)
        case .isIn(let column, let values):
            guard !values.isEmpty else { return nil }
            return .or(values.map { .compare(column: column, .equal, $0) })
        case .and(let parts):
            let converted = parts.compactMap(parquet)
            return converted.isEmpty ? nil : (converted.count == 1 ? converted[0] : .and(converted))
        case .or(let parts):
            var out: [ParquetFilter] = []
            for part in parts {
                guard let f = parquet(part) else { return nil }
                out.append(f)
            }
            return .or(out)
        }
    }
}
