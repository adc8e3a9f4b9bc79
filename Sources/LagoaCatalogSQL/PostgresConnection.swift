import CLibPQ
import LagoaIceberg

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A connection to a PostgreSQL server over Debian's `libpq`, blocking, not thread-safe:
/// ``PostgresCatalogStore`` uses it from one serial queue.
///
/// Statements go through `PQexecParams` with text parameters (never spliced into SQL). Errors carry
/// the SQLSTATE and name the server by ``PostgresURL/redacted``, never with the password.
final class PostgresConnection: SQLSession {
    let url: PostgresURL
    private var connection: OpaquePointer?

    /// Connects; `connect_timeout` defaults to 10 s unless the URL sets it.
    init(url: PostgresURL) throws(IcebergError) {
        self.url = url
        let keywords = ["connect_timeout", "dbname"]
        let values = ["10", url.connectionString]
        let connection = withCStrings(keywords) { keywordPointers in
            withCStrings(values) { valuePointers in
                PQconnectdbParams(keywordPointers, valuePointers, 1)
            }
        }
        guard let connection else {
            throw IcebergError(.io, "cannot connect to PostgreSQL catalog '\(url.redacted)': out of memory")
        }
        self.connection = connection
        guard PQstatus(connection) == CONNECTION_OK else {
            let detail = url.scrub(Self.trimmed(String(cString: PQerrorMessage(connection))))
            PQfinish(connection)
            self.connection = nil
            throw IcebergError(
                .io,
                "cannot connect to PostgreSQL catalog '\(url.redacted)': \(detail)",
                cause: SQLDatabaseFailure(kind: .connectionLost, code: "connection", detail: detail)
            )
        }
        // Drop NOTICEs (e.g. "relation already exists, skipping"); libpq would print them to stderr.
        PQsetNoticeProcessor(connection, { _, _ in }, nil)
    }

    deinit { close() }

    func close() {
        if let connection { PQfinish(connection) }
        connection = nil
    }

    /// Whether the server connection broke (the server restarted, or an admin ended the session).
    var isBroken: Bool {
        guard let connection else { return false }
        return PQstatus(connection) != CONNECTION_OK
    }

    /// Reconnects with the same parameters. - Returns: whether the new connection is usable.
    func reset() -> Bool {
        guard let connection else { return false }
        PQreset(connection)
        return PQstatus(connection) == CONNECTION_OK
    }

    // MARK: Statements

    func rows(_ sql: String, _ parameters: [String]) throws(IcebergError) -> [[String?]] {
        try execute(sql, parameters) { result in
            let count = PQntuples(result)
            let columns = PQnfields(result)
            return (0..<count).map { row in
                (0..<columns).map { column -> String? in
                    PQgetisnull(result, row, column) == 1 ? nil : String(cString: PQgetvalue(result, row, column))
                }
            }
        }
    }

    @discardableResult
    func run(_ sql: String, _ parameters: [String]) throws(IcebergError) -> Int {
        try execute(sql, parameters) { result in
            Int(String(cString: PQcmdTuples(result))) ?? 0
        }
    }

    /// Runs `sql` with `?` placeholders rewritten to `$1, $2, …` and reads the result with `read`.
    private func execute<Value>(
        _ sql: String,
        _ parameters: [String],
        _ read: (OpaquePointer) -> Value
    ) throws(IcebergError) -> Value {
        guard let connection else {
            throw IcebergError(.io, "PostgreSQL catalog '\(url.redacted)' is closed; open a new store")
        }
        let text = Self.numberedPlaceholders(sql)
        let result = withCStrings(parameters) { values in
            PQexecParams(connection, text, Int32(parameters.count), nil, values, nil, nil, 0)
        }
        defer { PQclear(result) }
        guard let result else { throw failure(nil, sql) }
        let status = PQresultStatus(result)
        guard status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK else { throw failure(result, sql) }
        return read(result)
    }

    /// Runs `body` in a transaction (READ COMMITTED, the server default). A read whose connection
    /// broke is retried once on a fresh connection; a write is retried only when the break
    /// happened at `BEGIN`, before anything was sent.
    func transaction<Value>(
        write: Bool,
        _ body: (PostgresConnection) throws(IcebergError) -> Value
    ) throws(IcebergError) -> Value {
        var attemptsLeft = 2
        while true {
            attemptsLeft -= 1
            var began = false
            do {
                try run("BEGIN", [])
                began = true
                let value = try body(self)
                try run("COMMIT", [])
                return value
            } catch {
                let lost = error.databaseFailureKind == .connectionLost || isBroken
                if !lost { _ = try? run("ROLLBACK", []) }
                guard lost, attemptsLeft > 0, !write || !began, reset() else { throw error }
            }
        }
    }

    /// The `.io` error for a failed statement (`result` nil when libpq returned none).
    private func failure(_ result: OpaquePointer?, _ sql: String) -> IcebergError {
        let state = result.flatMap { PQresultErrorField($0, Int32(UInt8(ascii: "C"))) }.map { String(cString: $0) } ?? ""
        var detail = result.flatMap { PQresultErrorField($0, Int32(UInt8(ascii: "M"))) }.map { String(cString: $0) }
            ?? Self.trimmed(connection.map { String(cString: PQerrorMessage($0)) } ?? "")
        detail = url.scrub(detail)
        let kind: SQLDatabaseFailure.Kind
        if state == "23505" {
            kind = .uniqueViolation
        } else if isBroken || state.hasPrefix("08") || state == "57P01" {
            kind = .connectionLost
        } else {
            kind = .other
        }
        let statement = sql.split(separator: " ", maxSplits: 2).prefix(2).joined(separator: " ")
        let sqlState = state.isEmpty ? "" : " (SQLSTATE \(state))"
        let message = kind == .connectionLost
            ? "lost the connection to PostgreSQL catalog '\(url.redacted)' during \(statement): \(detail)"
            : "PostgreSQL catalog '\(url.redacted)': \(statement) failed: \(detail)\(sqlState)"
        return IcebergError(
            .io,
            message,
            cause: SQLDatabaseFailure(kind: kind, code: state.isEmpty ? "libpq" : state, detail: detail)
        )
    }

    /// `?` → `$1`, `$2`, … (the catalog's statements have no `?` inside literals).
    static func numberedPlaceholders(_ sql: String) -> String {
        var result = ""
        var number = 0
        for character in sql {
            if character == "?" {
                number += 1
                result += "$\(number)"
            } else {
                result.append(character)
            }
        }
        return result
    }

    private static func trimmed(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).map { $0.trimmingPrefix(while: \.isWhitespace) }.joined(separator: " ")
    }
}

/// Calls `body` with NUL-terminated copies of `strings` (plus a trailing NULL entry), freed afterwards.
private func withCStrings<Value>(
    _ strings: [String],
    _ body: ([UnsafePointer<CChar>?]) -> Value
) -> Value {
    let copies = strings.map { strdup($0) }
    defer { copies.forEach { free($0) } }
    return body(copies.map { UnsafePointer($0) } + [nil])
}
