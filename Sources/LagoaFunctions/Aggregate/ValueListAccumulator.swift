import LagoaColumnar

/// Keeps every (non-NULL) argument value of each group, for aggregates that need all values:
/// quantiles, `string_agg`, DISTINCT. The partial state is a `list<x>` column, one list per group.
/// Value-by-value: these aggregates are not on the hot path of grouped sums and counts.
class ValueListAccumulator: GroupedAccumulator {
    let elementType: DataType
    let resultType: DataType
    let keepsNulls: Bool
    /// The type of the second argument kept in the state (a separator or fraction), if any.
    let secondType: DataType?
    var lists: [[Value]] = []
    /// Values of the second argument seen first (e.g. `string_agg`'s separator).
    var secondArgument: Value = .null

    init(elementType: DataType, resultType: DataType, keepsNulls: Bool = false, secondType: DataType? = nil) {
        self.secondType = secondType
        self.elementType = elementType
        self.resultType = resultType
        self.keepsNulls = keepsNulls
    }

    func grow(_ n: Int) {
        if lists.count < n { lists.append(contentsOf: repeatElement([], count: n - lists.count)) }
    }

    func update(groups: UnsafeBufferPointer<Int32>, groupCount: Int, arguments: [Column]) throws {
        grow(groupCount)
        let column = arguments[0]
        if arguments.count > 1, secondArgument.isNull, arguments[1].count > 0 { secondArgument = arguments[1].value(at: 0) }
        for i in 0..<groups.count where keepsNulls || column.isValid(i) {
            lists[Int(groups[i])].append(column.value(at: i))
        }
    }

    func state() throws -> [Column] {
        let builder = ColumnBuilder(DataType.list(Field("item", elementType)), capacity: lists.count)
        for list in lists { builder.append(Value.list(list)) }
        guard let secondType else { return [builder.finish()] }
        return [builder.finish(), ColumnFactory.fromValues(Array(repeating: secondArgument, count: lists.count), secondType)]
    }

    func merge(state: [Column], groups: UnsafeBufferPointer<Int32>, groupCount: Int) throws {
        grow(groupCount)
        if state.count > 1, secondArgument.isNull, state[1].count > 0 { secondArgument = state[1].value(at: 0) }
        for i in 0..<groups.count {
            guard case .list(let items) = state[0].value(at: i) else { continue }
            lists[Int(groups[i])].append(contentsOf: items)
        }
    }

    /// The result of one group from its values.
    func finishGroup(_ values: [Value]) throws -> Value { .null }

    func finish() throws -> Column {
        ColumnFactory.fromValues(try lists.map { try finishGroup($0) }, resultType)
    }

    var memoryBytes: Int { lists.reduce(0) { $0 + $1.count * 32 } + lists.count * 16 }
}

/// Wraps an accumulator for `f(DISTINCT x)`: keeps each group's distinct values and feeds them to
/// the inner accumulator once, at the end.
final class DistinctAccumulator: ValueListAccumulator {
    let inner: any GroupedAccumulator
    private var seen = Set<GroupValue>()

    private struct GroupValue: Hashable {
        let group: Int32
        let value: Value
    }

    init(inner: any GroupedAccumulator, signature: FunctionSignature) {
        self.inner = inner
        let type = signature.argumentTypes.first ?? .int64
        super.init(elementType: type, resultType: signature.returnType)
    }

    override func update(groups: UnsafeBufferPointer<Int32>, groupCount: Int, arguments: [Column]) throws {
        grow(groupCount)
        let column = arguments[0]
        for i in 0..<groups.count where column.isValid(i) {
            let value = column.value(at: i)
            if seen.insert(GroupValue(group: groups[i], value: value)).inserted {
                lists[Int(groups[i])].append(value)
            }
        }
    }

    override func merge(state: [Column], groups: UnsafeBufferPointer<Int32>, groupCount: Int) throws {
        grow(groupCount)
        for i in 0..<groups.count {
            guard case .list(let items) = state[0].value(at: i) else { continue }
            for value in items where seen.insert(GroupValue(group: groups[i], value: value)).inserted {
                lists[Int(groups[i])].append(value)
            }
        }
    }

    override func finish() throws -> Column {
        var groupIDs: [Int32] = []
        var values: [Value] = []
        for (g, list) in lists.enumerated() {
            for value in list {
                groupIDs.append(Int32(g))
                values.append(value)
            }
        }
        let column = ColumnFactory.fromValues(values, elementType)
        try groupIDs.withUnsafeBufferPointer { ids in
            try inner.update(groups: ids, groupCount: lists.count, arguments: [column])
        }
        if lists.count > 0 && values.isEmpty {
            // Make sure the inner accumulator knows every group.
            try [Int32]().withUnsafeBufferPointer { try inner.update(groups: $0, groupCount: lists.count, arguments: [column]) }
        }
        return try inner.finish()
    }
}
