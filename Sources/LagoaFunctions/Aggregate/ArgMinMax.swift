import LagoaColumnar

/// `arg_min(x, key)` / `arg_max(x, key)` (aliases `min_by`, `max_by`): the `x` of the row with the
/// smallest / largest `key` among rows where neither `x` nor `key` is NULL (as DuckDB); the first
/// such row wins ties.
struct ArgMinMaxFunction: AggregateFunction {
    let name: String
    let isMax: Bool

    func bind(_ argumentTypes: [DataType], distinct: Bool) throws -> FunctionSignature {
        guard argumentTypes.count == 2, !argumentTypes[1].isNested else {
            throw FunctionError(.signature, "\(name) takes (value, key), not (\(argumentTypes.map(\.description).joined(separator: ", ")))")
        }
        return FunctionSignature(argumentTypes: argumentTypes, returnType: argumentTypes[0])
    }

    func makeAccumulator(_ signature: FunctionSignature, distinct: Bool) throws -> any GroupedAccumulator {
        ArgMinMaxAccumulator(valueType: signature.argumentTypes[0], keyType: signature.argumentTypes[1], isMax: isMax)
    }
}

final class ArgMinMaxAccumulator: GroupedAccumulator {
    let valueType: DataType
    let keyType: DataType
    let isMax: Bool
    var values: [Value] = []
    var keys: [Value] = []

    init(valueType: DataType, keyType: DataType, isMax: Bool) {
        self.valueType = valueType
        self.keyType = keyType
        self.isMax = isMax
    }

    private func absorb(_ valueColumn: Column, _ keyColumn: Column, _ groups: UnsafeBufferPointer<Int32>, _ groupCount: Int) {
        if values.count < groupCount {
            values.append(contentsOf: repeatElement(.null, count: groupCount - values.count))
            keys.append(contentsOf: repeatElement(.null, count: groupCount - keys.count))
        }
        for i in 0..<groups.count where keyColumn.isValid(i) && valueColumn.isValid(i) {
            let g = Int(groups[i])
            let key = keyColumn.value(at: i)
            let better = keys[g].isNull || (ValueOrder.compare(key, keys[g]).map { isMax ? $0 > 0 : $0 < 0 } ?? false)
            if better {
                keys[g] = key
                values[g] = valueColumn.value(at: i)
            }
        }
    }

    func update(groups: UnsafeBufferPointer<Int32>, groupCount: Int, arguments: [Column]) throws {
        absorb(arguments[0], arguments[1], groups, groupCount)
    }

    func state() throws -> [Column] {
        [ColumnFactory.fromValues(values, valueType), ColumnFactory.fromValues(keys, keyType)]
    }

    func merge(state: [Column], groups: UnsafeBufferPointer<Int32>, groupCount: Int) throws {
        absorb(state[0], state[1], groups, groupCount)
    }

    func finish() throws -> Column { ColumnFactory.fromValues(values, valueType) }

    var memoryBytes: Int { values.count * 64 }
}
