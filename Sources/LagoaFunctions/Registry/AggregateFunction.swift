public import LagoaColumnar

/// An aggregate function (`sum`, `count`, `string_agg`, `quantile`, …): a signature check for the
/// binder and grouped accumulators for the executor.
public protocol AggregateFunction: Sendable {
    /// The lower-case SQL name.
    var name: String { get }

    /// Checks the argument types; `distinct` is `true` for `f(DISTINCT x)`.
    /// - Throws: ``FunctionError`` when no overload fits.
    func bind(_ argumentTypes: [DataType], distinct: Bool) throws -> FunctionSignature

    /// A fresh accumulator for the bound signature. Each task of a parallel aggregation owns one.
    func makeAccumulator(_ signature: FunctionSignature, distinct: Bool) throws -> any GroupedAccumulator
}

/// The per-group state of one aggregate inside a hash aggregation, vectorized over groups.
///
/// Groups are dense indices `0..<groupCount`; `groupCount` only grows. The executor calls
/// ``update(groups:groupCount:arguments:)`` once per input batch, combines the accumulators of
/// parallel tasks (or reloads spilled ones) with ``state()`` / ``merge(state:groups:groupCount:)``,
/// and calls ``finish()`` once.
public protocol GroupedAccumulator: AnyObject {
    /// Adds the rows of one batch: row `i` belongs to group `groups[i]`. Arguments have the bound
    /// types and `groups.count` rows.
    func update(groups: UnsafeBufferPointer<Int32>, groupCount: Int, arguments: [Column]) throws

    /// The partial state of every group as columns (one value per group), for merging or spilling.
    func state() throws -> [Column]

    /// Merges partial states produced by ``state()`` of another accumulator of the same function:
    /// row `i` of `state` is merged into group `groups[i]`.
    func merge(state: [Column], groups: UnsafeBufferPointer<Int32>, groupCount: Int) throws

    /// The final value of every group, `groupCount` values of the bound return type.
    func finish() throws -> Column

    /// Approximate bytes held, for the memory limit.
    var memoryBytes: Int { get }
}
