public import LagoaColumnar

extension Cast {
    /// Casts one value of type `from` to `to` (the slow path, also used for constants).
    /// - Throws: ``FunctionError`` naming the value and both types.
    public static func castValue(_ value: Value, from: DataType, to: DataType) throws -> Value {
        if value.isNull { return .null }
        if from == to { return value }
        let fail = { (reason: String?) in failure(value, from: from, to: to, reason: reason) }
        if to == .string { return .string(TextFormat.text(value, from)) }
        if from == .string, case .string(let s) = value { return try parse(s, to: to, fail: fail) }
        switch to {
        case .boolean:
            switch value {
            case .int(let v): return .bool(v != 0)
            case .uint(let v): return .bool(v != 0)
            case .double(let v): return .bool(v != 0)
            case .float(let v): return .bool(v != 0)
            case .decimal(let v, _): return .bool(v != 0)
            default: throw fail(nil)
            }
        case _ where to.isInteger:
            let exact: Int128
            switch value {
            case .bool(let b): exact = b ? 1 : 0
            case .int(let v): exact = Int128(v)
            case .uint(let v): exact = Int128(v)
            case .decimal(let v, let scale): exact = DecimalMath.divideRounding(v, by: scale)
            case .double(let d): exact = try roundedInteger(d, fail: fail)
            case .float(let f): exact = try roundedInteger(Double(f), fail: fail)
            default: throw fail(nil)
            }
            return try integerValue(exact, to: to, fail: fail)
        case .float64, .float32:
            let d: Double
            switch value {
            case .bool(let b): d = b ? 1 : 0
            case .int(let v): d = Double(v)
            case .uint(let v): d = Double(v)
            case .float(let f): d = Double(f)
            case .double(let x): d = x
            case .decimal(let v, let scale): d = DecimalMath.toDouble(v, scale: scale)
            default: throw fail(nil)
            }
            return to == .float64 ? .double(d) : .float(Float(d))
        case .decimal128(let precision, let scale):
            let result: Int128?
            switch value {
            case .bool(let b): result = DecimalMath.rescale(b ? 1 : 0, from: 0, to: scale)
            case .int(let v): result = DecimalMath.rescale(Int128(v), from: 0, to: scale)
            case .uint(let v): result = DecimalMath.rescale(Int128(v), from: 0, to: scale)
            case .decimal(let v, let s): result = DecimalMath.rescale(v, from: s, to: scale)
            case .double(let d): result = DecimalMath.fromDouble(d, precision: precision, scale: scale)
            case .float(let f): result = DecimalMath.fromDouble(Double(f), precision: precision, scale: scale)
            default: throw fail(nil)
            }
            guard let result, DecimalMath.fits(result, precision: precision) else { throw fail("out of range") }
            return .decimal(result, scale: scale)
        case .date32:
            if case .timestamp(let t, let unit, _) = value {
                return .date(Int32(truncatingIfNeeded: Temporal.floorDiv(t, 86_400 * unit.perSecond)))
            }
            throw fail(nil)
        case .timestamp(let unit, let tz):
            switch value {
            case .date(let d): return .timestamp(Int64(d) * 86_400 * unit.perSecond, unit, timeZone: tz)
            case .timestamp(let t, let fromUnit, _):
                return .timestamp(Temporal.convert(t, from: fromUnit, to: unit), unit, timeZone: tz)
            default: throw fail(nil)
            }
        case .time64(let unit):
            switch value {
            case .timestamp(let t, let fromUnit, _):
                let perDay = 86_400 * fromUnit.perSecond
                let rest = t - Temporal.floorDiv(t, perDay) * perDay
                return .time(Temporal.convert(rest, from: fromUnit, to: unit), unit)
            case .time(let t, let fromUnit): return .time(Temporal.convert(t, from: fromUnit, to: unit), unit)
            default: throw fail(nil)
            }
        case .binary:
            if case .binary = value { return value }
            throw fail(nil)
        default:
            throw fail(nil)
        }
    }

    /// DuckDB rounds doubles to integers half to even.
    private static func roundedInteger(_ d: Double, fail: (String?) -> FunctionError) throws -> Int128 {
        let r = d.rounded(.toNearestOrEven)
        guard r.isFinite, abs(r) < 1.8e19 else { throw fail("out of range") }
        return Int128(r)
    }

    private static func integerValue(_ exact: Int128, to: DataType, fail: (String?) -> FunctionError) throws -> Value {
        let range: ClosedRange<Int128> =
            switch to {
            case .int8: Int128(Int8.min)...Int128(Int8.max)
            case .int16: Int128(Int16.min)...Int128(Int16.max)
            case .int32: Int128(Int32.min)...Int128(Int32.max)
            case .int64: Int128(Int64.min)...Int128(Int64.max)
            case .uint8: 0...Int128(UInt8.max)
            case .uint16: 0...Int128(UInt16.max)
            case .uint32: 0...Int128(UInt32.max)
            default: 0...Int128(UInt64.max)
            }
        guard range.contains(exact) else { throw fail("out of range") }
        return to.isSignedInteger ? .int(Int64(exact)) : .uint(UInt64(exact))
    }

    /// Parses text as `to`, DuckDB-style (surrounding spaces ignored).
    private static func parse(_ raw: String, to: DataType, fail: (String?) -> FunctionError) throws -> Value {
        let text = raw.trimmingSpaces()
        switch to {
        case .boolean:
            switch text.lowercased() {
            case "true", "t", "1", "yes", "y", "on": return .bool(true)
            case "false", "f", "0", "no", "n", "off": return .bool(false)
            default: throw fail(nil)
            }
        case _ where to.isInteger:
            if let v = Int64(text) { return try integerValue(Int128(v), to: to, fail: fail) }
            if let v = UInt64(text.hasPrefix("+") ? String(text.dropFirst()) : String(text)) {
                return try integerValue(Int128(v), to: to, fail: fail)
            }
            // DuckDB accepts decimal text for integers and rounds it.
            guard let d = DecimalMath.parse(text, precision: 38, scale: 0) else { throw fail(nil) }
            return try integerValue(d, to: to, fail: fail)
        case .float64, .float32:
            let lower = text.lowercased()
            let special: Double? =
                switch lower {
                case "inf", "+inf", "infinity", "+infinity": .infinity
                case "-inf", "-infinity": -.infinity
                case "nan", "+nan", "-nan": .nan
                default: nil
                }
            guard let d = special ?? Double(String(text)), !text.isEmpty, !lower.hasPrefix("0x") else { throw fail(nil) }
            return to == .float64 ? .double(d) : .float(Float(d))
        case .decimal128(let precision, let scale):
            guard let v = DecimalMath.parse(text, precision: precision, scale: scale) else { throw fail(nil) }
            return .decimal(v, scale: scale)
        case .date32:
            guard let days = Temporal.parseDate(text) else { throw fail(nil) }
            return .date(days)
        case .timestamp(let unit, let tz):
            guard let t = Temporal.parseTimestamp(text, unit: unit) else { throw fail(nil) }
            return .timestamp(t, unit, timeZone: tz)
        case .time64(let unit):
            guard let t = Temporal.parseTime(text, unit: unit) else { throw fail(nil) }
            return .time(t, unit)
        case .binary:
            return .binary(Array(raw.utf8))
        default:
            throw fail(nil)
        }
    }
}

extension String {
    /// The text without leading and trailing ASCII spaces, tabs and newlines.
    package func trimmingSpaces() -> Substring {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let start = firstIndex(where: { !isSpace($0) }) else { return "" }
        let end = lastIndex(where: { !isSpace($0) })!
        return self[start...end]
    }
}
