import Foundation
import LagoaColumnar
public import LagoaIngest

/// Tables of a PostgreSQL database (Aurora PostgreSQL included), read with
/// `COPY (SELECT …) TO STDOUT (FORMAT binary)` over libpq: one consistent snapshot per table, the
/// server's fastest output path, decoded without a text round trip. Type mapping: ``PGValueKind``.
public struct PostgresSource: IngestSource {
    /// How unconstrained `numeric` columns are read.
    public enum UnconstrainedNumeric: Sendable {
        /// decimal(38, scale); a value needing more digits fails its table, naming the value.
        case decimal(scale: Int)
        /// The exact text.
        case string
    }

    let url: String
    let password: String?
    let numeric: UnconstrainedNumeric

    /// - Parameters:
    ///   - url: `postgresql://user@host:port/db?sslmode=…` (libpq's URI form).
    ///   - password: from the environment (`password_env`, `PGPASSWORD`); never logged.
    public init(url: String, password: String?, unconstrainedNumeric: UnconstrainedNumeric = .decimal(scale: 10)) {
        self.url = url
        self.password = password
        self.numeric = unconstrainedNumeric
    }

    /// The URL without a password.
    public var displayName: String {
        guard let at = url.lastIndex(of: "@"), let scheme = url.range(of: "://") else { return url }
        let user = url[scheme.upperBound..<at]
        guard let colon = user.firstIndex(of: ":") else { return url }
        return String(url[..<colon]) + String(url[at...])
    }

    func connect() throws(IngestError) -> PGConnection {
        try PGConnection(url: url, password: password, displayName: displayName)
    }

    public func listTables(schema: String?) throws(IngestError) -> [SourceTableName] {
        let connection = try connect()
        let rows = try connection.rows(
            """
            SELECT n.nspname, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f') AND NOT c.relispartition
              AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_toast%'
              AND ($1 = '' OR n.nspname = $1)
            ORDER BY 1, 2
            """,
            [schema ?? ""]
        )
        return rows.map { SourceTableName(schema: $0[0], name: $0[1] ?? "") }
    }

    public func describe(_ table: SourceTableName) throws(IngestError) -> SourceTableSchema {
        try describeColumns(table, connection: try connect()).schema
    }

    /// The columns with their decoders and whether the SELECT casts them to text.
    func describeColumns(_ table: SourceTableName, connection: PGConnection) throws(IngestError) -> (schema: SourceTableSchema, kinds: [PGValueKind], casts: [Bool]) {
        let schemaName = table.schema ?? "public"
        let rows = try connection.rows(
            """
            SELECT a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull, bt.typname, bt.typtype,
                   CASE WHEN t.typtype = 'd' THEN t.typtypmod ELSE a.atttypmod END, et.typname, et.typtype
            FROM pg_attribute a
            JOIN pg_class c ON c.oid = a.attrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            JOIN pg_type t ON t.oid = a.atttypid
            JOIN pg_type bt ON bt.oid = CASE WHEN t.typtype = 'd' THEN t.typbasetype ELSE t.oid END
            LEFT JOIN pg_type et0 ON et0.oid = bt.typelem AND bt.typcategory = 'A'
            LEFT JOIN pg_type et ON et.oid = CASE WHEN et0.typtype = 'd' THEN et0.typbasetype ELSE et0.oid END
            WHERE n.nspname = $1 AND c.relname = $2 AND a.attnum > 0 AND NOT a.attisdropped
            ORDER BY a.attnum
            """,
            [schemaName, table.name]
        )
        guard !rows.isEmpty else {
            let known = try listTables(schema: schemaName).map(\.name)
            throw IngestError(.notFound, "table '\(schemaName).\(table.name)' does not exist in \(displayName) (tables in \(schemaName): \(known.joined(separator: ", ")))")
        }
        var columns: [SourceColumn] = [], kinds: [PGValueKind] = [], casts: [Bool] = []
        let mode: PGValueKind.UnconstrainedNumeric = switch numeric {
        case .decimal(let scale): .decimal(scale: scale)
        case .string: .string
        }
        for row in rows {
            let element = row[6].map { (name: $0, type: row[7] ?? "b") }
            let (kind, cast) = PGValueKind.of(typeName: row[3] ?? "", typeType: row[4] ?? "b", typmod: Int(row[5] ?? "-1") ?? -1, element: element, numeric: mode)
            columns.append(SourceColumn(name: row[0] ?? "", sourceType: row[1] ?? "", type: kind.dataType, sourceNullable: row[2] != "t"))
            kinds.append(kind)
            casts.append(cast)
        }
        return (SourceTableSchema(columns), kinds, casts)
    }

    public func open(_ request: ExtractRequest) throws(IngestError) -> any SourceCursor {
        let connection = try connect()
        let (full, kinds, casts) = try describeColumns(request.table, connection: connection)
        var selected: [String] = [], chosenKinds: [PGValueKind] = []
        for column in request.schema.columns {
            guard let index = full.columns.firstIndex(where: { $0.name == column.name }) else {
                throw IngestError(.schemaDrift, "column '\(column.name)' of \(request.table) disappeared while the run started; run it again")
            }
            let name = Self.quote(column.name)
            selected.append(casts[index] ? "format('%s', \(name))" : name)  // the type's own output text
            chosenKinds.append(kinds[index])
        }
        var sql = "COPY (SELECT \(selected.joined(separator: ", ")) FROM \(Self.quote(request.table.schema ?? "public")).\(Self.quote(request.table.name))"
        if let bound = request.cursor {
            guard let column = full.columns.first(where: { $0.name == bound.column }) else {
                throw IngestError(.notFound, "cursor column '\(bound.column)' is not a column of \(request.table)")
            }
            sql += " WHERE \(Self.quote(bound.column)) \(bound.inclusive ? ">=" : ">") \(try Self.literal(bound.value, type: column.sourceType))"
        }
        sql += ") TO STDOUT (FORMAT binary)"
        return try PostgresCursor(connection: connection, sql: sql, request: request, kinds: chosenKinds)
    }

    static func quote(_ name: String) -> String {
        "\"" + name.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
    }

    /// A cursor bound as a SQL literal cast to the column's type (COPY takes no parameters).
    static func literal(_ value: Value, type: String) throws(IngestError) -> String {
        let text: String
        switch value {
        case .int(let v): text = "\(v)"
        case .uint(let v): text = "\(v)"
        case .double(let v): text = "\(v)"
        case .decimal(let v, let s): text = TemporalFormat.decimal(v, scale: s)
        case .date(let d): text = TemporalFormat.date(Int64(d))
        case .timestamp(let v, let unit, let zone):
            let stamp = TemporalFormat.timestamp(v, unit, utc: zone != nil, separator: " ")
            text = stamp.hasSuffix("Z") ? String(stamp.dropLast()) + "+00" : stamp
        case .string(let s): text = s
        default: throw IngestError(.configuration, "a \(value) cannot be an incremental cursor; use an integer, numeric, date, timestamp or text column")
        }
        return "'" + text.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "''") + "'::" + type
    }
}
