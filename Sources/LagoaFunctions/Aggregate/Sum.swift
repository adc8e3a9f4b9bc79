import LagoaColumnar

/// `sum(x)` and `avg(x)`: integers sum to int64 (overflow is an error; DuckDB widens to HUGEINT),
/// decimals to `decimal(38, s)` exactly, floats to float64; `avg` is float64 for every input.
struct SumFunction: AggregateFunction {
    let name: String
    let isAverage: Bool

    func bind(_ argumentTypes: [DataType], distinct: Bool) throws -> FunctionSignature {
        guard argumentTypes.count == 1, var type = argumentTypes.first, type.isNumeric || type == .string || type == .boolean else {
            throw FunctionError(.signature, "\(name) takes one numeric argument, not (\(argumentTypes.map(\.description).joined(separator: ", ")))")
        }
        if type == .string || type == .boolean { type = .float64 }
        let result: DataType
        switch type {
        case .decimal128(_, let s): result = isAverage ? .float64 : .decimal128(precision: 38, scale: s)
        case .float32: type = .float64; result = .float64
        case .float64: result = .float64
        default:
            if type.isUnsignedInteger && type == .uint64 { type = .decimal128(precision: 20, scale: 0); result = isAverage ? .float64 : .decimal128(precision: 38, scale: 0) }
            else { result = isAverage ? .float64 : .int64 }
        }
        return FunctionSignature(argumentTypes: [type], returnType: result)
    }

    func makeAccumulator(_ signature: FunctionSignature, distinct: Bool) throws -> any GroupedAccumulator {
        let input = signature.argumentTypes[0]
        let inner: any GroupedAccumulator
        switch input {
        case .float64: inner = FloatSumAccumulator(isAverage: isAverage)
        case .decimal128(_, let s): inner = DecimalSumAccumulator(isAverage: isAverage, scale: s)
        default: inner = IntegerSumAccumulator(isAverage: isAverage, input: input, name: name)
        }
        return distinct ? DistinctAccumulator(inner: inner, signature: signature) : inner
    }
}

/// Sums of integer inputs in int64 with overflow detection, plus per-group counts.
final class IntegerSumAccumulator: GroupedAccumulator {
    let isAverage: Bool
    let input: DataType
    let name: String
    var sums = GroupedArray<Int64>(0)
    var counts = GroupedArray<Int64>(0)

    init(isAverage: Bool, input: DataType, name: String) {
        self.isAverage = isAverage
        self.input = input
        self.name = name
    }

    func update(groups: UnsafeBufferPointer<Int32>, groupCount: Int, arguments: [Column]) throws {
        let column = arguments[0]
        switch column.type {
        case .int8: try add(column, groups, groupCount, Int8.self)
        case .int16: try add(column, groups, groupCount, Int16.self)
        case .int32: try add(column, groups, groupCount, Int32.self)
        case .uint8: try add(column, groups, groupCount, UInt8.self)
        case .uint16: try add(column, groups, groupCount, UInt16.self)
        case .uint32: try add(column, groups, groupCount, UInt32.self)
        default: try add(column, groups, groupCount, Int64.self)
        }
    }

    private func add<T: BinaryInteger & BitwiseCopyable>(_ column: Column, _ groups: UnsafeBufferPointer<Int32>, _ groupCount: Int, _: T.Type) throws {
        sums.grow(to: groupCount)
        counts.grow(to: groupCount)
        let values = column.values(as: T.self)
        let validity = Validity.of(column)
        let bits = Validity.bytes(validity)
        var overflow = false
        withExtendedLifetime(validity) {
            sums.withPointer { s in
                counts.withPointer { c in
                    for i in 0..<groups.count {
                        let g = Int(groups[i])
                        let mask = validBit(bits, i)
                        let (r, o) = s[g].addingReportingOverflow(Int64(truncatingIfNeeded: values[i]) &* mask)
                        s[g] = r
                        overflow = overflow || o
                        c[g] &+= mask
                    }
                }
            }
        }
        if overflow { throw sumOverflow() }
    }

    private func sumOverflow() -> FunctionError {
        FunctionError(.overflow, "overflow in \(name)(\(input)): the total does not fit in int64; cast the argument to decimal(38, 0) to sum exactly")
    }

    func state() throws -> [Column] {
        let n = sums.count
        return [
            ColumnFactory.fixed(.int64, count: n, validity: nil) { p in p.update(from: sums.values, count: n) },
            ColumnFactory.fixed(.int64, count: n, validity: nil) { p in p.update(from: counts.values, count: n) },
        ]
    }

    func merge(state: [Column], groups: UnsafeBufferPointer<Int32>, groupCount: Int) throws {
        sums.grow(to: groupCount)
        counts.grow(to: groupCount)
        let os = state[0].values(as: Int64.self), oc = state[1].values(as: Int64.self)
        var overflow = false
        sums.withPointer { s in
            counts.withPointer { c in
                for i in 0..<groups.count {
                    let g = Int(groups[i])
                    let (r, o) = s[g].addingReportingOverflow(os[i])
                    s[g] = r
                    overflow = overflow || o
                    c[g] &+= oc[i]
                }
            }
        }
        if overflow { throw sumOverflow() }
    }

    func finish() throws -> Column {
        let n = sums.count
        let validity = Comparison.bits(n) { counts.values[$0] > 0 }
        if isAverage {
            return ColumnFactory.fixed(.float64, count: n, validity: validity, as: Double.self) { p in
                for g in 0..<n { p[g] = counts.values[g] == 0 ? 0 : Double(sums.values[g]) / Double(counts.values[g]) }
            }
        }
        return ColumnFactory.fixed(.int64, count: n, validity: validity) { p in p.update(from: sums.values, count: n) }
    }

    var memoryBytes: Int { sums.count * 16 }
}

/// Exact sums of decimals in Int128 (scale kept), plus per-group counts.
final class DecimalSumAccumulator: GroupedAccumulator {
    let isAverage: Bool
    let scale: Int
    var sums = GroupedArray<Int128>(0)
    var counts = GroupedArray<Int64>(0)

    init(isAverage: Bool, scale: Int) {
        self.isAverage = isAverage
        self.scale = scale
    }

    func update(groups: UnsafeBufferPointer<Int32>, groupCount: Int, arguments: [Column]) throws {
        sums.grow(to: groupCount)
        counts.grow(to: groupCount)
        let column = arguments[0]
        let values = column.values(as: Int128.self)
        let validity = Validity.of(column)
        let bits = Validity.bytes(validity)
        withExtendedLifetime(validity) {
            sums.withPointer { s in
                counts.withPointer { c in
                    if bits == nil {
                        for i in 0..<groups.count {
                            let g = Int(groups[i])
                            s[g] &+= values[i]
                            c[g] &+= 1
                        }
                    } else {
                        for i in 0..<groups.count {
                            let g = Int(groups[i])
                            let mask = validBit(bits, i)
                            s[g] &+= values[i] &* Int128(mask)
                            c[g] &+= mask
                        }
                    }
                }
            }
        }
    }

    func state() throws -> [Column] {
        let n = sums.count
        return [
            ColumnFactory.fixed(.decimal128(precision: 38, scale: scale), count: n, validity: nil) { p in p.update(from: sums.values, count: n) },
            ColumnFactory.fixed(.int64, count: n, validity: nil) { p in p.update(from: counts.values, count: n) },
        ]
    }

    func merge(state: [Column], groups: UnsafeBufferPointer<Int32>, groupCount: Int) throws {
        sums.grow(to: groupCount)
        counts.grow(to: groupCount)
        let os = state[0].values(as: Int128.self), oc = state[1].values(as: Int64.self)
        sums.withPointer { s in
            counts.withPointer { c in
                for i in 0..<groups.count {
                    let g = Int(groups[i])
                    s[g] &+= os[i]
                    c[g] &+= oc[i]
                }
            }
        }
    }

    func finish() throws -> Column {
        let n = sums.count
        let validity = Comparison.bits(n) { counts.values[$0] > 0 }
        if isAverage {
            return ColumnFactory.fixed(.float64, count: n, validity: validity, as: Double.self) { p in
                for g in 0..<n where counts.values[g] > 0 {
                    p[g] = DecimalMath.toDouble(sums.values[g], scale: scale) / Double(counts.values[g])
                }
            }
        }
        for g in 0..<n where !DecimalMath.fits(sums.values[g], precision: 38) {
            throw FunctionError(.overflow, "overflow in sum: the total exceeds decimal(38, \(scale))")
        }
        return ColumnFactory.fixed(.decimal128(precision: 38, scale: scale), count: n, validity: validity) { p in
            p.update(from: sums.values, count: n)
        }
    }

    var memoryBytes: Int { sums.count * 24 }
}

/// Sums of floating-point inputs in float64, plus per-group counts.
final class FloatSumAccumulator: GroupedAccumulator {
    let isAverage: Bool
    var sums = GroupedArray<Double>(0)
    var counts = GroupedArray<Int64>(0)

    init(isAverage: Bool) { self.isAverage = isAverage }

    func update(groups: UnsafeBufferPointer<Int32>, groupCount: Int, arguments: [Column]) throws {
        sums.grow(to: groupCount)
        counts.grow(to: groupCount)
        let column = arguments[0]
        let values = column.values(as: Double.self)
        let validity = Validity.of(column)
        let bits = Validity.bytes(validity)
        withExtendedLifetime(validity) {
            sums.withPointer { s in
                counts.withPointer { c in
                    for i in 0..<groups.count {
                        let g = Int(groups[i])
                        let mask = validBit(bits, i)
                        if mask != 0 { s[g] += values[i] }
                        c[g] &+= mask
                    }
                }
            }
        }
    }

    func state() throws -> [Column] {
        let n = sums.count
        return [
            ColumnFactory.fixed(.float64, count: n, validity: nil) { p in p.update(from: sums.values, count: n) },
            ColumnFactory.fixed(.int64, count: n, validity: nil) { p in p.update(from: counts.values, count: n) },
        ]
    }

    func merge(state: [Column], groups: UnsafeBufferPointer<Int32>, groupCount: Int) throws {
        sums.grow(to: groupCount)
        counts.grow(to: groupCount)
        let os = state[0].values(as: Double.self), oc = state[1].values(as: Int64.self)
        sums.withPointer { s in
            counts.withPointer { c in
                for i in 0..<groups.count {
                    let g = Int(groups[i])
                    s[g] += os[i]
                    c[g] &+= oc[i]
                }
            }
        }
    }

    func finish() throws -> Column {
        let n = sums.count
        let validity = Comparison.bits(n) { counts.values[$0] > 0 }
        return ColumnFactory.fixed(.float64, count: n, validity: validity, as: Double.self) { p in
            for g in 0..<n { p[g] = isAverage && counts.values[g] > 0 ? sums.values[g] / Double(counts.values[g]) : sums.values[g] }
        }
    }

    var memoryBytes: Int { sums.count * 16 }
}
