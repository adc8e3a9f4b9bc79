/// The number of bits needed to store every value in `0...value`, as Parquet computes bit widths for
/// levels (`bitWidth(forMax: maxLevel)`) and dictionary indices (`bitWidth(forMax: count - 1)`).
///
/// `bitWidth(forMax: 0)` is 0: a column whose only level is 0 stores no level bits at all.
/// - Complexity: O(1).
@inline(__always)
package func bitWidth(forMax value: UInt64) -> Int {
    UInt64.bitWidth - value.leadingZeroBitCount
}
