public import LagoaColumnar
import LagoaFunctions
public import LagoaSQL

extension Binder {
    /// A literal with DuckDB's typing: integers are `int32` when they fit, else `int64`, else
    /// `decimal(38, 0)`; `0.06` is `decimal(3, 2)`; `1e3` is `double`; typed strings are parsed.
    func bindLiteral(_ literal: Literal, span: SourceSpan) throws -> Expr {
        switch literal {
        case .integer(let text):
            if let v = Int32(text) { return .literal(.int(Int64(v)), .int32) }
            if let v = Int64(text) { return .literal(.int(v), .int64) }
            if text.count <= 38, let v = Int128(text) { return .literal(.decimal(v, scale: 0), .decimal128(precision: 38, scale: 0)) }
            return .literal(.double(Double(text) ?? .infinity), .float64)
        case .decimal(let text):
            let pieces = text.split(separator: ".", omittingEmptySubsequences: false)
            let integerPart = pieces.first.map(String.init) ?? ""
            let fraction = pieces.count > 1 ? String(pieces[1]) : ""
            let integerDigits = integerPart.drop { $0 == "0" }.count
            let precision = Swift.max(1, integerDigits) + fraction.count
            if precision <= 38, let unscaled = Int128((integerPart.isEmpty ? "0" : integerPart) + fraction) {
                return .literal(.decimal(unscaled, scale: fraction.count), .decimal128(precision: precision, scale: fraction.count))
            }
            return .literal(.double(Double(text) ?? 0), .float64)
        case .float(let text):
            return .literal(.double(Double(text) ?? 0), .float64)
        case .string(let s):
            return .literal(.string(s), .string)
        case .boolean(let b):
            return .literal(.bool(b), .boolean)
        case .null:
            return .literal(.null, .int32)
        case .typed(let typeName, let text):
            let type = try dataType(typeName)
            return try castLiteral(.string(text), from: .string, to: type, span: span, written: "\(typeName.name.uppercased()) '\(text)'")
        case .interval:
            throw PlannerError(.unsupported, "an INTERVAL can only be added to or subtracted from a date or timestamp", span: span.range)
        }
    }

    /// Casts a constant now, so typed literals are plain values in the plan.
    func castLiteral(_ value: Value, from: DataType, to: DataType, span: SourceSpan, written: String) throws -> Expr {
        if from == to { return .literal(value, to) }
        if value.isNull { return .literal(.null, to) }
        do {
            let column = try Cast.cast(.scalar(value, from), to: to, isTry: false, rowCount: 1)
            return .literal(column.value(at: 0), to)
        } catch {
            throw PlannerError(.typeMismatch, "invalid \(to) literal \(written)", span: span.range, cause: error)
        }
    }

    /// The columnar type for a SQL type name.
    public func dataType(_ name: TypeName) throws -> DataType {
        switch name.name {
        case "tinyint": return .int8
        case "smallint": return .int16
        case "integer": return .int32
        case "bigint": return .int64
        case "hugeint": return .decimal128(precision: 38, scale: 0)
        case "utinyint": return .uint8
        case "usmallint": return .uint16
        case "uinteger": return .uint32
        case "ubigint": return .uint64
        case "real", "float": return .float32
        case "double": return .float64
        case "decimal", "numeric":
            let p = name.parameters.first ?? 18
            let s = name.parameters.count > 1 ? name.parameters[1] : (name.parameters.isEmpty ? 3 : 0)
            guard p >= 1, p <= 38, s >= 0, s <= p else {
                throw PlannerError(.typeMismatch, "decimal precision must be 1…38 and scale 0…precision, not decimal(\(p), \(s))", span: name.span.range)
            }
            return .decimal128(precision: p, scale: s)
        case "varchar", "char", "text", "string", "json": return .string
        case "boolean": return .boolean
        case "date": return .date32
        case "time": return .time64(.microsecond)
        case "timestamp": return .timestamp(.microsecond, timeZone: nil)
        case "timestamptz": return .timestamp(.microsecond, timeZone: "UTC")
        case "blob", "bytea": return .binary
        case "uuid": return .fixedSizeBinary(16)
        case "list":
            guard let element = name.fields.first else { break }
            return .list(Field("element", try dataType(element.type)))
        case "struct":
            return .struct(try name.fields.map { Field($0.name?.value ?? "", try dataType($0.type)) })
        case "map":
            guard name.fields.count == 2 else { break }
            return .map(key: Field("key", try dataType(name.fields[0].type), nullable: false), value: Field("value", try dataType(name.fields[1].type)), keysSorted: false)
        default: break
        }
        throw PlannerError(.typeMismatch, "type \"\(name.name)\" does not exist", span: name.span.range)
    }

    /// `INTERVAL …` as (months, days, microseconds), or `nil` when `expression` is not an interval.
    func intervalParts(_ expression: Expression) throws -> (months: Int64, days: Int64, micros: Int64)? {
        switch expression.kind {
        case .literal(.interval(let text, let unit)):
            return try parseInterval(text, unit: unit, span: expression.span)
        case .unary(.minus, let inner):
            return try intervalParts(inner).map { (-$0.months, -$0.days, -$0.micros) }
        default:
            return nil
        }
    }

    private func parseInterval(_ text: String, unit: IntervalUnit?, span: SourceSpan) throws -> (months: Int64, days: Int64, micros: Int64) {
        var months: Int64 = 0, days: Int64 = 0, micros: Int64 = 0
        let tokens = text.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        var i = 0
        func add(_ amount: Int64, _ unitName: String) throws {
            var name = unitName.lowercased()
            if name.hasSuffix("s"), name.count > 1 { name.removeLast() }
            switch name {
            case "year", "y": months += amount * 12
            case "quarter": months += amount * 3
            case "month", "mon": months += amount
            case "week", "w": days += amount * 7
            case "day", "d": days += amount
            case "hour", "h": micros += amount * 3_600_000_000
            case "minute", "min", "m": micros += amount * 60_000_000
            case "second", "sec": micros += amount * 1_000_000
            case "millisecond", "ms": micros += amount * 1_000
            case "microsecond", "u": micros += amount
            default:
                throw PlannerError(.invalidStatement, "invalid interval unit \"\(unitName)\" in INTERVAL '\(text)'", span: span.range)
            }
        }
        while i < tokens.count {
            guard let amount = Int64(tokens[i]) else {
                throw PlannerError(.invalidStatement, "invalid interval '\(text)': expected a number, found \"\(tokens[i])\"", span: span.range)
            }
            if i + 1 < tokens.count {
                try add(amount, tokens[i + 1])
                i += 2
            } else if let unit {
                try add(amount, unit.rawValue)
                i += 1
            } else {
                throw PlannerError(.invalidStatement, "invalid interval '\(text)': the number \(amount) has no unit", span: span.range)
            }
        }
        return (months, days, micros)
    }

    /// `x ± interval`: folded when `x` is a date or timestamp literal, otherwise the function
    /// `add_interval(x, months, days, micros)`; the result is a timestamp.
    func addInterval(_ x: Expr, _ parts: (months: Int64, days: Int64, micros: Int64), span: SourceSpan) throws -> Expr {
        let resultType: DataType
        switch x.type {
        case .date32: resultType = .timestamp(.microsecond, timeZone: nil)
        case .timestamp: resultType = x.type
        default:
            throw PlannerError(.typeMismatch, "cannot add an INTERVAL to a value of type \(x.type); only dates and timestamps have intervals", span: span.range)
        }
        switch x {
        case .literal(.date(let d), _):
            return .literal(.timestamp(Self.shift(days: Int64(d), micros: 0, by: parts), .microsecond, timeZone: nil), resultType)
        case .literal(.timestamp(let v, let unit, let tz), _):
            let perDay = 86_400 * unit.perSecond
            let dayPart = v >= 0 ? v / perDay : (v - perDay + 1) / perDay
            let inDay = (v - dayPart * perDay) * (1_000_000 / unit.perSecond)
            return .literal(.timestamp(Self.shift(days: dayPart, micros: inDay, by: parts) / (1_000_000 / unit.perSecond), unit, timeZone: tz), resultType)
        default: break
        }
        let arguments: [Expr] = [x, .literal(.int(parts.months), .int32), .literal(.int(parts.days), .int32), .literal(.int(parts.micros), .int64)]
        var signature = FunctionSignature(argumentTypes: arguments.map(\.type), returnType: resultType)
        if let function = registry.scalar("add_interval"), let bound = try? function.bind(arguments.map(\.type)) { signature = bound }
        return .function(name: "add_interval", arguments: zip(arguments, signature.argumentTypes).map { castIfNeeded($0, to: $1) }, signature: signature)
    }

    /// Microseconds since the epoch of `days` + `micros` shifted by an interval (months clamp to
    /// the month's last day, as in DuckDB).
    static func shift(days: Int64, micros: Int64, by parts: (months: Int64, days: Int64, micros: Int64)) -> Int64 {
        var day = days
        if parts.months != 0 {
            let civil = TemporalFormat.civil(fromDays: day)
            let total = civil.year * 12 + Int64(civil.month - 1) + parts.months
            let year = total >= 0 ? total / 12 : (total - 11) / 12
            let month = Int(total - year * 12) + 1
            let dayOfMonth = Swift.min(civil.day, TemporalFormat.daysInMonth(year: year, month: month))
            day = TemporalFormat.days(year: year, month: month, day: dayOfMonth) ?? day
        }
        day += parts.days
        return day * 86_400_000_000 + micros + parts.micros
    }
}
