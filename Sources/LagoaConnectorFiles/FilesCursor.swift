import LagoaColumnar
import LagoaCore
import LagoaIngest
import Synchronization

/// Reads a table's files one after another; an incremental bound keeps only the rows past it.
final class FilesCursor: SourceCursor {
    private let request: ExtractRequest
    private let kind: FileKind
    private var pending: [String]
    private var reader: FileBatchReader?
    private var currentPath = ""
    private let closed = Atomic<Bool>(false)
    private let cursorIndex: Int?

    init(request: ExtractRequest, kind: FileKind, files: [String]) {
        self.request = request
        self.kind = kind
        self.pending = files
        cursorIndex = request.cursor.flatMap { bound in request.schema.columns.firstIndex { $0.name == bound.column } }
    }

    func next() throws(IngestError) -> RecordBatch? {
        while true {
            if closed.load(ordering: .relaxed) { throw IngestError(.cancelled, "reading \(request.table) was cancelled") }
            if reader == nil {
                guard !pending.isEmpty else { return nil }
                let path = pending.removeFirst()
                currentPath = path
                let schema = request.schema.schema
                let kind = self.kind
                let rows = request.batchRows
                let table = request.table
                let opened = try AsyncBridge.wait { () async throws(IngestError) in
                    do throws(IngestFileError) {
                        return Box(try await FileBatchReader.open(path, kind: kind, schema: kind == .parquet ? nil : schema, batchRows: rows))
                    } catch {
                        throw Self.translate(error, table: table)
                    }
                }
                reader = opened.value
            }
            let current = Box(reader!)
            let table = request.table
            let path = currentPath
            let (batch, advanced) = try AsyncBridge.wait { () async throws(IngestError) in
                var local = current.value
                do {
                    let batch = try await local.next()
                    return (batch.map(Box.init), Box(local))
                } catch {
                    throw Self.translate(IngestFileError(path: path, error: error), table: table)
                }
            }
            reader = advanced.value
            guard let batch = batch?.value else {
                reader = nil
                continue
            }
            let kept = filtered(batch)
            if kept.rowCount > 0 { return kept }
        }
    }

    /// Rows past the incremental bound.
    private func filtered(_ batch: RecordBatch) -> RecordBatch {
        guard let bound = request.cursor, let index = cursorIndex else { return batch }
        let column = batch.columns[index]
        let keep = (0..<batch.rowCount).filter { row in
            let value = column.value(at: row)
            guard !value.isNull, let order = CursorValue.compare(value, bound.value) else { return false }
            return bound.inclusive ? order >= 0 : order > 0
        }
        return keep.count == batch.rowCount ? batch : batch.take(keep)
    }

    func close() {
        closed.store(true, ordering: .relaxed)
    }

    static func translate(_ error: IngestFileError, table: SourceTableName) -> IngestError {
        let detail = (error.error as? any LagoaError)?.rendered ?? "\(error.error)"
        return IngestError(.source, "cannot read \(error.path.isEmpty ? "a file of \(table)" : error.path): \(detail)", context: [.init("table", "\(table)")])
    }
}

/// Moves a non-Sendable reader value between the source thread and the task that drives it.
private final class Box<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
