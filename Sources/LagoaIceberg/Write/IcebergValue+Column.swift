import LagoaColumnar

extension IcebergValue {
    /// The value of row `i` of `column` as a value of Iceberg `type`, nil when null.
    static func from(_ column: Column, _ i: Int, _ type: IcebergType) -> IcebergValue? {
        guard column.isValid(i) else { return nil }
        return from(column.value(at: i), type)
    }

    /// Converts a columnar value to an Iceberg value of `type` (nil for nulls and mismatches).
    static func from(_ value: Value, _ type: IcebergType) -> IcebergValue? {
        switch (value, type) {
        case (.bool(let b), .boolean): return .boolean(b)
        case (.int(let v), .int): return Int32(exactly: v).map { .int($0) }
        case (.uint(let v), .int): return Int32(exactly: v).map { .int($0) }
        case (.int(let v), .long): return .long(v)
        case (.uint(let v), .long): return Int64(exactly: v).map { .long($0) }
        case (.float(let f), .float): return .float(f)
        case (.float(let f), .double): return .double(Double(f))
        case (.double(let d), .double): return .double(d)
        case (.decimal(let v, _), .decimal(_, let scale)): return .decimal(unscaled: v, scale: scale)
        case (.date(let d), .date): return .date(d)
        case (.time(let v, let unit), .time): return .time(rescale(v, unit, .microsecond))
        case (.timestamp(let v, let unit, _), .timestamp): return .timestamp(rescale(v, unit, .microsecond))
        case (.timestamp(let v, let unit, _), .timestamptz): return .timestamptz(rescale(v, unit, .microsecond))
        case (.timestamp(let v, let unit, _), .timestampNs): return .timestampNs(rescale(v, unit, .nanosecond))
        case (.timestamp(let v, let unit, _), .timestamptzNs): return .timestamptzNs(rescale(v, unit, .nanosecond))
        case (.string(let s), .string): return .string(s)
        case (.binary(let b), .uuid): return .uuid(b)
        case (.binary(let b), .fixed): return .fixed(b)
        case (.binary(let b), .binary): return .binary(b)
        default: return nil
        }
    }

    private static func rescale(_ v: Int64, _ from: TimeUnit, _ to: TimeUnit) -> Int64 {
        if from == to { return v }
        if from.perSecond < to.perSecond { return v &* (to.perSecond / from.perSecond) }
        return floorDiv(v, from.perSecond / to.perSecond)
    }
}
