import CSQLite
import Foundation

/// Writes the demo's databases as SQLite files, one per domain (`sales.db`, …), with prepared
/// statements inside one transaction per batch (fast, and all-or-nothing).
public final class SQLiteDemoSink: DemoSink {
    public let folder: String
    private var handles: [String: OpaquePointer] = [:]

    /// Opens (creating) `folder/<domain>.db` files.
    public init(folder: String) throws(DemoError) {
        self.folder = folder
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw DemoError("cannot create \(folder): \(error)")
        }
    }

    deinit {
        for handle in handles.values { sqlite3_close_v2(handle) }
    }

    /// The file of `domain`.
    public func path(_ domain: String) -> String { folder + "/\(domain).db" }

    private func db(_ domain: String) throws(DemoError) -> OpaquePointer {
        if let open = handles[domain] { return open }
        var handle: OpaquePointer?
        guard sqlite3_open(path(domain), &handle) == SQLITE_OK, let handle else {
            throw DemoError("cannot open \(path(domain))")
        }
        sqlite3_exec(handle, "PRAGMA journal_mode = WAL; PRAGMA synchronous = OFF", nil, nil, nil)
        handles[domain] = handle
        return handle
    }

    public func execute(_ sql: String, domain: String) throws(DemoError) {
        let handle = try db(domain)
        var message: UnsafeMutablePointer<CChar>?
        guard sqlite3_exec(handle, sql, nil, nil, &message) == SQLITE_OK else {
            let text = message.map { String(cString: $0) } ?? "?"
            sqlite3_free(message)
            throw DemoError("\(path(domain)): \(text) in: \(sql.prefix(120))")
        }
    }

    public func insert(_ rows: [[DemoCell]], into table: String, domain: String) throws(DemoError) {
        guard let width = rows.first?.count else { return }
        let handle = try db(domain)
        try execute("BEGIN", domain: domain)
        var statement: OpaquePointer?
        let sql = "INSERT INTO \(table) VALUES (\(Array(repeating: "?", count: width).joined(separator: ", ")))"
        guard sqlite3_prepare_v2(handle, sql, -1, &statement, nil) == SQLITE_OK, let statement else {
            throw DemoError("\(path(domain)): cannot prepare \(sql): \(String(cString: sqlite3_errmsg(handle)))")
        }
        defer { sqlite3_finalize(statement) }
        let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
        for row in rows {
            for (i, cell) in row.enumerated() {
                let index = Int32(i + 1)
                switch cell {
                case .int(let v): sqlite3_bind_int64(statement, index, v)
                case .real(let v): sqlite3_bind_double(statement, index, v)
                case .text(let v): sqlite3_bind_text(statement, index, v, -1, transient)
                case .null: sqlite3_bind_null(statement, index)
                }
            }
            guard sqlite3_step(statement) == SQLITE_DONE else {
                let text = String(cString: sqlite3_errmsg(handle))
                _ = try? execute("ROLLBACK", domain: domain)
                throw DemoError("\(path(domain)): inserting into \(table): \(text)")
            }
            sqlite3_reset(statement)
        }
        try execute("COMMIT", domain: domain)
    }
}
