import LagoaCore
import LagoaColumnar

/// Finds, from the page index, the rows of a row group a filter cannot rule out.
struct PageSelector {
    let reader: ParquetFileReader
    let rowGroup: Int

    /// Candidate rows, or `nil` when the page index cannot narrow anything down.
    func candidateRows(_ filter: ParquetFilter) async throws -> RowRanges? {
        let rows = Int(reader.metadata.rowGroups[rowGroup].numRows)
        let result = try await evaluate(filter, rows: rows)
        guard let result, result != RowRanges.all(rows) else { return nil }
        return result
    }

    private func evaluate(_ filter: ParquetFilter, rows: Int) async throws -> RowRanges? {
        switch filter {
        case .and(let parts):
            var result: RowRanges? = nil
            for part in parts {
                guard let ranges = try await evaluate(part, rows: rows) else { continue }
                result = result.map { $0.intersection(ranges) } ?? ranges
            }
            return result
        case .or(let parts):
            var result = RowRanges([])
            for part in parts {
                guard let ranges = try await evaluate(part, rows: rows) else { return nil }
                result = result.union(ranges)
            }
            return result
        case .compare(let column, _, _), .isNull(let column), .isNotNull(let column):
            return try await leafRanges(filter, column: column, rows: rows)
        }
    }

    private func leafRanges(_ filter: ParquetFilter, column: String, rows: Int) async throws -> RowRanges? {
        let schema = reader.schema
        guard let field = schema.arrowSchema.index(of: column), case .leaf(_, let leaf, _) = schema.shapes[field] else { return nil }
        let descriptor = schema.columns[leaf]
        let chunk = reader.metadata.rowGroups[rowGroup].columns[leaf]
        let location = ChunkLocation(file: reader.source.name, rowGroup: rowGroup, column: descriptor.dottedPath)
        guard let index = try await ChunkPageIndex.read(chunk, from: reader, withColumnIndex: true, location: location),
              let columnIndex = index.columns
        else { return nil }
        var selected: [Range<Int>] = []
        for p in index.offsets.pageLocations.indices {
            let pageRows = index.rows(ofPage: p, rowGroupRows: rows)
            var stats = ColumnStatistics(nullCount: columnIndex.nullCounts.map { Int($0[p]) }, valueCount: pageRows.count)
            if columnIndex.nullPages[p] {
                stats.nullCount = pageRows.count
            } else {
                stats.min = StatisticsDecoder.value(columnIndex.minValues[p], descriptor)
                stats.max = StatisticsDecoder.value(columnIndex.maxValues[p], descriptor)
            }
            if filter.mayMatch({ $0 == column ? stats : nil }) { selected.append(pageRows) }
        }
        return RowRanges(selected)
    }
}
