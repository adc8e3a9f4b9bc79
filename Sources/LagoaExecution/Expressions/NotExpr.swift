public import LagoaColumnar
public import LagoaFunctions

/// Three-valued `NOT`: flips the value bits, keeps NULLs.
public struct NotExpr: PhysicalExpr {
    public let input: any PhysicalExpr
    public var type: DataType { .boolean }

    public init(_ input: any PhysicalExpr) { self.input = input }

    public func evaluate(_ batch: RecordBatch) throws -> ColumnarValue {
        switch try input.evaluate(batch) {
        case .scalar(let value, _):
            if case .bool(let b) = value { return .scalar(.bool(!b), .boolean) }
            return .scalar(.null, .boolean)
        case .column(let column):
            return .column(Self.not(column))
        }
    }

    /// The negation of a boolean column (NULL stays NULL).
    static func not(_ column: Column) -> Column {
        let n = column.count
        let words = (n + 63) >> 6
        var out = MutableBuffer(zeroed: max(words * 8, 8))
        let dst = out.typed(UInt64.self)
        if let values = column.values {
            for w in 0..<words { dst[w] = ~Selection.loadWord(values, bitOffset: column.offset + (w << 6)) }
        } else {
            for w in 0..<words { dst[w] = ~0 }
        }
        if n & 63 != 0 { dst[words - 1] &= (UInt64(1) << UInt64(n & 63)) &- 1 }
        out.count = max(words * 8, 8)
        let validity = column.nullCount > 0 ? normalizedBits(column.validity!, offset: column.offset, count: n) : nil
        return Column(type: .boolean, count: n, nullCount: column.nullCount, validity: validity, values: out.finish())
    }

    /// Bits `[offset, offset + count)` copied to a buffer starting at bit 0.
    static func normalizedBits(_ bits: Buffer, offset: Int, count: Int) -> Buffer {
        let words = (count + 63) >> 6
        var out = MutableBuffer(zeroed: max(words * 8, 8))
        let dst = out.typed(UInt64.self)
        for w in 0..<words { dst[w] = Selection.loadWord(bits, bitOffset: offset + (w << 6)) }
        if count & 63 != 0 { dst[words - 1] &= (UInt64(1) << UInt64(count & 63)) &- 1 }
        out.count = max(words * 8, 8)
        return out.finish()
    }

    public var displayText: String { "NOT \(input.displayText)" }
}
