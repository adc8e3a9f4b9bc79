public import LagoaColumnar

extension BinaryOperator {
    /// The coerced operand types and the result type of `lhs op rhs`, following DuckDB's rules so
    /// answers compare equal with DuckDB's (e.g. `decimal(15,2) * decimal(15,2)` is
    /// `decimal(18,4)`, decimal division is `double`, integer division by `/` is `double`… —
    /// see docs/sql-types.md).
    /// - Throws: ``FunctionError/Code/signature`` naming the operator and both types.
    public func bind(_ lhs: DataType, _ rhs: DataType) throws -> FunctionSignature {
        let mismatch = FunctionError(
            .signature,
            "operator \(rawValue) cannot be applied to \(lhs) and \(rhs); add an explicit CAST to make the types match"
        )
        switch self {
        case .and, .or:
            guard (lhs == .boolean || lhs == .string), (rhs == .boolean || rhs == .string) else { throw mismatch }
            return FunctionSignature(argumentTypes: [.boolean, .boolean], returnType: .boolean)
        case .concat:
            guard Cast.canCast(from: lhs, to: .string), Cast.canCast(from: rhs, to: .string) else { throw mismatch }
            return FunctionSignature(argumentTypes: [.string, .string], returnType: .string)
        case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual, .distinct, .notDistinct:
            guard let common = Self.comparisonType(lhs, rhs) else { throw mismatch }
            return FunctionSignature(argumentTypes: [common, common], returnType: .boolean)
        case .add, .subtract, .multiply, .divide, .modulo, .integerDivide:
            guard let signature = bindArithmetic(lhs, rhs) else { throw mismatch }
            return signature
        }
    }

    /// The type both sides of a comparison are cast to.
    static func comparisonType(_ lhs: DataType, _ rhs: DataType) -> DataType? {
        if lhs == rhs { return lhs }
        switch (lhs, rhs) {
        case (.string, _) where rhs.isNumeric || rhs.isTemporal || rhs == .boolean: return rhs
        case (_, .string) where lhs.isNumeric || lhs.isTemporal || lhs == .boolean: return lhs
        case (.decimal128, .float32), (.float32, .decimal128): return .float64
        default: return TypeCoercion.commonSupertype(lhs, rhs)
        }
    }

    private func bindArithmetic(_ lhs: DataType, _ rhs: DataType) -> FunctionSignature? {
        // Temporal arithmetic: date ± integer, date − date.
        switch (self, lhs, rhs) {
        case (.add, .date32, _) where rhs.isInteger, (.subtract, .date32, _) where rhs.isInteger:
            return FunctionSignature(argumentTypes: [.date32, .int32], returnType: .date32)
        case (.add, _, .date32) where lhs.isInteger:
            return FunctionSignature(argumentTypes: [.int32, .date32], returnType: .date32)
        case (.subtract, .date32, .date32):
            return FunctionSignature(argumentTypes: [.date32, .date32], returnType: .int64)
        default: break
        }
        guard lhs.isNumeric || lhs == .string, rhs.isNumeric || rhs == .string else { return nil }
        let l = lhs == .string ? rhs : lhs
        let r = rhs == .string ? lhs : rhs
        guard l.isNumeric, r.isNumeric else { return nil }
        if self == .divide && !(l.isFloatingPoint || r.isFloatingPoint) || (l.isDecimal || r.isDecimal) && self == .divide {
            return FunctionSignature(argumentTypes: [.float64, .float64], returnType: .float64)
        }
        if l.isFloatingPoint || r.isFloatingPoint {
            let common: DataType = (l == .float64 || r == .float64 || l.isDecimal || r.isDecimal) ? .float64 : .float32
            return FunctionSignature(argumentTypes: [common, common], returnType: common)
        }
        if l.isDecimal || r.isDecimal {
            guard case .decimal128(let p1, let s1) = l.integerDecimal!, case .decimal128(let p2, let s2) = r.integerDecimal! else { return nil }
            switch self {
            case .add, .subtract, .modulo:
                let scale = max(s1, s2)
                let integerDigits = max(p1 - s1, p2 - s2)
                let precision = min(38, integerDigits + scale + (self == .modulo ? 0 : 1))
                let argL = DataType.decimal128(precision: min(38, p1 - s1 + scale), scale: scale)
                let argR = DataType.decimal128(precision: min(38, p2 - s2 + scale), scale: scale)
                return FunctionSignature(argumentTypes: [argL, argR], returnType: .decimal128(precision: precision, scale: scale))
            case .multiply:
                let scale = s1 + s2
                guard scale <= 38 else { return nil }
                var precision = min(38, p1 + p2)
                if p1 <= 18 && p2 <= 18 { precision = min(precision, 18) }
                precision = max(precision, scale)
                return FunctionSignature(
                    argumentTypes: [.decimal128(precision: p1, scale: s1), .decimal128(precision: p2, scale: s2)],
                    returnType: .decimal128(precision: precision, scale: scale)
                )
            default:
                return FunctionSignature(argumentTypes: [.float64, .float64], returnType: .float64)
            }
        }
        guard let common = TypeCoercion.commonSupertype(l, r), common.isInteger else { return nil }
        return FunctionSignature(argumentTypes: [common, common], returnType: common)
    }
}
