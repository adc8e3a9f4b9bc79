import ArgumentParser

/// How `lagoa query` and `lagoa sql` print results.
enum ResultFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
    /// Aligned table with column types, row count and elapsed time (for people).
    case table
    /// Header row, NULL as an empty field, exact decimals, shortest round-trip floats, ISO-8601.
    case csv
    /// One JSON array of objects.
    case json
    /// One JSON object per line.
    case jsonl
    /// A Parquet file (needs --output).
    case parquet
}
