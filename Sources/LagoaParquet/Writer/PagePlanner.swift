import LagoaColumnar

/// One data page of a column chunk: its level entries, its present values and its rows.
struct PageSpan: Sendable, Hashable {
    /// Level entries (values, nulls and empty lists).
    var entries: Range<Int>
    /// Present (non-null) values.
    var values: Range<Int>
    /// The row-group row the page starts at.
    var firstRow: Int
    var rowCount: Int
}

/// Cuts a column chunk into data pages of about ``ParquetWriteOptions/pageSize`` bytes of PLAIN
/// values and levels and at most ``ParquetWriteOptions/maxRowsPerPage`` rows. A page always
/// starts at a row boundary (repetition level 0), as the offset index and data page v2 require.
enum PagePlanner {
    /// The pages of a chunk.
    /// - Parameters:
    ///   - levels: the chunk's levels (empty arrays when the maximum level is 0).
    ///   - entryCount: the number of level entries.
    ///   - values: the chunk's present values.
    ///   - maxDefinition: the leaf's maximum definition level.
    ///   - maxRepetition: the leaf's maximum repetition level.
    ///   - pageSize: target bytes per page.
    ///   - maxRows: rows per page at most.
    /// - Complexity: O(entryCount); O(pages) for required flat fixed-width columns.
    static func pages(
        levels: LevelBuffers,
        entryCount: Int,
        values: PhysicalValues,
        maxDefinition: Int,
        maxRepetition: Int,
        pageSize: Int,
        maxRows: Int
    ) -> [PageSpan] {
        var pages: [PageSpan] = []
        if maxDefinition == 0 && maxRepetition == 0 && !values.isByteArray {
            let bitsPerValue = values.isBoolean ? 1 : 8 * values.width
            let perPage = max(1, min(maxRows, pageSize * 8 / max(1, bitsPerValue)))
            var start = 0
            while start < entryCount {
                let end = min(entryCount, start + perPage)
                pages.append(PageSpan(entries: start..<end, values: start..<end, firstRow: start, rowCount: end - start))
                start = end
            }
            return pages
        }
        let levelBits = bitWidth(forMax: UInt64(maxDefinition)) + bitWidth(forMax: UInt64(maxRepetition))
        let valueBits = values.isBoolean ? 1 : 8 * values.width
        let limit = pageSize * 8
        let present = UInt16(maxDefinition)
        let offsets = values.isByteArray ? values.offsets : nil
        levels.definition.withUnsafeBufferPointer { def in
            levels.repetition.withUnsafeBufferPointer { rep in
                var e = 0
                var v = 0
                var row = 0
                while e < entryCount {
                    let (e0, v0, r0) = (e, v, row)
                    var bits = 0
                    var rows = 0
                    while e < entryCount {
                        if maxRepetition == 0 || rep[e] == 0 {
                            if rows > 0 && (rows >= maxRows || bits >= limit) { break }
                            rows += 1
                        }
                        if maxDefinition == 0 || def[e] == present {
                            if let offsets {
                                bits += 8 * (4 + Int(offsets[v + 1] - offsets[v]))
                            } else {
                                bits += valueBits
                            }
                            v += 1
                        }
                        bits += levelBits
                        e += 1
                    }
                    row += rows
                    pages.append(PageSpan(entries: e0..<e, values: v0..<v, firstRow: r0, rowCount: rows))
                }
            }
        }
        return pages
    }
}
