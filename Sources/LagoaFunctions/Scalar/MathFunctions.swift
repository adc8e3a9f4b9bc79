#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import LagoaColumnar

/// Math functions (`abs`, `round`, `floor`, `ceil`, `trunc`, `power`, `sqrt`, `ln`, `log10`, …) and
/// the conditional functions `coalesce`, `nullif`, `greatest`, `least`.
enum MathFunctions {
    static var all: [(RowScalarFunction, [String])] {
        [
            (RowScalarFunction(name: "abs", binder: sameNumeric("abs")) { v, s in
                switch v[0] {
                case .int(let x):
                    guard x != .min else { throw FunctionError(.overflow, "overflow: abs(\(x)) is out of range for \(s.returnType)") }
                    return .int(Swift.abs(x))
                case .decimal(let x, let sc): return .decimal(x < 0 ? -x : x, scale: sc)
                case .float(let f): return .float(Swift.abs(f))
                default: return .double(Swift.abs(v[0].real))
                }
            }, []),
            (RowScalarFunction(name: "sign", binder: sameNumeric("sign", returns: .int64)) { v, _ in
                let d = v[0].real
                return .int(d > 0 ? 1 : (d < 0 ? -1 : 0))
            }, []),
            (round(), []),
            (rounding("floor", .down), []),
            (rounding("ceil", .up), ["ceiling"]),
            (rounding("trunc", .towardZero), []),
            (double("sqrt") { x in
                guard x >= 0 else { throw FunctionError(.invalidValue, "cannot take the square root of a negative number (\(TextFormat.double(x)))") }
                return x.squareRoot()
            }, []),
            (double("cbrt") { Foundationless.cbrt($0) }, []),
            (double("exp") { Foundationless.exp($0) }, []),
            (double("ln") { x in
                guard x > 0 else { throw FunctionError(.invalidValue, "cannot take the logarithm of \(x <= 0 && x == 0 ? "zero" : "a negative number") (\(TextFormat.double(x)))") }
                return Foundationless.log(x)
            }, []),
            (double("log10") { x in
                guard x > 0 else { throw FunctionError(.invalidValue, "cannot take the logarithm of \(x == 0 ? "zero" : "a negative number") (\(TextFormat.double(x)))") }
                return Foundationless.log10(x)
            }, ["log"]),
            (double("log2") { x in
                guard x > 0 else { throw FunctionError(.invalidValue, "cannot take the logarithm of \(x == 0 ? "zero" : "a negative number") (\(TextFormat.double(x)))") }
                return Foundationless.log2(x)
            }, []),
            (RowScalarFunction(name: "power", binder: Bind.fixed("power", [.float64, .float64], returns: .float64)) { v, _ in
                .double(Foundationless.pow(v[0].real, v[1].real))
            }, ["pow"]),
            (RowScalarFunction(name: "pi", binder: Bind.fixed("pi", [], returns: .float64)) { _, _ in .double(Double.pi) }, []),
            (RowScalarFunction(name: "random", binder: Bind.fixed("random", [], returns: .float64), body: { _, _ in
                .double(Double.random(in: 0..<1))
            }, isDeterministic: false), []),
            (RowScalarFunction(name: "mod", binder: { types in
                guard types.count == 2 else { throw Bind.fail("mod", types, expected: "a, b") }
                return try BinaryOperator.modulo.bind(types[0], types[1])
            }, body: { _, _ in .null }, evaluateFast: { args, signature, n in
                try BinaryOperator.modulo.evaluate(args[0], args[1], signature: signature, rowCount: n)
            }), []),
            (coalesce(), ["ifnull"]),
            (RowScalarFunction(name: "nullif", binder: { types in
                guard types.count == 2, let common = BinaryOperator.comparisonType(types[0], types[1]) else {
                    throw Bind.fail("nullif", types, expected: "a, b of comparable types")
                }
                return FunctionSignature(argumentTypes: [types[0], common], returnType: types[0])
            }, body: { v, _ in
                guard !v[0].isNull else { return .null }
                guard !v[1].isNull else { return v[0] }
                return ValueOrder.compare(v[0], v[1]) == 0 ? .null : v[0]
            }, propagatesNulls: false), []),
            (extreme("greatest", sign: 1), []),
            (extreme("least", sign: -1), []),
        ]
    }

    static func sameNumeric(_ name: String, returns: DataType? = nil) -> @Sendable ([DataType]) throws -> FunctionSignature {
        { types in
            guard types.count == 1, types[0].isNumeric else { throw Bind.fail(name, types, expected: "numeric") }
            return FunctionSignature(argumentTypes: types, returnType: returns ?? types[0])
        }
    }

    static func double(_ name: String, _ f: @escaping @Sendable (Double) throws -> Double) -> RowScalarFunction {
        RowScalarFunction(name: name, binder: Bind.fixed(name, [.float64], returns: .float64)) { v, _ in .double(try f(v[0].real)) }
    }

    /// `floor`/`ceil`/`trunc`: integers and floats keep their type; decimals go to scale 0.
    static func rounding(_ name: String, _ rule: FloatingPointRoundingRule) -> RowScalarFunction {
        RowScalarFunction(name: name, binder: { types in
            guard types.count == 1, types[0].isNumeric else { throw Bind.fail(name, types, expected: "numeric") }
            if case .decimal128(let p, let s) = types[0] {
                return FunctionSignature(argumentTypes: types, returnType: .decimal128(precision: max(1, p - s + (s > 0 ? 1 : 0)), scale: 0))
            }
            return FunctionSignature(argumentTypes: types, returnType: types[0])
        }) { v, _ in
            switch v[0] {
            case .int, .uint: return v[0]
            case .float(let f): return .float(f.rounded(rule))
            case .decimal(let x, let s):
                let divisor = DecimalMath.pow10[s]
                var q = x / divisor
                let r = x % divisor
                if r != 0 && (rule == .down && x < 0) { q -= 1 }
                if r != 0 && (rule == .up && x > 0) { q += 1 }
                return .decimal(q, scale: 0)
            default: return .double(v[0].real.rounded(rule))
            }
        }
    }

    /// `round(x [, digits])`: half away from zero; decimals keep exactness with the scale reduced
    /// to `digits` (DuckDB: round(decimal(15,2), 1) is decimal(15,1)).
    static func round() -> RowScalarFunction {
        RowScalarFunction(name: "round", binder: { types in
            guard (1...2).contains(types.count), types[0].isNumeric, types.count == 1 || types[1].isInteger else {
                throw Bind.fail("round", types, expected: "numeric [, integer]")
            }
            let args = types.count == 2 ? [types[0], DataType.int32] : types
            if case .decimal128(let p, let s) = types[0] {
                // The result scale depends on the digits argument, which the binder folds to a
                // constant; without it (one argument) the scale is 0.
                let scale = types.count == 1 ? 0 : s
                return FunctionSignature(argumentTypes: args, returnType: .decimal128(precision: p, scale: scale))
            }
            return FunctionSignature(argumentTypes: args, returnType: types[0].isInteger ? types[0] : .float64)
        }) { v, signature in
            let digits = v.count > 1 ? Int(v[1].integer) : 0
            switch v[0] {
            case .int, .uint: return v[0]
            case .decimal(let x, let s):
                guard case .decimal128(_, let outScale) = signature.returnType else { return v[0] }
                // Negative digits round left of the point: round(1234.5678, -2) = 1200.
                let keep = min(s, digits)
                let rounded = DecimalMath.divideRounding(x, by: s - keep)
                return .decimal(DecimalMath.rescale(rounded, from: keep, to: outScale) ?? rounded, scale: outScale)
            default:
                let x = v[0].real
                let factor = Foundationless.pow(10, Double(digits))
                return .double(digits == 0 ? x.rounded(.toNearestOrAwayFromZero) : (x * factor).rounded(.toNearestOrAwayFromZero) / factor)
            }
        }
    }

    static func coalesce() -> RowScalarFunction {
        RowScalarFunction(name: "coalesce", binder: { types in
            guard !types.isEmpty, let common = TypeCoercion.commonSupertype(types) else {
                throw Bind.fail("coalesce", types, expected: "values of one common type")
            }
            return FunctionSignature(argumentTypes: Array(repeating: common, count: types.count), returnType: common)
        }, body: { v, _ in v.first { !$0.isNull } ?? .null }, propagatesNulls: false)
    }

    /// `greatest`/`least`: NULLs are skipped (DuckDB); NULL only when every argument is NULL.
    static func extreme(_ name: String, sign: Int) -> RowScalarFunction {
        RowScalarFunction(name: name, binder: { types in
            guard !types.isEmpty, let common = TypeCoercion.commonSupertype(types) else {
                throw Bind.fail(name, types, expected: "values of one common type")
            }
            return FunctionSignature(argumentTypes: Array(repeating: common, count: types.count), returnType: common)
        }, body: { v, _ in
            var best: Value = .null
            for x in v where !x.isNull {
                if best.isNull || (ValueOrder.compare(x, best) ?? 0) * sign > 0 { best = x }
            }
            return best
        }, propagatesNulls: false)
    }
}

/// libm entry points under names that do not clash with `Value`'s members.
enum Foundationless {
    static func cbrt(_ x: Double) -> Double { Glibc.cbrt(x) }
    static func exp(_ x: Double) -> Double { Glibc.exp(x) }
    static func log(_ x: Double) -> Double { Glibc.log(x) }
    static func log10(_ x: Double) -> Double { Glibc.log10(x) }
    static func log2(_ x: Double) -> Double { Glibc.log2(x) }
    static func pow(_ x: Double, _ y: Double) -> Double { Glibc.pow(x, y) }
}
