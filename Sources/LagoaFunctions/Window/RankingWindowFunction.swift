import LagoaColumnar

/// Signatures of the window-only functions; LagoaExecution's window operator evaluates them.
///
/// - `row_number()`, `rank()`, `dense_rank()`, `ntile(n)` → int64
/// - `percent_rank()`, `cume_dist()` → float64
/// - `lag(x [, offset [, default]])`, `lead(…)` → type of `x` (default coerced to it)
/// - `first_value(x)`, `last_value(x)`, `nth_value(x, n)` → type of `x`
struct BuiltinWindowFunction: WindowFunction {
    enum Kind: Sendable { case rowNumber, rank, denseRank, percentRank, cumeDist, ntile, lag, lead, firstValue, lastValue, nthValue }
    let name: String
    let kind: Kind

    func bind(_ argumentTypes: [DataType]) throws -> FunctionSignature {
        let bad = FunctionError(
            .signature,
            "\(name) does not accept (\(argumentTypes.map(\.description).joined(separator: ", "))); see docs/sql-functions.md for its arguments"
        )
        switch kind {
        case .rowNumber, .rank, .denseRank:
            guard argumentTypes.isEmpty else { throw bad }
            return FunctionSignature(argumentTypes: [], returnType: .int64)
        case .percentRank, .cumeDist:
            guard argumentTypes.isEmpty else { throw bad }
            return FunctionSignature(argumentTypes: [], returnType: .float64)
        case .ntile:
            guard argumentTypes.count == 1, argumentTypes[0].isInteger else { throw bad }
            return FunctionSignature(argumentTypes: [.int64], returnType: .int64)
        case .lag, .lead:
            guard (1...3).contains(argumentTypes.count) else { throw bad }
            let x = argumentTypes[0]
            var types = [x]
            if argumentTypes.count >= 2 {
                guard argumentTypes[1].isInteger else { throw bad }
                types.append(.int64)
            }
            if argumentTypes.count == 3 {
                guard let common = TypeCoercion.commonSupertype(x, argumentTypes[2]) else { throw bad }
                types = [common, .int64, common]
                return FunctionSignature(argumentTypes: types, returnType: common)
            }
            return FunctionSignature(argumentTypes: types, returnType: x)
        case .firstValue, .lastValue:
            guard argumentTypes.count == 1 else { throw bad }
            return FunctionSignature(argumentTypes: argumentTypes, returnType: argumentTypes[0])
        case .nthValue:
            guard argumentTypes.count == 2, argumentTypes[1].isInteger else { throw bad }
            return FunctionSignature(argumentTypes: [argumentTypes[0], .int64], returnType: argumentTypes[0])
        }
    }
}
