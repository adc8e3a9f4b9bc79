extension Value: CustomStringConvertible {
    /// The value as text: ISO-8601 dates and times, exact decimals, `NULL` for null, JSON-like
    /// nested values. Used by the pretty printer and CSV output.
    public var description: String {
        switch self {
        case .null: return "NULL"
        case .bool(let b): return b ? "true" : "false"
        case .int(let v): return String(v)
        case .uint(let v): return String(v)
        case .float(let v): return Self.floatText(Double(v), isFloat: true, float: v)
        case .double(let v): return Self.floatText(v, isFloat: false, float: 0)
        case .decimal(let v, let scale): return TemporalFormat.decimal(v, scale: scale)
        case .date(let d): return TemporalFormat.date(Int64(d))
        case .time(let t, let unit): return TemporalFormat.time(t, unit)
        case .timestamp(let t, let unit, let tz): return TemporalFormat.timestamp(t, unit, utc: tz != nil, separator: " ")
        case .string(let s): return s
        case .binary(let b): return "\\x" + b.map { Self.hex($0) }.joined()
        case .list(let items): return "[" + items.map(\.nestedText).joined(separator: ", ") + "]"
        case .struct(let fields): return "{" + fields.map(\.nestedText).joined(separator: ", ") + "}"
        case .map(let keys, let values):
            return "{" + zip(keys, values).map { "\($0.nestedText)=\($1.nestedText)" }.joined(separator: ", ") + "}"
        }
    }

    private var nestedText: String {
        if case .string(let s) = self { return "'" + s + "'" }
        return description
    }

    private static func floatText(_ v: Double, isFloat: Bool, float: Float) -> String {
        if v.isNaN { return "NaN" }
        if v.isInfinite { return v > 0 ? "inf" : "-inf" }
        return isFloat ? "\(float)" : "\(v)"
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789abcdef")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 15)]])
    }
}
