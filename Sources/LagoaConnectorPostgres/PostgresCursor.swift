import LagoaColumnar
import LagoaCore
import LagoaIngest
import Synchronization

/// Streams one table's binary COPY into batches of about `batchRows` rows.
final class PostgresCursor: SourceCursor {
    private let connection: PGConnection
    private let request: ExtractRequest
    private var decoder: PGCopyDecoder
    private var buffer: UnsafeMutablePointer<CChar>?
    private var rowsRead = 0
    /// Set by the reading thread at the end of the stream; `close()` then needs no server cancel.
    private let done = Atomic<Bool>(false)
    private let closed = Atomic<Bool>(false)

    init(connection: PGConnection, sql: String, request: ExtractRequest, kinds: [PGValueKind]) throws(IngestError) {
        self.connection = connection
        self.request = request
        decoder = PGCopyDecoder(kinds: kinds)
        try connection.startCopy(sql)
    }

    deinit {
        var last = buffer
        _ = try? connection.copyChunk(&last)  // frees the last buffer
        connection.close()
    }

    func next() throws(IngestError) -> RecordBatch? {
        if closed.load(ordering: .relaxed) { throw IngestError(.cancelled, "reading \(request.table) was cancelled") }
        guard !done.load(ordering: .acquiring) else { return nil }
        let builders = request.schema.columns.map { ColumnBuilder($0.type, capacity: request.batchRows) }
        var rows = 0
        while rows < request.batchRows {
            let length: Int?
            do {
                length = try connection.copyChunk(&buffer)
            } catch {
                if closed.load(ordering: .relaxed) { throw IngestError(.cancelled, "reading \(request.table) was cancelled") }
                var located = error
                if error.code == .connectionLost {
                    located.message += "; \(rowsRead + rows) rows had been read, nothing of \(request.table) was committed; run the ingest again"
                }
                throw located.adding("table", "\(request.table)")
            }
            guard let length, let buffer else {
                done.store(true, ordering: .releasing)
                break
            }
            do {
                rows += try decoder.decode(UnsafeRawPointer(buffer), count: length, into: builders)
            } catch {
                let column = error.column.map { request.schema.columns[$0] }
                var context = [ErrorContext("table", "\(request.table)"), ErrorContext("row", "\(rowsRead + rows + 1)")]
                if let column { context.insert(ErrorContext("column", column.name), at: 1) }
                connection.cancel()
                throw IngestError(
                    .unsupportedType,
                    "\(column.map { "column '\($0.name)' (\($0.sourceType)) of \(request.table), row \(rowsRead + rows + 1): " } ?? "")\(error.message)",
                    context: context
                )
            }
            if decoder.finished {
                done.store(true, ordering: .releasing)
                break
            }
        }
        rowsRead += rows
        guard rows > 0 else { return nil }
        return RecordBatch(schema: request.schema.schema, columns: builders.map { $0.finish() }, rowCount: rows)
    }

    func close() {
        guard !closed.exchange(true, ordering: .relaxed) else { return }
        if !done.load(ordering: .acquiring) { connection.cancel() }
    }
}
