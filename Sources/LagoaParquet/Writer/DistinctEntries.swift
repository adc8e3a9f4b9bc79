/// Finds the first occurrence of each distinct dictionary entry in a page, by stamping every entry
/// with the number of the last page that used it.
struct DistinctEntries {
    private var stamps: [Int32] = []
    private var page: Int32 = 0

    /// The positions (in the chunk's values) of the first use of each entry among `indices`,
    /// which hold the entry numbers of values `values`.
    /// - Parameter entries: the dictionary's current size (every index is below it).
    /// - Complexity: O(values.count), amortised.
    mutating func firstPositions(_ indices: UnsafePointer<UInt32>, _ values: Range<Int>, entries: Int) -> [Int] {
        if stamps.count < entries { stamps.append(contentsOf: repeatElement(-1, count: entries - stamps.count)) }
        page += 1
        let stamp = page
        var firsts: [Int] = []
        stamps.withUnsafeMutableBufferPointer { seen in
            for k in 0..<values.count {
                let id = Int(indices[k])
                if seen[id] != stamp {
                    seen[id] = stamp
                    firsts.append(values.lowerBound + k)
                }
            }
        }
        return firsts
    }
}
