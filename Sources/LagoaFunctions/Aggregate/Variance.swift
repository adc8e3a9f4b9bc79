import LagoaColumnar

/// `var_samp`, `var_pop`, `stddev_samp`, `stddev_pop` in float64 with Welford's update and Chan's
/// merge (as DuckDB computes them); samples of fewer than two values give NULL.
struct VarianceFunction: AggregateFunction {
    enum Kind: Sendable { case sampleVariance, populationVariance, sampleDeviation, populationDeviation }
    let name: String
    let kind: Kind

    func bind(_ argumentTypes: [DataType], distinct: Bool) throws -> FunctionSignature {
        guard argumentTypes.count == 1, argumentTypes[0].isNumeric else {
            throw FunctionError(.signature, "\(name) takes one numeric argument, not (\(argumentTypes.map(\.description).joined(separator: ", ")))")
        }
        return FunctionSignature(argumentTypes: [.float64], returnType: .float64)
    }

    func makeAccumulator(_ signature: FunctionSignature, distinct: Bool) throws -> any GroupedAccumulator {
        let inner = VarianceAccumulator(kind: kind)
        return distinct ? DistinctAccumulator(inner: inner, signature: signature) : inner
    }
}

final class VarianceAccumulator: GroupedAccumulator {
    let kind: VarianceFunction.Kind
    var counts = GroupedArray<Double>(0)
    var means = GroupedArray<Double>(0)
    var m2 = GroupedArray<Double>(0)

    init(kind: VarianceFunction.Kind) { self.kind = kind }

    private func grow(_ n: Int) {
        counts.grow(to: n)
        means.grow(to: n)
        m2.grow(to: n)
    }

    func update(groups: UnsafeBufferPointer<Int32>, groupCount: Int, arguments: [Column]) throws {
        grow(groupCount)
        let column = arguments[0]
        let values = column.values(as: Double.self)
        for i in 0..<groups.count where column.isValid(i) {
            let g = Int(groups[i])
            let x = values[i]
            counts.values[g] += 1
            let delta = x - means.values[g]
            means.values[g] += delta / counts.values[g]
            m2.values[g] += delta * (x - means.values[g])
        }
    }

    func state() throws -> [Column] {
        let n = counts.count
        let arrays: [[Double]] = [counts.values, means.values, m2.values]
        return arrays.map { (array: [Double]) -> Column in
            ColumnFactory.fixed(.float64, count: n, validity: nil, as: Double.self) { p in p.update(from: array, count: n) }
        }
    }

    func merge(state: [Column], groups: UnsafeBufferPointer<Int32>, groupCount: Int) throws {
        grow(groupCount)
        let oc = state[0].values(as: Double.self), om = state[1].values(as: Double.self), o2 = state[2].values(as: Double.self)
        for i in 0..<groups.count where oc[i] > 0 {
            let g = Int(groups[i])
            let n1 = counts.values[g], n2 = oc[i]
            let total = n1 + n2
            let delta = om[i] - means.values[g]
            means.values[g] += delta * n2 / total
            m2.values[g] += o2[i] + delta * delta * n1 * n2 / total
            counts.values[g] = total
        }
    }

    func finish() throws -> Column {
        let n = counts.count
        let sample = kind == .sampleVariance || kind == .sampleDeviation
        let root = kind == .sampleDeviation || kind == .populationDeviation
        let validity = Comparison.bits(n) { counts.values[$0] >= (sample ? 2 : 1) }
        return ColumnFactory.fixed(.float64, count: n, validity: validity, as: Double.self) { p in
            for g in 0..<n {
                let c = counts.values[g]
                guard c >= (sample ? 2 : 1) else { continue }
                let variance = m2.values[g] / (sample ? c - 1 : c)
                p[g] = root ? variance.squareRoot() : variance
            }
        }
    }

    var memoryBytes: Int { counts.count * 24 }
}
