import LagoaColumnar
import LagoaIceberg
import LagoaParquet

/// Row-group pruning inside the Parquet data files of an Iceberg scan: after Iceberg has pruned
/// whole files by partition values and file-level bounds, each remaining file's footer is read
/// and the row groups whose min/max statistics rule out the pushed filters are skipped.
///
/// Iceberg matches columns by field id, not by name (a column may have been renamed since the file
/// was written), so the filter's column names are translated to the file's names through the field
/// ids; conjuncts on columns the file lacks are dropped (an OR needs all of its parts).
struct IcebergRowGroupPruning {
    /// The filter over the table's current column names.
    let filter: ParquetFilter
    /// Field id of each current column name.
    let fieldIDs: [String: Int]

    /// The row groups of `task`'s file that may hold matching rows, as contiguous runs, and the
    /// file's row group count; `nil` when the file is not Parquet or cannot be opened here (the
    /// reader then reads it whole and reports any error itself).
    func runs(for task: FileScanTask, io: FileIO) async -> (runs: [Range<Int>], total: Int)? {
        guard task.file.fileFormat.uppercased() == "PARQUET",
              let source = try? io.source(task.file.filePath, size: task.file.fileSizeInBytes),
              let reader = try? await ParquetFileReader(source: source) else { return nil }
        var names: [Int: String] = [:]
        for field in reader.schema.arrowSchema.fields {
            if let id = field.id { names[Int(id)] = field.name }
        }
        let total = reader.metadata.rowGroups.count
        guard let fileFilter = filter.mappingColumns({ fieldIDs[$0].flatMap { names[$0] } }) else { return ([0..<total], total) }
        var options = ParquetReadOptions()
        options.filter = fileFilter
        guard let selected = try? reader.selectedRowGroups(options) else { return nil }
        return (Self.contiguousRuns(selected), total)
    }

    /// Sorted indices as runs of consecutive values: [0, 1, 2, 5, 6] → [0..<3, 5..<7].
    static func contiguousRuns(_ indices: [Int]) -> [Range<Int>] {
        var runs: [Range<Int>] = []
        for i in indices {
            if let last = runs.last, last.upperBound == i {
                runs[runs.count - 1] = last.lowerBound..<(i + 1)
            } else {
                runs.append(i..<(i + 1))
            }
        }
        return runs
    }

    /// Splits the longest runs in half until there are `target` runs or every run is one group.
    static func split(_ runs: [Range<Int>], into target: Int) -> [Range<Int>] {
        var result = runs
        while result.count < target, let longest = result.indices.max(by: { result[$0].count < result[$1].count }), result[longest].count > 1 {
            let run = result[longest]
            let middle = run.lowerBound + run.count / 2
            result.replaceSubrange(longest...longest, with: [run.lowerBound..<middle, middle..<run.upperBound])
        }
        return result
    }
}
