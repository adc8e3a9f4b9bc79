import LagoaColumnar

extension Cast {
    /// Typed loops for the numeric and temporal casts on hot paths; `nil` when the pair has none.
    static func castFast(_ column: Column, to type: DataType, isTry: Bool) throws -> Column? {
        let from = column.type
        switch (from, type) {
        case (_, _) where from.isInteger && (type.isInteger || type.isFloatingPoint || type.isDecimal):
            return try castInteger(column, to: type, isTry: isTry)
        case (.decimal128(_, let s1), .decimal128(let p2, let s2)):
            return try map(column, to: type, isTry: isTry) { (v: Int128) -> Int128? in
                guard let r = DecimalMath.rescale(v, from: s1, to: s2), DecimalMath.fits(r, precision: p2) else { return nil }
                return r
            }
        case (.decimal128(_, let s), .float64):
            return try map(column, to: type, isTry: isTry) { (v: Int128) -> Double? in DecimalMath.toDouble(v, scale: s) }
        case (.decimal128(_, let s), .int64):
            return try map(column, to: type, isTry: isTry) { (v: Int128) -> Int64? in Int64(exactly: DecimalMath.divideRounding(v, by: s)) }
        case (.decimal128(_, let s), .int32):
            return try map(column, to: type, isTry: isTry) { (v: Int128) -> Int32? in Int32(exactly: DecimalMath.divideRounding(v, by: s)) }
        case (.float32, .float64):
            return try map(column, to: type, isTry: isTry) { (v: Float) -> Double? in Double(v) }
        case (.float64, .float32):
            return try map(column, to: type, isTry: isTry) { (v: Double) -> Float? in Float(v) }
        case (.date32, .timestamp(let unit, _)):
            let perDay = 86_400 * unit.perSecond
            return try map(column, to: type, isTry: isTry) { (d: Int32) -> Int64? in Int64(d) * perDay }
        case (.timestamp(let unit, _), .date32):
            let perDay = 86_400 * unit.perSecond
            return try map(column, to: type, isTry: isTry) { (t: Int64) -> Int32? in Int32(truncatingIfNeeded: Temporal.floorDiv(t, perDay)) }
        case (.timestamp(let u1, _), .timestamp(let u2, _)):
            return try map(column, to: type, isTry: isTry) { (t: Int64) -> Int64? in Temporal.convert(t, from: u1, to: u2) }
        default:
            return nil
        }
    }

    /// Integer sources: widen to Int64 (or UInt64) per value, then narrow with a range check.
    private static func castInteger(_ column: Column, to type: DataType, isTry: Bool) throws -> Column? {
        switch column.type {
        case .int8: return try castInteger(column, Int8.self, to: type, isTry: isTry)
        case .int16: return try castInteger(column, Int16.self, to: type, isTry: isTry)
        case .int32: return try castInteger(column, Int32.self, to: type, isTry: isTry)
        case .int64: return try castInteger(column, Int64.self, to: type, isTry: isTry)
        case .uint8: return try castInteger(column, UInt8.self, to: type, isTry: isTry)
        case .uint16: return try castInteger(column, UInt16.self, to: type, isTry: isTry)
        case .uint32: return try castInteger(column, UInt32.self, to: type, isTry: isTry)
        case .uint64: return try castInteger(column, UInt64.self, to: type, isTry: isTry)
        default: return nil
        }
    }

    private static func castInteger<S: FixedWidthInteger & BitwiseCopyable>(_ column: Column, _: S.Type, to type: DataType, isTry: Bool) throws -> Column? {
        switch type {
        case .int8: return try map(column, to: type, isTry: isTry) { (v: S) -> Int8? in Int8(exactly: v) }
        case .int16: return try map(column, to: type, isTry: isTry) { (v: S) -> Int16? in Int16(exactly: v) }
        case .int32: return try map(column, to: type, isTry: isTry) { (v: S) -> Int32? in Int32(exactly: v) }
        case .int64: return try map(column, to: type, isTry: isTry) { (v: S) -> Int64? in Int64(exactly: v) }
        case .uint8: return try map(column, to: type, isTry: isTry) { (v: S) -> UInt8? in UInt8(exactly: v) }
        case .uint16: return try map(column, to: type, isTry: isTry) { (v: S) -> UInt16? in UInt16(exactly: v) }
        case .uint32: return try map(column, to: type, isTry: isTry) { (v: S) -> UInt32? in UInt32(exactly: v) }
        case .uint64: return try map(column, to: type, isTry: isTry) { (v: S) -> UInt64? in UInt64(exactly: v) }
        case .float64: return try map(column, to: type, isTry: isTry) { (v: S) -> Double? in Double(v) }
        case .float32: return try map(column, to: type, isTry: isTry) { (v: S) -> Float? in Float(v) }
        case .decimal128(let p, let s):
            let factor = DecimalMath.pow10[min(s, 38)]
            return try map(column, to: type, isTry: isTry) { (v: S) -> Int128? in
                let (r, o) = Int128(v).multipliedReportingOverflow(by: factor)
                return !o && DecimalMath.fits(r, precision: p) ? r : nil
            }
        default: return nil
        }
    }

    /// Maps every valid value through `convert`; a `nil` result is an error (or NULL with `isTry`).
    @inline(__always)
    static func map<S: BitwiseCopyable, D: BitwiseCopyable>(
        _ column: Column,
        to type: DataType,
        isTry: Bool,
        _ convert: (S) -> D?
    ) throws -> Column {
        let n = column.count
        let source = column.values(as: S.self)
        let validity = Validity.of(column)
        var failedRows: [Int] = []
        let result = try ColumnFactory.fixed(type, count: n, validity: nil, as: D.self) { out in
            for i in 0..<n {
                if let r = convert(source[i]) {
                    out[i] = r
                } else if Validity.get(validity, i) {
                    if !isTry { throw failure(column.value(at: i), from: column.type, to: type, reason: "out of range") }
                    failedRows.append(i)
                }
            }
        }
        guard validity != nil || !failedRows.isEmpty else { return result }
        let bits = MutableBuffer(zeroed: max(Validity.wordCount(n) * 8, 8))
        if let validity {
            bits.pointer.copyMemory(from: validity.pointer, byteCount: Validity.wordCount(n) * 8)
        } else {
            let words = bits.typed(UInt64.self)
            for w in 0..<Validity.wordCount(n) { words[w] = ~0 }
            Validity.clearTail(words, count: n)
        }
        for row in failedRows { Bitmap.clear(bits.pointer, row) }
        let finalValidity = bits.finish()
        let nulls = n - Validity.countSet(finalValidity, count: n)
        return Column(type: type, count: n, nullCount: nulls, validity: nulls > 0 ? finalValidity : nil, values: result.values)
    }
}
