public import LagoaColumnar

/// Encodes an incremental cursor's value for a snapshot summary and back, exactly (no float or
/// time-zone rounding), and orders values of one cursor column.
public enum CursorValue {
    /// `int:42`, `uint:42`, `dec:12345:2`, `date:20412`, `ts:us:1732000000000000:UTC`, `str:…`,
    /// `dbl:1.5`; `nil` for values that cannot be a cursor (booleans, lists, NULL).
    public static func encode(_ value: Value) -> String? {
        switch value {
        case .int(let v): "int:\(v)"
        case .uint(let v): "uint:\(v)"
        case .decimal(let v, let scale): "dec:\(v):\(scale)"
        case .date(let d): "date:\(d)"
        case .timestamp(let v, let unit, let zone): "ts:\(unit.rawValue):\(v):\(zone ?? "")"
        case .string(let s): "str:" + s
        case .double(let d): "dbl:\(d)"
        case .float(let f): "dbl:\(Double(f))"
        default: nil
        }
    }

    /// The value ``encode(_:)`` wrote, or `nil` when `text` is not one.
    public static func decode(_ text: String) -> Value? {
        guard let colon = text.firstIndex(of: ":") else { return nil }
        let kind = text[..<colon]
        let rest = String(text[text.index(after: colon)...])
        switch kind {
        case "int": return Int64(rest).map(Value.int)
        case "uint": return UInt64(rest).map(Value.uint)
        case "dbl": return Double(rest).map(Value.double)
        case "date": return Int32(rest).map(Value.date)
        case "str": return .string(rest)
        case "dec":
            let parts = rest.split(separator: ":")
            guard parts.count == 2, let v = Int128(String(parts[0])), let s = Int(parts[1]) else { return nil }
            return .decimal(v, scale: s)
        case "ts":
            let parts = rest.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count == 3, let unit = TimeUnit(rawValue: String(parts[0])), let v = Int64(parts[1]) else { return nil }
            return .timestamp(v, unit, timeZone: parts[2].isEmpty ? nil : String(parts[2]))
        default: return nil
        }
    }

    /// Orders two non-null values of the same cursor column; `nil` when they cannot be compared.
    public static func compare(_ a: Value, _ b: Value) -> Int? {
        func sign<T: Comparable>(_ x: T, _ y: T) -> Int { x < y ? -1 : (x > y ? 1 : 0) }
        switch (a, b) {
        case (.int(let x), .int(let y)): return sign(x, y)
        case (.uint(let x), .uint(let y)): return sign(x, y)
        case (.double(let x), .double(let y)): return sign(x, y)
        case (.float(let x), .float(let y)): return sign(x, y)
        case (.date(let x), .date(let y)): return sign(x, y)
        case (.string(let x), .string(let y)):
            if x.utf8.elementsEqual(y.utf8) { return 0 }
            return x.utf8.lexicographicallyPrecedes(y.utf8) ? -1 : 1
        case (.timestamp(let x, let ux, _), .timestamp(let y, let uy, _)):
            guard ux == uy else { return nil }
            return sign(x, y)
        case (.decimal(let x, let sx), .decimal(let y, let sy)):
            guard sx == sy else { return nil }
            return sign(x, y)
        default: return nil
        }
    }

    /// The largest non-null value of `column` (rows `0..<column.count`), or `nil` if all are null.
    public static func maximum(of column: Column) -> Value? {
        var best: Value?
        for row in 0..<column.count {
            let value = column.value(at: row)
            if value.isNull { continue }
            if let current = best, let order = compare(value, current), order <= 0 { continue }
            best = value
        }
        return best
    }

    /// The larger of two optional cursor values.
    public static func max(_ a: Value?, _ b: Value?) -> Value? {
        guard let a else { return b }
        guard let b else { return a }
        return (compare(a, b) ?? 0) >= 0 ? a : b
    }

    /// `value` minus a lookback: a count for integers, seconds for timestamps, days for dates.
    public static func subtracting(_ lookback: Lookback, from value: Value) -> Value {
        switch (value, lookback) {
        case (.int(let v), .count(let n)): return .int(v - n)
        case (.timestamp(let v, let unit, let zone), .seconds(let s)), (.timestamp(let v, let unit, let zone), .count(let s)):
            return .timestamp(v - s * unit.perSecond, unit, timeZone: zone)
        case (.date(let d), .seconds(let s)): return .date(d - Int32((s + 86_399) / 86_400))
        case (.date(let d), .count(let n)): return .date(d - Int32(n))
        default: return value
        }
    }
}
