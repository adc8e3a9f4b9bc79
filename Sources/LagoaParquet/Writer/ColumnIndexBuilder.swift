/// Collects the per-page bounds of a column chunk into its ``ColumnIndex``.
///
/// As parquet-cpp does, the index is dropped when a page holding values has no writable bounds
/// (only NaNs, or a bound longer than ``ValueBounds/maximumLength``): readers would otherwise have
/// to trust an empty bound.
struct ColumnIndexBuilder {
    let order: StatisticsOrder
    private var nullPages: [Bool] = []
    private var minValues: [[UInt8]] = []
    private var maxValues: [[UInt8]] = []
    private var nullCounts: [Int64] = []
    private var isValid = true

    init(order: StatisticsOrder) {
        self.order = order
    }

    /// Records the next page.
    /// - Parameters:
    ///   - bounds: the page's bounds, `nil` when it has none.
    ///   - valueCount: present values in the page.
    ///   - nullCount: level entries without a value (nulls and empty lists).
    mutating func add(_ bounds: ValueBounds?, valueCount: Int, nullCount: Int) {
        nullCounts.append(Int64(nullCount))
        if valueCount == 0 {
            nullPages.append(true)
            minValues.append([])
            maxValues.append([])
        } else if let bounds, bounds.isWritable {
            nullPages.append(false)
            minValues.append(bounds.min)
            maxValues.append(bounds.max)
        } else {
            isValid = false
        }
    }

    /// The column index, or `nil` when it was dropped.
    /// - Complexity: O(pages × bound length).
    func build() -> ColumnIndex? {
        guard isValid else { return nil }
        return ColumnIndex(
            nullPages: nullPages,
            minValues: minValues,
            maxValues: maxValues,
            boundaryOrder: boundaryOrder(),
            nullCounts: nullCounts
        )
    }

    /// ASCENDING when the non-null pages' minimums and maximums never decrease, DESCENDING when
    /// they never increase, UNORDERED otherwise.
    private func boundaryOrder() -> BoundaryOrder {
        var ascending = true
        var descending = true
        var previous: Int? = nil
        for page in nullPages.indices where !nullPages[page] {
            if let p = previous {
                let minOrder = order.compare(minValues[p], minValues[page])
                let maxOrder = order.compare(maxValues[p], maxValues[page])
                if minOrder > 0 || maxOrder > 0 { ascending = false }
                if minOrder < 0 || maxOrder < 0 { descending = false }
            }
            previous = page
        }
        if ascending { return .ascending }
        return descending ? .descending : .unordered
    }
}
