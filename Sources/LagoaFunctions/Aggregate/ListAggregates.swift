import LagoaColumnar

/// `string_agg(x, sep)` (alias `group_concat`, `listagg`): values joined in input order (the
/// executor pre-sorts for `ORDER BY` inside the call); separator `,` by default.
struct StringAggFunction: AggregateFunction {
    let name = "string_agg"

    func bind(_ argumentTypes: [DataType], distinct: Bool) throws -> FunctionSignature {
        guard (1...2).contains(argumentTypes.count) else {
            throw FunctionError(.signature, "string_agg takes (value, separator), not \(argumentTypes.count) arguments")
        }
        return FunctionSignature(argumentTypes: Array(repeating: .string, count: argumentTypes.count), returnType: .string)
    }

    func makeAccumulator(_ signature: FunctionSignature, distinct: Bool) throws -> any GroupedAccumulator {
        StringAggAccumulator(distinct: distinct)
    }
}

final class StringAggAccumulator: ValueListAccumulator {
    let distinct: Bool

    init(distinct: Bool) {
        self.distinct = distinct
        super.init(elementType: .string, resultType: .string, secondType: .string)
    }

    override func finishGroup(_ values: [Value]) throws -> Value {
        guard !values.isEmpty else { return .null }
        var items = values.map { $0.description }
        if distinct {
            var seen = Set<String>()
            items = items.filter { seen.insert($0).inserted }
        }
        let separator = if case .string(let s) = secondArgument { s } else { "," }
        return .string(items.joined(separator: separator))
    }
}

/// `median(x)`, `quantile_cont(x, q)`, `quantile_disc(x, q)` (alias `quantile`), exact: the state
/// holds the values. `median` and `quantile_cont` interpolate; decimals stay decimals for `median`.
struct QuantileFunction: AggregateFunction {
    enum Kind: Sendable { case median, continuous, discrete }
    let name: String
    let kind: Kind

    func bind(_ argumentTypes: [DataType], distinct: Bool) throws -> FunctionSignature {
        let expected = kind == .median ? 1 : 2
        guard argumentTypes.count == expected, let x = argumentTypes.first else {
            throw FunctionError(.signature, "\(name) takes \(expected == 1 ? "one argument" : "(value, fraction)"), not \(argumentTypes.count) arguments")
        }
        let fraction: [DataType] = expected == 2 ? [.float64] : []
        switch kind {
        case .discrete:
            return FunctionSignature(argumentTypes: [x] + fraction, returnType: x)
        case .median where x.isDecimal || x.isTemporal:
            return FunctionSignature(argumentTypes: [x], returnType: x)
        default:
            guard x.isNumeric else { throw FunctionError(.signature, "\(name) needs a numeric argument, not \(x)") }
            return FunctionSignature(argumentTypes: [.float64] + fraction, returnType: .float64)
        }
    }

    func makeAccumulator(_ signature: FunctionSignature, distinct: Bool) throws -> any GroupedAccumulator {
        QuantileAccumulator(kind: kind, signature: signature, distinct: distinct)
    }
}

final class QuantileAccumulator: ValueListAccumulator {
    let kind: QuantileFunction.Kind
    let distinct: Bool

    init(kind: QuantileFunction.Kind, signature: FunctionSignature, distinct: Bool) {
        self.kind = kind
        self.distinct = distinct
        super.init(
            elementType: signature.argumentTypes[0],
            resultType: signature.returnType,
            secondType: signature.argumentTypes.count > 1 ? .float64 : nil
        )
    }

    override func finishGroup(_ values: [Value]) throws -> Value {
        guard !values.isEmpty else { return .null }
        var sorted = values.sorted { (ValueOrder.compare($0, $1) ?? 0) < 0 }
        if distinct {
            var unique: [Value] = []
            for v in sorted where unique.last != v { unique.append(v) }
            sorted = unique
        }
        var q = 0.5
        if case .double(let d) = secondArgument { q = d }
        guard (0...1).contains(q) else {
            throw FunctionError(.invalidValue, "quantile fraction \(q) is outside [0, 1]; pass a fraction such as 0.5")
        }
        let position = Double(sorted.count - 1) * q
        let lowIndex = Int(position.rounded(.down))
        let low = sorted[lowIndex]
        if kind == .discrete { return low }
        let highIndex = min(lowIndex + 1, sorted.count - 1)
        let high = sorted[highIndex]
        let weight = position - Double(lowIndex)
        switch (low, high) {
        case (.double(let a), .double(let b)):
            return .double(weight == 0 ? a : a + (b - a) * weight)
        case (.decimal(let a, let s), .decimal(let b, _)):
            return .decimal(weight == 0 ? a : a + (b - a) / 2, scale: s)
        case (.date(let a), .date(let b)):
            return .date(weight == 0 ? a : a + (b - a) / 2)
        case (.timestamp(let a, let u, let tz), .timestamp(let b, _, _)):
            return .timestamp(weight == 0 ? a : a + (b - a) / 2, u, timeZone: tz)
        default:
            return low
        }
    }
}

/// `first(x)` (the first value, NULL included) and `any_value(x)` / `arbitrary(x)` (the first
/// non-NULL value).
struct FirstFunction: AggregateFunction {
    let name: String
    let skipsNulls: Bool

    func bind(_ argumentTypes: [DataType], distinct: Bool) throws -> FunctionSignature {
        guard argumentTypes.count == 1 else { throw FunctionError(.signature, "\(name) takes one argument, not \(argumentTypes.count)") }
        return FunctionSignature(argumentTypes: argumentTypes, returnType: argumentTypes[0])
    }

    func makeAccumulator(_ signature: FunctionSignature, distinct: Bool) throws -> any GroupedAccumulator {
        FirstAccumulator(type: signature.argumentTypes[0], skipsNulls: skipsNulls)
    }
}

final class FirstAccumulator: ValueListAccumulator {
    init(type: DataType, skipsNulls: Bool) {
        super.init(elementType: type, resultType: type, keepsNulls: !skipsNulls)
    }

    override func update(groups: UnsafeBufferPointer<Int32>, groupCount: Int, arguments: [Column]) throws {
        grow(groupCount)
        let column = arguments[0]
        for i in 0..<groups.count where lists[Int(groups[i])].isEmpty && (keepsNulls || column.isValid(i)) {
            lists[Int(groups[i])].append(column.value(at: i))
        }
    }

    override func finishGroup(_ values: [Value]) throws -> Value { values.first ?? .null }
}
