public import LagoaCSV
import LagoaJSON

/// The format of files read by ``FileTableSource``.
public enum FileFormat: Sendable {
    case parquet
    /// CSV with its reader options (header, delimiter, quoting, null strings).
    case csv(CSVReadOptions)
    /// JSON lines, or files holding one top-level JSON array of objects.
    case json

    /// The format implied by a file name's extension (`.parquet`, `.csv`, `.tsv`, `.json`,
    /// `.jsonl`, `.ndjson`), or `nil`.
    public static func fromExtension(_ path: String) -> FileFormat? {
        let lower = path.lowercased()
        if lower.hasSuffix(".parquet") || lower.hasSuffix(".pq") { return .parquet }
        if lower.hasSuffix(".csv") { return .csv(CSVReadOptions()) }
        if lower.hasSuffix(".tsv") { return .csv(CSVReadOptions(delimiter: "\t")) }
        if lower.hasSuffix(".json") || lower.hasSuffix(".jsonl") || lower.hasSuffix(".ndjson") { return .json }
        return nil
    }

    /// The table function that reads this format, for EXPLAIN.
    var functionName: String {
        switch self {
        case .parquet: "read_parquet"
        case .csv: "read_csv"
        case .json: "read_json"
        }
    }
}
