import LagoaColumnar

/// Chooses the row groups to read: those requested, minus those whose column statistics prove the
/// filter cannot match.
struct RowGroupPruner {
    let reader: ParquetFileReader

    func selectedRowGroups(_ options: ParquetReadOptions) throws(ParquetError) -> [Int] {
        let count = reader.metadata.rowGroups.count
        let requested = options.rowGroups ?? Array(0..<count)
        for g in requested where g < 0 || g >= count {
            throw ParquetError(.invalidArgument, "row group \(g) does not exist; the file has \(count) row groups")
        }
        guard let filter = options.filter else { return requested }
        return requested.filter { g in
            filter.mayMatch { name in statistics(rowGroup: g, column: name) }
        }
    }

    /// Statistics of the top-level primitive column `name` in row group `g`, if it has any.
    func statistics(rowGroup g: Int, column name: String) -> ColumnStatistics? {
        let schema = reader.schema
        guard let field = schema.arrowSchema.index(of: name), case .leaf(_, let leaf, _) = schema.shapes[field] else {
            return nil
        }
        let chunk = reader.metadata.rowGroups[g].columns[leaf]
        guard let meta = chunk.metaData else { return nil }
        return StatisticsDecoder.chunkStatistics(meta.statistics, schema.columns[leaf], valueCount: Int(meta.numValues))
    }
}

extension ParquetFileReader {
    /// The row groups ``batches(_:)`` would read with `options`: those requested (all by default)
    /// minus those whose statistics prove ``ParquetReadOptions/filter`` cannot match. Query engines
    /// use it to plan one scan partition per row group and to report how many were pruned.
    /// - Throws: ``ParquetError`` when a requested row group does not exist.
    public func selectedRowGroups(_ options: ParquetReadOptions) throws(ParquetError) -> [Int] {
        try RowGroupPruner(reader: self).selectedRowGroups(options)
    }
}
