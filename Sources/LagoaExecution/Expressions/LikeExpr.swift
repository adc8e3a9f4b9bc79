public import LagoaColumnar
public import LagoaFunctions

/// `x [NOT] LIKE / ILIKE pattern [ESCAPE c]`. A constant pattern is compiled once; ILIKE lowers
/// both sides.
public struct LikeExpr: PhysicalExpr {
    public let input: any PhysicalExpr
    public let pattern: any PhysicalExpr
    public let caseInsensitive: Bool
    public let negated: Bool
    public let escape: Character?
    let compiled: LikeMatcher?
    public var type: DataType { .boolean }

    public init(_ input: any PhysicalExpr, pattern: any PhysicalExpr, caseInsensitive: Bool, negated: Bool, escape: Character?) {
        self.input = input
        self.pattern = pattern
        self.caseInsensitive = caseInsensitive
        self.negated = negated
        self.escape = escape
        if let literal = pattern as? LiteralExpr, case .string(let text) = literal.value {
            compiled = LikeMatcher(pattern: caseInsensitive ? text.lowercased() : text, escape: escape)
        } else {
            compiled = nil
        }
    }

    public func evaluate(_ batch: RecordBatch) throws -> ColumnarValue {
        let value = try input.evaluate(batch)
        let patternValue = try pattern.evaluate(batch)
        if case .scalar(.null, _) = value { return .scalar(.null, .boolean) }
        if case .scalar(.null, _) = patternValue { return .scalar(.null, .boolean) }
        let rows = value.isScalar && patternValue.isScalar ? 1 : batch.rowCount
        let column = value.column(rowCount: rows)
        let patterns: Column? = patternValue.isScalar && compiled != nil ? nil : patternValue.column(rowCount: rows)
        var cache: (String, LikeMatcher)? = nil
        let builder = ColumnBuilder(.boolean, capacity: rows)
        for i in 0..<rows {
            if column.isNull(i) || (patterns?.isNull(i) ?? false) {
                builder.appendNull()
                continue
            }
            var matcher: LikeMatcher
            if let compiled, patterns == nil {
                matcher = compiled
            } else {
                let text = patterns!.string(at: i)
                if let cache, cache.0 == text {
                    matcher = cache.1
                } else {
                    matcher = LikeMatcher(pattern: caseInsensitive ? text.lowercased() : text, escape: escape)
                    cache = (text, matcher)
                }
            }
            let found: Bool
            if caseInsensitive {
                var lowered = column.string(at: i).lowercased()
                found = lowered.withUTF8 { matcher.matches(UnsafeRawBufferPointer($0)) }
            } else {
                found = matcher.matches(column.bytes(at: i))
            }
            builder.appendBool(found != negated)
        }
        let result = builder.finish()
        return rows == 1 && value.isScalar ? .oneRow(result) : .column(result)
    }

    public var displayText: String {
        "\(input.displayText) \(negated ? "NOT " : "")\(caseInsensitive ? "ILIKE" : "LIKE") \(pattern.displayText)"
    }
}
