import LagoaColumnar

/// `AND` / `OR` with SQL's three-valued logic, a 64-bit word at a time:
/// `false AND NULL` is `false`, `true OR NULL` is `true`, otherwise NULL in gives NULL out.
enum Logic {
    static func evaluate(isAnd: Bool, _ lhs: ColumnarValue, _ rhs: ColumnarValue, rowCount n: Int) -> Column {
        let (a, va) = words(lhs, n)
        let (b, vb) = words(rhs, n)
        let count = Validity.wordCount(n)
        var values = MutableBuffer(zeroed: max(count * 8, 8))
        var valid = MutableBuffer(zeroed: max(count * 8, 8))
        let pv = values.typed(UInt64.self), pm = valid.typed(UInt64.self)
        let pa = a.pointer.assumingMemoryBound(to: UInt64.self), pb = b.pointer.assumingMemoryBound(to: UInt64.self)
        let qa = va.pointer.assumingMemoryBound(to: UInt64.self), qb = vb.pointer.assumingMemoryBound(to: UInt64.self)
        for w in 0..<count {
            let x = pa[w] & qa[w], y = pb[w] & qb[w]
            if isAnd {
                pv[w] = x & y
                pm[w] = (qa[w] & qb[w]) | (qa[w] & ~x) | (qb[w] & ~y)
            } else {
                pv[w] = x | y
                pm[w] = (qa[w] & qb[w]) | x | y
            }
        }
        Validity.clearTail(pv, count: n)
        Validity.clearTail(pm, count: n)
        values.count = count * 8
        valid.count = count * 8
        return ColumnFactory.boolean(values: values.finish(), validity: valid.finish(), count: n)
    }

    /// Value bits and validity bits (both normalised) of a boolean operand.
    private static func words(_ value: ColumnarValue, _ n: Int) -> (Buffer, Buffer) {
        switch value {
        case .scalar(let v, _):
            if case .bool(let b) = v { return (Validity.allSet(n, value: b), Validity.allSet(n, value: true)) }
            return (Validity.allSet(n, value: false), Validity.allSet(n, value: false))
        case .column(let column):
            return (Validity.boolValues(column), Validity.of(column) ?? Validity.allSet(n, value: true))
        }
    }
}
