import Foundation

/// One query's answer from `duckdb_oracle.py run`: columns with DuckDB type names and typed rows.
struct OracleResult: Sendable {
    var id: String
    var columnNames: [String]
    var columnTypes: [String]
    var rows: [[CanonicalValue]]
    var error: String?

    /// Decodes one JSON line (see the script's documentation for the value encoding).
    init(jsonLine: String) throws {
        guard let object = try JSONSerialization.jsonObject(with: Data(jsonLine.utf8)) as? [String: Any],
            let id = object["id"] as? String
        else {
            throw InteropFailure("duckdb_oracle.py printed a line that is not a result object: \(jsonLine.prefix(200))")
        }
        self.id = id
        error = object["error"] as? String
        let columns = object["columns"] as? [[String: Any]] ?? []
        columnNames = columns.map { $0["name"] as? String ?? "?" }
        columnTypes = columns.map { $0["type"] as? String ?? "?" }
        let types = columnTypes
        rows = (object["rows"] as? [[Any]] ?? []).map { row in
            row.enumerated().map { CanonicalValue(duckDB: $0.element, type: $0.offset < types.count ? types[$0.offset] : "?") }
        }
    }
}
