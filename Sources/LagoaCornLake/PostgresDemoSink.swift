import CLibPQ

#if canImport(Glibc)
import Glibc
#endif

/// Writes the demo's databases into one PostgreSQL database, a schema per domain, with
/// `COPY … FROM STDIN` (text format).
public final class PostgresDemoSink: DemoSink {
    private var handle: OpaquePointer?
    private let displayName: String
    private var created: Set<String> = []

    /// Connects to `url` (libpq form); `password` is passed apart from it.
    public init(url: String, password: String?, displayName: String) throws(DemoError) {
        self.displayName = displayName
        var keywords = ["dbname"], values = [url]
        if let password {
            keywords.append("password")
            values.append(password)
        }
        let copiesK = keywords.map { strdup($0) }, copiesV = values.map { strdup($0) }
        defer { (copiesK + copiesV).forEach { free($0) } }
        let handle = PQconnectdbParams(copiesK.map { UnsafePointer($0) } + [nil], copiesV.map { UnsafePointer($0) } + [nil], 1)
        guard let handle, PQstatus(handle) == CONNECTION_OK else {
            let detail = handle.map { String(cString: PQerrorMessage($0)) } ?? "out of memory"
            PQfinish(handle)
            throw DemoError("cannot connect to \(displayName): \(detail)")
        }
        PQsetNoticeProcessor(handle, { _, _ in }, nil)
        self.handle = handle
    }

    deinit { PQfinish(handle) }

    private func run(_ sql: String) throws(DemoError) {
        let result = PQexec(handle, sql)
        defer { PQclear(result) }
        let status = PQresultStatus(result)
        guard status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK else {
            throw DemoError("\(displayName): \(String(cString: PQerrorMessage(handle))) in: \(sql.prefix(120))")
        }
    }

    /// SQLite's DDL as PostgreSQL takes it (DATETIME is `timestamp` there).
    static func translate(_ sql: String) -> String {
        sql.split(separator: " ", omittingEmptySubsequences: false).map { word in
            word == "DATETIME," ? "timestamp," : word == "DATETIME)" ? "timestamp)" : String(word)
        }.joined(separator: " ")
    }

    public func execute(_ sql: String, domain: String) throws(DemoError) {
        if !created.contains(domain) {
            try run("DROP SCHEMA IF EXISTS \(domain) CASCADE; CREATE SCHEMA \(domain)")
            created.insert(domain)
        }
        try run("SET search_path TO \(domain); " + Self.translate(sql))
    }

    public func insert(_ rows: [[DemoCell]], into table: String, domain: String) throws(DemoError) {
        let start = PQexec(handle, "COPY \(domain).\(table) FROM STDIN")
        let status = PQresultStatus(start)
        PQclear(start)
        guard status == PGRES_COPY_IN else {
            throw DemoError("\(displayName): cannot start COPY into \(domain).\(table): \(String(cString: PQerrorMessage(handle)))")
        }
        var text = ""
        text.reserveCapacity(rows.count * 64)
        for row in rows {
            for (i, cell) in row.enumerated() {
                if i > 0 { text += "\t" }
                switch cell {
                case .int(let v): text += "\(v)"
                case .real(let v): text += "\(v)"
                case .text(let v): text += Self.escape(v)
                case .null: text += "\\N"
                }
            }
            text += "\n"
        }
        var bytes = Array(text.utf8)
        let sent = bytes.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { PQputCopyData(handle, $0, Int32(buffer.count)) }
        }
        guard sent == 1, PQputCopyEnd(handle, nil) == 1 else { throw DemoError("\(displayName): COPY into \(domain).\(table) failed: \(String(cString: PQerrorMessage(handle)))") }
        while let result = PQgetResult(handle) {
            defer { PQclear(result) }
            guard PQresultStatus(result) == PGRES_COMMAND_OK else {
                throw DemoError("\(displayName): COPY into \(domain).\(table) failed: \(String(cString: PQresultErrorMessage(result)))")
            }
        }
    }

    /// COPY text format: backslash, tab, newline and carriage return escaped.
    static func escape(_ text: String) -> String {
        guard text.contains(where: { $0 == "\\" || $0 == "\t" || $0 == "\n" || $0 == "\r" }) else { return text }
        var out = ""
        for c in text {
            switch c {
            case "\\": out += "\\\\"
            case "\t": out += "\\t"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            default: out.append(c)
            }
        }
        return out
    }
}
