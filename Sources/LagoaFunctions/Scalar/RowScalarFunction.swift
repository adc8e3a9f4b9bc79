import LagoaColumnar

/// A scalar function defined by a bind rule and a per-row body over ``Value``s. Used for string,
/// date and math functions whose per-row work (allocating strings, calendar math) dwarfs the
/// boxing; hot functions have typed kernels instead (``evaluateFast``).
struct RowScalarFunction: ScalarFunction {
    let name: String
    let binder: @Sendable ([DataType]) throws -> FunctionSignature
    /// Computes one row; receives non-NULL arguments only when ``propagatesNulls``.
    let body: @Sendable ([Value], FunctionSignature) throws -> Value
    /// NULL in any argument gives NULL without calling ``body``.
    var propagatesNulls = true
    var isDeterministic = true
    /// An optional vectorized path; returns `nil` to fall back to rows.
    var evaluateFast: (@Sendable ([ColumnarValue], FunctionSignature, Int) throws -> Column?)?

    func bind(_ argumentTypes: [DataType]) throws -> FunctionSignature {
        try binder(argumentTypes)
    }

    func evaluate(_ arguments: [ColumnarValue], rowCount: Int) throws -> Column {
        // The bound signature is reconstructed from the arguments' types (they were cast to it).
        let signature = try binder(arguments.map(\.type))
        return try evaluate(arguments, signature: signature, rowCount: rowCount)
    }

    func evaluate(_ arguments: [ColumnarValue], signature: FunctionSignature, rowCount: Int) throws -> Column {
        if let evaluateFast, let column = try evaluateFast(arguments, signature, rowCount) { return column }
        let allScalar = arguments.allSatisfy { $0.scalarValue != nil }
        let rows = allScalar ? min(rowCount, 1) : rowCount
        let builder = ColumnBuilder(signature.returnType, capacity: rows)
        var values = [Value](repeating: .null, count: arguments.count)
        for i in 0..<rows {
            var hasNull = false
            for (k, argument) in arguments.enumerated() {
                values[k] = argument.value(at: i)
                if values[k].isNull { hasNull = true }
            }
            if hasNull && propagatesNulls {
                builder.appendNull()
            } else {
                builder.append(try conform(body(values, signature), to: signature.returnType))
            }
        }
        let column = builder.finish()
        if allScalar && rowCount != rows {
            return ColumnFactory.repeating(rows == 1 ? column.value(at: 0) : .null, signature.returnType, count: rowCount)
        }
        return column
    }

    /// Adapts a body's value to the builder's expectations for `type`.
    private func conform(_ value: Value, to type: DataType) -> Value {
        switch (type, value) {
        case (.float64, .int(let v)): .double(Double(v))
        case (.int64, .double(let d)) where d.isFinite: .int(Int64(d))
        case (.string, .string), (_, .null): value
        case (.string, _): .string(TextFormat.text(value, type))
        default: value
        }
    }
}

/// Common bind rules.
enum Bind {
    static func fail(_ name: String, _ types: [DataType], expected: String) -> FunctionError {
        FunctionError(
            .signature,
            "no overload of \(name)(\(types.map(\.description).joined(separator: ", "))); expected \(name)(\(expected))"
        )
    }

    /// Every argument cast to `argumentTypes` (counts must match, casts must exist).
    static func fixed(_ name: String, _ argumentTypes: [DataType], returns: DataType) -> @Sendable ([DataType]) throws -> FunctionSignature {
        { types in
            guard types.count == argumentTypes.count, zip(types, argumentTypes).allSatisfy({ Cast.canCast(from: $0, to: $1) }) else {
                throw fail(name, types, expected: argumentTypes.map(\.description).joined(separator: ", "))
            }
            return FunctionSignature(argumentTypes: argumentTypes, returnType: returns)
        }
    }

    /// Strings: `count` string arguments in `range` (extra arguments cast to string).
    static func strings(_ name: String, _ range: ClosedRange<Int>, returns: DataType) -> @Sendable ([DataType]) throws -> FunctionSignature {
        { types in
            guard range.contains(types.count) else { throw fail(name, types, expected: "\(range.lowerBound)…\(range.upperBound) strings") }
            return FunctionSignature(argumentTypes: Array(repeating: .string, count: types.count), returnType: returns)
        }
    }
}
