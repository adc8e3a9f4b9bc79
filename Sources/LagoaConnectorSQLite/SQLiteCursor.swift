import CSQLite
import LagoaColumnar
import LagoaCore
import LagoaIngest
import Synchronization

/// Streams the rows of one SQLite table into batches, converting each value to its column's type.
final class SQLiteCursor: SourceCursor {
    private let db: SQLiteDatabase
    private var statement: OpaquePointer?
    private let request: ExtractRequest
    private let types: [DataType]
    private var rowNumber = 0
    private let closed = Atomic<Bool>(false)

    init(path: String, request: ExtractRequest) throws(IngestError) {
        db = try SQLiteDatabase(path: path)
        self.request = request
        types = request.schema.columns.map(\.type)
        let columns = request.schema.columns.map { quoteIdentifier($0.name) }.joined(separator: ", ")
        var sql = "SELECT \(columns) FROM \(quoteIdentifier(request.table.name))"
        if let bound = request.cursor {
            sql += " WHERE \(quoteIdentifier(bound.column)) \(bound.inclusive ? ">=" : ">") ?"
        }
        let statement = try db.prepare(sql)
        self.statement = statement
        if let bound = request.cursor {
            try Self.bind(bound.value, to: statement, db: db, sql: sql)
        }
    }

    deinit {
        if let statement { sqlite3_finalize(statement) }
    }

    /// Binds a cursor bound as SQLite stores the column's values (dates and timestamps as ISO text).
    private static func bind(_ value: Value, to statement: OpaquePointer, db: SQLiteDatabase, sql: String) throws(IngestError) {
        let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
        switch value {
        case .int(let v): sqlite3_bind_int64(statement, 1, v)
        case .double(let v): sqlite3_bind_double(statement, 1, v)
        case .decimal(let v, let scale): sqlite3_bind_text(statement, 1, TemporalFormat.decimal(v, scale: scale), -1, transient)
        case .date(let d): sqlite3_bind_text(statement, 1, TemporalFormat.date(Int64(d)), -1, transient)
        case .timestamp(let v, let unit, _): sqlite3_bind_text(statement, 1, TemporalFormat.timestamp(v, unit, utc: false, separator: " "), -1, transient)
        case .string(let s): sqlite3_bind_text(statement, 1, s, -1, transient)
        default: throw IngestError(.configuration, "a \(value) cannot be an incremental cursor; use an integer, date, timestamp or text column")
        }
    }

    func next() throws(IngestError) -> RecordBatch? {
        guard let statement, !closed.load(ordering: .relaxed) else {
            if closed.load(ordering: .relaxed) { throw IngestError(.cancelled, "reading \(request.table) was cancelled") }
            return nil
        }
        let builders = types.map { ColumnBuilder($0, capacity: min(request.batchRows, 4096)) }
        var rows = 0
        while rows < request.batchRows {
            let status = sqlite3_step(statement)
            if status == SQLITE_DONE {
                sqlite3_finalize(statement)
                self.statement = nil
                break
            }
            guard status == SQLITE_ROW else { throw db.failure(status, "SELECT … FROM \(request.table)").adding("row", "\(rowNumber + 1)") }
            rowNumber += 1
            for (column, builder) in builders.enumerated() {
                try append(statement, Int32(column), into: builder)
            }
            rows += 1
        }
        guard rows > 0 else { return nil }
        return RecordBatch(schema: request.schema.schema, columns: builders.map { $0.finish() }, rowCount: rows)
    }

    func close() {
        guard !closed.exchange(true, ordering: .relaxed) else { return }
        db.interrupt()
    }

    private func append(_ statement: OpaquePointer, _ column: Int32, into builder: ColumnBuilder) throws(IngestError) {
        let kind = sqlite3_column_type(statement, column)
        if kind == SQLITE_NULL {
            builder.appendNull()
            return
        }
        switch builder.type {
        case .int64:
            if kind == SQLITE_INTEGER {
                builder.appendFixed(sqlite3_column_int64(statement, column))
                return
            }
            if kind == SQLITE_FLOAT {
                let d = sqlite3_column_double(statement, column)
                if d == d.rounded(), let v = Int64(exactly: d) {
                    builder.appendFixed(v)
                    return
                }
            }
            if let v = parsed(statement, column, TextParsing.parseInt64) {
                builder.appendFixed(v)
                return
            }
        case .float64:
            if kind == SQLITE_INTEGER || kind == SQLITE_FLOAT {
                builder.appendFixed(sqlite3_column_double(statement, column))
                return
            }
            if let v = parsed(statement, column, TextParsing.parseFloat64) {
                builder.appendFixed(v)
                return
            }
        case .boolean:
            if kind == SQLITE_INTEGER {
                let v = sqlite3_column_int64(statement, column)
                if v == 0 || v == 1 {
                    builder.appendBool(v == 1)
                    return
                }
            } else if let v = parsed(statement, column, TextParsing.parseBool) {
                builder.appendBool(v)
                return
            }
        case .decimal128(let precision, let scale):
            if let v = parsed(statement, column, { TextParsing.parseDecimal($0, precision: precision, scale: scale) }) {
                builder.appendFixed(v)
                return
            }
        case .date32:
            if kind == SQLITE_INTEGER {
                let seconds = sqlite3_column_int64(statement, column)
                builder.appendFixed(Int32(truncatingIfNeeded: (seconds - ((seconds % 86_400) + 86_400) % 86_400) / 86_400))
                return
            }
            if let v = parsed(statement, column, Self.parseDay) {
                builder.appendFixed(v)
                return
            }
        case .timestamp(let unit, _):
            if kind == SQLITE_INTEGER {
                builder.appendFixed(sqlite3_column_int64(statement, column) * unit.perSecond)
                return
            }
            if let v = parsed(statement, column, { TextParsing.parseTimestamp($0, unit: unit)?.value }) {
                builder.appendFixed(v)
                return
            }
        case .binary:
            let count = Int(sqlite3_column_bytes(statement, column))
            let bytes = sqlite3_column_blob(statement, column)
            builder.appendBytes(UnsafeRawBufferPointer(start: bytes, count: count))
            return
        default:  // string: every value as SQLite's text of it
            let text = sqlite3_column_text(statement, column)
            let count = Int(sqlite3_column_bytes(statement, column))
            builder.appendBytes(UnsafeRawBufferPointer(start: text, count: count))
            return
        }
        throw mismatch(statement, column, builder.type)
    }

    /// `YYYY-MM-DD`, or the date of a date-time text.
    private static func parseDay(_ text: TextParsing.Bytes) -> Int32? {
        if let day = TextParsing.parseDate(text) { return day }
        guard let millis = TextParsing.parseTimestamp(text, unit: .millisecond)?.value else { return nil }
        let seconds = (millis - ((millis % 1000) + 1000) % 1000) / 1000
        let floor: Int64 = (seconds - ((seconds % 86_400) + 86_400) % 86_400) / 86_400
        return Int32(exactly: floor)
    }

    /// The column's text parsed by `parse`.
    private func parsed<T>(_ statement: OpaquePointer, _ column: Int32, _ parse: (TextParsing.Bytes) -> T?) -> T? {
        guard let text = sqlite3_column_text(statement, column) else { return nil }
        let count = Int(sqlite3_column_bytes(statement, column))
        return parse(UnsafeBufferPointer(start: text, count: count))
    }

    private func mismatch(_ statement: OpaquePointer, _ column: Int32, _ type: DataType) -> IngestError {
        let text = sqlite3_column_text(statement, column).map { String(cString: $0) } ?? "?"
        let info = request.schema.columns[Int(column)]
        return IngestError(
            .unsupportedType,
            "value '\(text.prefix(80))' in column '\(info.name)' (declared \(info.sourceType)) of \(request.table), row \(rowNumber), is not a \(type); fix the row, or declare the column TEXT (or cast it in a view) to keep it as text",
            context: [.init("table", "\(request.table)"), .init("column", info.name), .init("row", "\(rowNumber)")]
        )
    }
}
