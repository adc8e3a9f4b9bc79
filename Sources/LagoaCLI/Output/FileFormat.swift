import ArgumentParser

/// A file format chosen from a path's extension.
enum FileFormat {
    case csv, jsonLines, parquet

    init(path: String) throws {
        let lower = path.lowercased()
        if lower.hasSuffix(".csv") {
            self = .csv
        } else if lower.hasSuffix(".jsonl") || lower.hasSuffix(".ndjson") || lower.hasSuffix(".json") {
            self = .jsonLines
        } else if lower.hasSuffix(".parquet") || lower.hasSuffix(".pq") {
            self = .parquet
        } else {
            throw ValidationError("cannot tell the format of '\(path)' from its extension; use .csv, .jsonl or .parquet")
        }
    }
}
