import LagoaColumnar

/// Vectorized `+ - * / // %` over integers, floats, exact decimals and dates.
///
/// Each loop runs without branches on the values, collecting an overflow / division-by-zero flag;
/// only when the flag is set is the batch scanned again to name the offending (non-NULL) row.
enum Arithmetic {
    static func evaluate(
        _ op: BinaryOperator,
        _ lhs: ColumnarValue,
        _ rhs: ColumnarValue,
        signature: FunctionSignature,
        rowCount n: Int
    ) throws -> Column {
        let type = signature.returnType
        switch (signature.argumentTypes[0], signature.argumentTypes[1]) {
        case (.date32, .int32):
            return try integer(op == .add ? .add : .subtract, lhs, rhs, type: .date32, n, Int32.self)
        case (.int32, .date32):
            return try integer(.add, lhs, rhs, type: .date32, n, Int32.self)
        case (.date32, .date32):
            let a = Operand<Int32>(lhs), b = Operand<Int32>(rhs)
            let validity = Validity.and(lhs.normalizedValidity, rhs.normalizedValidity, count: n)
            return ColumnFactory.fixed(.int64, count: n, validity: validity, as: Int64.self) { out in
                for i in 0..<n { out[i] = Int64(a[i]) - Int64(b[i]) }
            }
        default: break
        }
        switch type {
        case .int8: return try integer(op, lhs, rhs, type: type, n, Int8.self)
        case .int16: return try integer(op, lhs, rhs, type: type, n, Int16.self)
        case .int32: return try integer(op, lhs, rhs, type: type, n, Int32.self)
        case .int64: return try integer(op, lhs, rhs, type: type, n, Int64.self)
        case .uint8: return try integer(op, lhs, rhs, type: type, n, UInt8.self)
        case .uint16: return try integer(op, lhs, rhs, type: type, n, UInt16.self)
        case .uint32: return try integer(op, lhs, rhs, type: type, n, UInt32.self)
        case .uint64: return try integer(op, lhs, rhs, type: type, n, UInt64.self)
        case .float32: return try floating(op, lhs, rhs, type: type, n, Float.self)
        case .float64: return try floating(op, lhs, rhs, type: type, n, Double.self)
        case .decimal128(let precision, _): return try decimal(op, lhs, rhs, type: type, precision: precision, n)
        default:
            throw FunctionError(.signature, "operator \(op.rawValue) has no kernel for \(type); this is a bug, please report it")
        }
    }

    @inline(__always)
    private static func run<T: BitwiseCopyable, R: BitwiseCopyable>(
        _ a: Operand<T>,
        _ b: Operand<T>,
        _ out: UnsafeMutablePointer<R>,
        _ n: Int,
        _ f: (T, T) -> (R, Bool)
    ) -> Bool {
        var bad: UInt8 = 0
        if b.isScalar {
            let y = b.pointer[0]
            if a.isScalar {
                let (r, o) = f(a.pointer[0], y)
                for i in 0..<n { out[i] = r }
                return o && n > 0
            }
            for i in 0..<n {
                let (r, o) = f(a.pointer[i], y)
                out[i] = r
                bad |= o ? 1 : 0
            }
        } else if a.isScalar {
            let x = a.pointer[0]
            for i in 0..<n {
                let (r, o) = f(x, b.pointer[i])
                out[i] = r
                bad |= o ? 1 : 0
            }
        } else {
            for i in 0..<n {
                let (r, o) = f(a.pointer[i], b.pointer[i])
                out[i] = r
                bad |= o ? 1 : 0
            }
        }
        return bad != 0
    }

    private static func integer<T: FixedWidthInteger & BitwiseCopyable>(
        _ op: BinaryOperator,
        _ lhs: ColumnarValue,
        _ rhs: ColumnarValue,
        type: DataType,
        _ n: Int,
        _: T.Type
    ) throws -> Column {
        let a = Operand<T>(lhs), b = Operand<T>(rhs)
        let validity = Validity.and(lhs.normalizedValidity, rhs.normalizedValidity, count: n)
        var flagged = false
        let column = ColumnFactory.fixed(type, count: n, validity: validity, as: T.self) { out in
            switch op {
            case .add: flagged = run(a, b, out, n) { $0.addingReportingOverflow($1) }
            case .subtract: flagged = run(a, b, out, n) { $0.subtractingReportingOverflow($1) }
            case .multiply: flagged = run(a, b, out, n) { $0.multipliedReportingOverflow(by: $1) }
            case .integerDivide, .divide: flagged = run(a, b, out, n) { $0.dividedReportingOverflow(by: $1) }
            default: flagged = run(a, b, out, n) { $0.remainderReportingOverflow(dividingBy: $1) }
            }
        }
        if flagged {
            for i in 0..<n where Validity.get(validity, i) {
                let x = a[i], y = b[i]
                if (op == .integerDivide || op == .divide || op == .modulo) && y == 0 {
                    throw divisionByZero(op, lhs, rhs, i)
                }
                let overflow: Bool =
                    switch op {
                    case .add: x.addingReportingOverflow(y).overflow
                    case .subtract: x.subtractingReportingOverflow(y).overflow
                    case .multiply: x.multipliedReportingOverflow(by: y).overflow
                    case .integerDivide, .divide: x.dividedReportingOverflow(by: y).overflow
                    default: x.remainderReportingOverflow(dividingBy: y).overflow
                    }
                if overflow { throw overflowError(op, lhs, rhs, i, type) }
            }
        }
        return column
    }

    private static func floating<T: BinaryFloatingPoint & BitwiseCopyable>(
        _ op: BinaryOperator,
        _ lhs: ColumnarValue,
        _ rhs: ColumnarValue,
        type: DataType,
        _ n: Int,
        _: T.Type
    ) throws -> Column {
        let a = Operand<T>(lhs), b = Operand<T>(rhs)
        let validity = Validity.and(lhs.normalizedValidity, rhs.normalizedValidity, count: n)
        var flagged = false
        let column = ColumnFactory.fixed(type, count: n, validity: validity, as: T.self) { out in
            switch op {
            case .add: flagged = run(a, b, out, n) { ($0 + $1, false) }
            case .subtract: flagged = run(a, b, out, n) { ($0 - $1, false) }
            case .multiply: flagged = run(a, b, out, n) { ($0 * $1, false) }
            case .divide: flagged = run(a, b, out, n) { ($0 / $1, $1 == 0) }
            case .integerDivide: flagged = run(a, b, out, n) { (($0 / $1).rounded(.towardZero), $1 == 0) }
            default: flagged = run(a, b, out, n) { ($0.truncatingRemainder(dividingBy: $1), $1 == 0) }
            }
        }
        if flagged {
            for i in 0..<n where Validity.get(validity, i) && b[i] == 0 {
                throw divisionByZero(op, lhs, rhs, i)
            }
        }
        return column
    }

    private static func decimal(
        _ op: BinaryOperator,
        _ lhs: ColumnarValue,
        _ rhs: ColumnarValue,
        type: DataType,
        precision: Int,
        _ n: Int
    ) throws -> Column {
        let a = Operand<Int128>(lhs), b = Operand<Int128>(rhs)
        let validity = Validity.and(lhs.normalizedValidity, rhs.normalizedValidity, count: n)
        let limit = DecimalMath.pow10[min(precision, 38)].magnitude
        var flagged = false
        let column = ColumnFactory.fixed(type, count: n, validity: validity, as: Int128.self) { out in
            switch op {
            case .add:
                flagged = run(a, b, out, n) { x, y in
                    let (r, o) = x.addingReportingOverflow(y)
                    return (r, o || r.magnitude >= limit)
                }
            case .subtract:
                flagged = run(a, b, out, n) { x, y in
                    let (r, o) = x.subtractingReportingOverflow(y)
                    return (r, o || r.magnitude >= limit)
                }
            case .multiply:
                flagged = run(a, b, out, n) { x, y in
                    let (r, o) = x.multipliedReportingOverflow(by: y)
                    return (r, o || r.magnitude >= limit)
                }
            default:
                flagged = run(a, b, out, n) { x, y in x.remainderReportingOverflow(dividingBy: y) }
            }
        }
        if flagged {
            for i in 0..<n where Validity.get(validity, i) {
                if op == .modulo && b[i] == 0 { throw divisionByZero(op, lhs, rhs, i) }
                if op != .modulo { throw overflowError(op, lhs, rhs, i, type) }
            }
        }
        return column
    }

    private static func operandText(_ value: ColumnarValue, _ i: Int) -> String {
        TextFormat.sqlText(value.value(at: i), value.type)
    }

    static func divisionByZero(_ op: BinaryOperator, _ lhs: ColumnarValue, _ rhs: ColumnarValue, _ i: Int) -> FunctionError {
        FunctionError(
            .divisionByZero,
            "division by zero: \(operandText(lhs, i)) \(op.rawValue) \(operandText(rhs, i)); use NULLIF(divisor, 0) to get NULL instead"
        )
    }

    static func overflowError(_ op: BinaryOperator, _ lhs: ColumnarValue, _ rhs: ColumnarValue, _ i: Int, _ type: DataType) -> FunctionError {
        FunctionError(
            .overflow,
            "overflow: \(operandText(lhs, i)) \(op.rawValue) \(operandText(rhs, i)) is out of range for \(type); cast an operand to a wider type (e.g. int64 or decimal(38, s))"
        )
    }
}
