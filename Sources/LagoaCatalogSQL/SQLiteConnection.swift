import CSQLite
import LagoaIceberg

/// A connection to one SQLite database file over Debian's `libsqlite3`.
///
/// Not thread-safe (opened with `SQLITE_OPEN_NOMUTEX`): ``SQLiteCatalogStore`` uses it from one
/// serial queue. The database runs in WAL mode (readers never block the writer) with a busy
/// timeout, and writes start with `BEGIN IMMEDIATE`, which takes the write lock up front: writers in
/// other processes then wait for each other (up to the timeout) instead of failing halfway through.
final class SQLiteConnection: SQLSession {
    /// The database file, named in every error.
    let path: String
    private let busyTimeoutMilliseconds: Int32
    private var handle: OpaquePointer?
    /// `SQLITE_CONSTRAINT_PRIMARYKEY` and `SQLITE_CONSTRAINT_UNIQUE` (macros Swift does not import).
    private let constraintPrimaryKey = SQLITE_CONSTRAINT | (6 << 8)
    private let constraintUnique = SQLITE_CONSTRAINT | (8 << 8)

    /// Opens (creating if needed) the database at `path`.
    init(path: String, busyTimeoutMilliseconds: Int32) throws(IcebergError) {
        self.path = path
        self.busyTimeoutMilliseconds = busyTimeoutMilliseconds
        var db: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
        let status = sqlite3_open_v2(path, &db, flags, nil)
        guard status == SQLITE_OK, let db else {
            let detail = db.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            sqlite3_close_v2(db)
            throw IcebergError(
                .io,
                "cannot open SQLite catalog '\(path)': \(detail); check that the folder exists and is writable",
                cause: SQLDatabaseFailure(kind: .other, code: "SQLITE \(status)", detail: detail)
            )
        }
        handle = db
        sqlite3_extended_result_codes(db, 1)
        sqlite3_busy_timeout(db, busyTimeoutMilliseconds)
        _ = try rows("PRAGMA journal_mode = WAL", [])
    }

    deinit { close() }

    func close() {
        if let handle { sqlite3_close_v2(handle) }
        handle = nil
    }

    // MARK: Statements

    func rows(_ sql: String, _ parameters: [String]) throws(IcebergError) -> [[String?]] {
        var result: [[String?]] = []
        try withStatement(sql, parameters) { statement in
            let columns = sqlite3_column_count(statement)
            result.append(
                (0..<columns).map { column in
                    sqlite3_column_text(statement, column).map { String(cString: $0) }
                }
            )
        }
        return result
    }

    @discardableResult
    func run(_ sql: String, _ parameters: [String]) throws(IcebergError) -> Int {
        try withStatement(sql, parameters) { _ in }
        return Int(sqlite3_changes(try open()))
    }

    /// Prepares `sql`, binds `parameters` as text, steps through every row calling `row`.
    private func withStatement(
        _ sql: String,
        _ parameters: [String],
        _ row: (OpaquePointer) -> Void
    ) throws(IcebergError) {
        let db = try open()
        var statement: OpaquePointer?
        var status = sqlite3_prepare_v2(db, sql, -1, &statement, nil)
        guard status == SQLITE_OK, let statement else { throw failure(status, sql) }
        defer { sqlite3_finalize(statement) }
        // SQLITE_TRANSIENT: SQLite copies the text before the Swift string's buffer goes away.
        let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
        for (index, value) in parameters.enumerated() {
            status = sqlite3_bind_text(statement, Int32(index + 1), value, -1, transient)
            guard status == SQLITE_OK else { throw failure(status, sql) }
        }
        while true {
            status = sqlite3_step(statement)
            if status == SQLITE_ROW {
                row(statement)
            } else if status == SQLITE_DONE {
                return
            } else {
                throw failure(status, sql)
            }
        }
    }

    /// Runs `body` in a transaction: `BEGIN IMMEDIATE` for writes, `BEGIN` (deferred) for reads;
    /// commits when it returns, rolls back when it throws.
    func transaction<Result>(
        write: Bool,
        _ body: (SQLiteConnection) throws(IcebergError) -> Result
    ) throws(IcebergError) -> Result {
        try run(write ? "BEGIN IMMEDIATE" : "BEGIN", [])
        let result: Result
        do {
            result = try body(self)
            try run("COMMIT", [])
        } catch {
            _ = try? run("ROLLBACK", [])
            throw error
        }
        return result
    }

    private func open() throws(IcebergError) -> OpaquePointer {
        guard let handle else {
            throw IcebergError(.io, "SQLite catalog '\(path)' is closed; open a new store")
        }
        return handle
    }

    /// The `.io` error for result code `status` of statement `sql`.
    private func failure(_ status: Int32, _ sql: String) -> IcebergError {
        let code = handle.map { sqlite3_extended_errcode($0) } ?? status
        let detail = handle.map { String(cString: sqlite3_errmsg($0)) } ?? String(cString: sqlite3_errstr(status))
        let primary = code & 0xFF
        let kind: SQLDatabaseFailure.Kind
        let message: String
        let statement = sql.split(separator: " ", maxSplits: 2).prefix(2).joined(separator: " ")
        switch primary {
        case SQLITE_BUSY, SQLITE_LOCKED:
            kind = .busy
            let seconds = Double(busyTimeoutMilliseconds) / 1000
            message = "SQLite catalog '\(path)' is locked by another writer and stayed locked for the whole "
                + "busy timeout (\(seconds) s); retry later, or look for a process holding a long write transaction"
        case SQLITE_CONSTRAINT where code == constraintPrimaryKey || code == constraintUnique:
            kind = .uniqueViolation
            message = "SQLite catalog '\(path)': \(statement) failed: \(detail)"
        default:
            kind = .other
            message = "SQLite catalog '\(path)': \(statement) failed: \(detail)"
        }
        return IcebergError(.io, message, cause: SQLDatabaseFailure(kind: kind, code: "SQLITE \(code)", detail: detail))
    }
}
