import LagoaColumnar
@testable import LagoaFunctions

/// Small builders shared by the suites.
enum T {
    static func column(_ values: [Value], _ type: DataType) -> Column {
        let builder = ColumnBuilder(type, capacity: values.count)
        for v in values { builder.append(v) }
        return builder.finish()
    }

    static func ints(_ values: [Int64?], _ type: DataType = .int64) -> ColumnarValue {
        .column(column(values.map { $0.map(Value.int) ?? .null }, type))
    }

    static func decimals(_ values: [Int128?], scale: Int, precision: Int = 15) -> ColumnarValue {
        .column(column(values.map { $0.map { .decimal($0, scale: scale) } ?? .null }, .decimal128(precision: precision, scale: scale)))
    }

    static func strings(_ values: [String?]) -> ColumnarValue {
        .column(column(values.map { $0.map(Value.string) ?? .null }, .string))
    }

    /// Binds and evaluates a binary operator, casting operands to the bound types first.
    static func apply(_ op: BinaryOperator, _ lhs: ColumnarValue, _ rhs: ColumnarValue, rows: Int) throws -> (Column, FunctionSignature) {
        let signature = try op.bind(lhs.type, rhs.type)
        let l = try ColumnarValue.column(Cast.cast(lhs, to: signature.argumentTypes[0], isTry: false, rowCount: rows))
        let r = try ColumnarValue.column(Cast.cast(rhs, to: signature.argumentTypes[1], isTry: false, rowCount: rows))
        return (try op.evaluate(l, r, signature: signature, rowCount: rows), signature)
    }

    /// Calls a registered scalar function on constant arguments and returns the single value.
    static func call(_ name: String, _ args: [(Value, DataType)]) throws -> Value {
        let function = try require(FunctionRegistry.builtins.scalar(name))
        let signature = try function.bind(args.map(\.1))
        let cast = try zip(args, signature.argumentTypes).map { arg, type in
            ColumnarValue.column(try Cast.cast(.scalar(arg.0, arg.1), to: type, isTry: false, rowCount: 1))
        }
        return try function.evaluate(cast, rowCount: 1).value(at: 0)
    }

    /// Runs an aggregate over `values` split into the given groups and returns the results.
    static func aggregate(_ name: String, _ args: [Column], groups: [Int32], groupCount: Int, distinct: Bool = false) throws -> [Value] {
        let function = try require(FunctionRegistry.builtins.aggregate(name))
        let signature = try function.bind(args.map(\.type), distinct: distinct)
        let cast = try zip(args, signature.argumentTypes).map { try Cast.cast(.column($0), to: $1, isTry: false, rowCount: $0.count) }
        let accumulator = try function.makeAccumulator(signature, distinct: distinct)
        try groups.withUnsafeBufferPointer { try accumulator.update(groups: $0, groupCount: groupCount, arguments: cast) }
        return try accumulator.finish().allValues
    }
}

func require<T>(_ value: T?) throws -> T {
    guard let value else { throw FunctionError(.unknownFunction, "missing") }
    return value
}
