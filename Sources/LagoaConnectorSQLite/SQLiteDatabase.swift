import CSQLite
import LagoaCore
import LagoaIngest

/// One read-only connection to a SQLite file, used from one thread at a time.
final class SQLiteDatabase {
    let path: String
    private(set) var handle: OpaquePointer?

    /// Opens `path` read-only (the file must exist; Lagoa never creates or changes a source).
    /// - Throws: ``IngestError/Code/connection`` naming the file and SQLite's reason.
    init(path: String) throws(IngestError) {
        self.path = path
        var db: OpaquePointer?
        let status = sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nil)
        guard status == SQLITE_OK, let db else {
            let detail = db.map { String(cString: sqlite3_errmsg($0)) } ?? String(cString: sqlite3_errstr(status))
            sqlite3_close_v2(db)
            throw IngestError(.connection, "cannot open SQLite database '\(path)': \(detail); check the path (sqlite:PATH) and that the file is readable")
        }
        handle = db
        sqlite3_busy_timeout(db, 30_000)
    }

    deinit { close() }

    func close() {
        if let handle { sqlite3_close_v2(handle) }
        handle = nil
    }

    /// Interrupts a running statement from another thread.
    func interrupt() {
        if let handle { sqlite3_interrupt(handle) }
    }

    /// Prepares `sql`; the caller finalizes the statement.
    func prepare(_ sql: String) throws(IngestError) -> OpaquePointer {
        guard let handle else { throw IngestError(.cancelled, "the SQLite connection to '\(path)' is closed") }
        var statement: OpaquePointer?
        let status = sqlite3_prepare_v2(handle, sql, -1, &statement, nil)
        guard status == SQLITE_OK, let statement else { throw failure(status, sql) }
        return statement
    }

    /// Every row of a query whose columns are all read as text (catalog queries).
    func textRows(_ sql: String, _ parameters: [String] = []) throws(IngestError) -> [[String?]] {
        let statement = try prepare(sql)
        defer { sqlite3_finalize(statement) }
        let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
        for (index, value) in parameters.enumerated() {
            sqlite3_bind_text(statement, Int32(index + 1), value, -1, transient)
        }
        var rows: [[String?]] = []
        while true {
            let status = sqlite3_step(statement)
            if status == SQLITE_DONE { return rows }
            guard status == SQLITE_ROW else { throw failure(status, sql) }
            rows.append((0..<sqlite3_column_count(statement)).map { sqlite3_column_text(statement, $0).map { String(cString: $0) } })
        }
    }

    func failure(_ status: Int32, _ sql: String) -> IngestError {
        let detail = handle.map { String(cString: sqlite3_errmsg($0)) } ?? String(cString: sqlite3_errstr(status))
        if status == SQLITE_INTERRUPT {
            return IngestError(.cancelled, "reading '\(path)' was cancelled")
        }
        return IngestError(.source, "SQLite '\(path)': \(detail)", context: [.init("statement", String(sql.prefix(200)))])
    }
}

/// `"name"` with embedded quotes doubled.
func quoteIdentifier(_ name: String) -> String {
    "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
}

extension String {
    fileprivate func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: Character(target), omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
