import CLibPQ
import LagoaIngest

#if canImport(Glibc)
import Glibc
#endif

/// One libpq connection used by one thread: catalog queries with text results, and a
/// `COPY … TO STDOUT (FORMAT binary)` stream. TLS, Aurora endpoints and every libpq option come
/// from the URL (`?sslmode=require&sslrootcert=…`).
final class PGConnection {
    private(set) var handle: OpaquePointer?
    let displayName: String

    /// Connects to `url` (`postgresql://user@host:port/db?…`); `password`, when given, is passed
    /// as libpq's `password` keyword (never put into a URL or a message).
    init(url: String, password: String?, displayName: String) throws(IngestError) {
        self.displayName = displayName
        var keywords = ["connect_timeout", "application_name", "dbname"]
        var values = ["10", "lagoa-ingest", url]
        if let password {
            keywords.append("password")
            values.append(password)
        }
        let handle = Self.withCStrings(keywords) { k in Self.withCStrings(values) { v in PQconnectdbParams(k, v, 1) } }
        guard let handle else { throw IngestError(.connection, "cannot connect to \(displayName): out of memory") }
        guard PQstatus(handle) == CONNECTION_OK else {
            let detail = Self.message(handle)
            PQfinish(handle)
            throw IngestError(
                .connection,
                "cannot connect to \(displayName): \(detail); check host, port, database, user, the password (password_env or PGPASSWORD) and sslmode"
            )
        }
        PQsetNoticeProcessor(handle, { _, _ in }, nil)
        self.handle = handle
    }

    deinit { close() }

    func close() {
        if let handle { PQfinish(handle) }
        handle = nil
    }

    /// Rows of a catalog query, every value as text; parameters are bound, never spliced.
    func rows(_ sql: String, _ parameters: [String] = []) throws(IngestError) -> [[String?]] {
        guard let handle else { throw IngestError(.cancelled, "the connection to \(displayName) is closed") }
        let result = Self.withCStrings(parameters) { values in
            PQexecParams(handle, sql, Int32(parameters.count), nil, values, nil, nil, 0)
        }
        defer { PQclear(result) }
        guard let result, PQresultStatus(result) == PGRES_TUPLES_OK || PQresultStatus(result) == PGRES_COMMAND_OK else {
            throw failure(result, what: "query")
        }
        return (0..<PQntuples(result)).map { row in
            (0..<PQnfields(result)).map { column in
                PQgetisnull(result, row, column) == 1 ? nil : String(cString: PQgetvalue(result, row, column))
            }
        }
    }

    /// Runs a statement that starts a COPY OUT.
    func startCopy(_ sql: String) throws(IngestError) {
        guard let handle else { throw IngestError(.cancelled, "the connection to \(displayName) is closed") }
        let result = PQexec(handle, sql)
        defer { PQclear(result) }
        guard let result, PQresultStatus(result) == PGRES_COPY_OUT else { throw failure(result, what: "COPY") }
    }

    /// The next chunk of the COPY stream (one row in practice), or `nil` at its end. The buffer is
    /// valid until the next call.
    func copyChunk(_ buffer: inout UnsafeMutablePointer<CChar>?) throws(IngestError) -> Int? {
        guard let handle else { throw IngestError(.cancelled, "the connection to \(displayName) is closed") }
        if let old = buffer {
            PQfreemem(old)
            buffer = nil
        }
        let length = PQgetCopyData(handle, &buffer, 0)
        if length > 0 { return Int(length) }
        if length == -1 {
            // End of the copy: the command's final result tells whether it succeeded.
            while let result = PQgetResult(handle) {
                defer { PQclear(result) }
                if PQresultStatus(result) != PGRES_COMMAND_OK { throw failure(result, what: "COPY") }
            }
            return nil
        }
        throw failure(nil, what: "COPY")
    }

    /// Asks the server to stop the running statement (safe from another thread).
    func cancel() {
        guard let handle, let cancel = PQgetCancel(handle) else { return }
        var buffer = [CChar](repeating: 0, count: 256)
        _ = PQcancel(cancel, &buffer, 256)
        PQfreeCancel(cancel)
    }

    /// Whether the server connection broke.
    var isBroken: Bool { handle.map { PQstatus($0) != CONNECTION_OK } ?? true }

    func failure(_ result: OpaquePointer?, what: String) -> IngestError {
        let state = result.flatMap { PQresultErrorField($0, Int32(UInt8(ascii: "C"))) }.map { String(cString: $0) }
        let detail = result.flatMap { PQresultErrorMessage($0) }.map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 }
            ?? handle.map(Self.message) ?? "connection closed"
        let text = Self.trimmed(detail)
        if isBroken || state == "57P01" || state == "08006" || state == "08003" {
            return IngestError(.connectionLost, "the connection to \(displayName) broke during the \(what): \(text)")
        }
        if state == "57014" {
            return IngestError(.cancelled, "the \(what) on \(displayName) was cancelled")
        }
        return IngestError(.source, "PostgreSQL \(displayName) refused the \(what): \(text)\(state.map { " (SQLSTATE \($0))" } ?? "")")
    }

    static func message(_ handle: OpaquePointer) -> String { trimmed(String(cString: PQerrorMessage(handle))) }

    static func trimmed(_ text: String) -> String {
        var out = text
        while out.last == "\n" || out.last == " " { out.removeLast() }
        return out.split(separator: "\n").first.map(String.init) ?? out
    }

    static func withCStrings<T>(_ strings: [String], _ body: ([UnsafePointer<CChar>?]) -> T) -> T {
        let copies = strings.map { strdup($0) }
        defer { copies.forEach { free($0) } }
        return body(copies.map { UnsafePointer($0) } + [nil])
    }
}
