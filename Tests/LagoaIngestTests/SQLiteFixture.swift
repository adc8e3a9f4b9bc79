import CSQLite
import LagoaTesting

/// A SQLite database file in a temporary folder that tests fill with SQL.
final class SQLiteFixture {
    let folder: String
    let path: String

    init() {
        folder = TestPaths.temporaryDirectory(prefix: "lagoa-ingest")
        path = folder + "/source.db"
    }

    deinit { TestPaths.remove(folder) }

    /// Runs `sql` (several statements allowed).
    func exec(_ sql: String) {
        var db: OpaquePointer?
        sqlite3_open(path, &db)
        defer { sqlite3_close(db) }
        var message: UnsafeMutablePointer<CChar>?
        if sqlite3_exec(db, sql, nil, nil, &message) != SQLITE_OK {
            let text = message.map { String(cString: $0) } ?? "?"
            sqlite3_free(message)
            fatalError("fixture SQL failed: \(text)\n\(sql)")
        }
    }
}
