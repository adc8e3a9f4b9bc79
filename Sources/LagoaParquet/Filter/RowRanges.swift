/// A sorted set of disjoint, non-adjacent row ranges within a row group: the rows a page-index
/// filter could not rule out.
struct RowRanges: Sendable, Equatable {
    private(set) var ranges: [Range<Int>]

    init(_ ranges: [Range<Int>]) {
        self.ranges = RowRanges.normalise(ranges)
    }

    static func all(_ rows: Int) -> RowRanges { RowRanges(rows > 0 ? [0..<rows] : []) }

    var rowCount: Int { ranges.reduce(0) { $0 + $1.count } }

    /// Rows in either set.
    /// - Complexity: O((n + m) log(n + m)).
    func union(_ other: RowRanges) -> RowRanges { RowRanges(ranges + other.ranges) }

    /// Rows in both sets.
    /// - Complexity: O(n + m).
    func intersection(_ other: RowRanges) -> RowRanges {
        var result: [Range<Int>] = []
        var i = 0, j = 0
        while i < ranges.count && j < other.ranges.count {
            let a = ranges[i], b = other.ranges[j]
            let lower = Swift.max(a.lowerBound, b.lowerBound)
            let upper = Swift.min(a.upperBound, b.upperBound)
            if lower < upper { result.append(lower..<upper) }
            if a.upperBound < b.upperBound { i += 1 } else { j += 1 }
        }
        return RowRanges(result)
    }

    /// Whether any row of `range` is in the set.
    func overlaps(_ range: Range<Int>) -> Bool {
        ranges.contains { $0.overlaps(range) }
    }

    private static func normalise(_ input: [Range<Int>]) -> [Range<Int>] {
        let sorted = input.filter { !$0.isEmpty }.sorted { $0.lowerBound < $1.lowerBound }
        var result: [Range<Int>] = []
        for r in sorted {
            if let last = result.last, r.lowerBound <= last.upperBound {
                result[result.count - 1] = last.lowerBound..<Swift.max(last.upperBound, r.upperBound)
            } else {
                result.append(r)
            }
        }
        return result
    }
}
