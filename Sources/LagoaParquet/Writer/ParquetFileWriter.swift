public import LagoaColumnar
public import LagoaCore

/// Writes record batches to a Parquet file.
///
/// ```swift
/// let writer = try ParquetFileWriter(path: "out.parquet", schema: batch.schema)
/// try await writer.write(batch)
/// let footer = try await writer.close()
/// ```
///
/// Batches are buffered until a row group is full (``ParquetWriteOptions/maxRowsPerRowGroup`` rows
/// or ``ParquetWriteOptions/maxRowGroupBytes`` estimated bytes, whichever comes first); the row
/// group's leaf columns are then encoded in parallel (at most ``ParquetWriteOptions/parallelism``
/// at once) and written in schema order. Memory therefore holds at most one row group of input plus
/// its encoded chunks. ``close()`` writes the last row group, the page indexes and the footer.
///
/// A writer is not safe to use from several tasks at once; call its methods one after the other.
public final class ParquetFileWriter {
    /// The schema every batch must have.
    public let schema: Schema
    let options: ParquetWriteOptions
    let sink: any ByteSink
    let parquetSchema: ParquetSchema
    let plans: [LeafWritePlan]
    /// Bytes written so far (file offsets).
    var position: Int64 = 0
    /// Batches (or slices) waiting for the current row group.
    var buffered: [RecordBatch] = []
    var bufferedRows = 0
    var bufferedBytes = 0
    /// Rows already written as row groups.
    var rowsWritten = 0
    var rowGroups: [RowGroup] = []
    /// Per row group, per leaf: the page index to write before the footer.
    var pageIndexes: [[(columnIndex: ColumnIndex?, offsetIndex: OffsetIndex)]] = []
    /// Whether the writer accepts calls: after ``close()`` or a failed write it refuses them, so
    /// that a row group lost to an error never goes unnoticed.
    private var state = State.open

    private enum State {
        case open, closed, failed
    }

    /// Creates a writer that appends to `sink`; nothing is written before the first row group or
    /// ``close()``.
    /// - Throws: ``ParquetError`` (invalid argument) for a schema Parquet cannot hold (an empty
    ///   struct, a decimal wider than 38 digits) or bad options (an encoding a column cannot use).
    public init(sink: any ByteSink, schema: Schema, options: ParquetWriteOptions = .init()) throws {
        try options.validate()
        let elements = try ArrowSchemaConverter.elements(for: schema)
        let parquetSchema = try ParquetSchema(elements: elements)
        self.plans = try LeafWritePlan.plans(for: parquetSchema, arrowSchema: schema, options: options)
        self.parquetSchema = parquetSchema
        self.schema = schema
        self.options = options
        self.sink = sink
    }

    /// Creates a writer for the local file at `path`, written atomically: the file appears only
    /// when ``close()`` succeeds.
    /// - Throws: ``IOError`` when the folder is missing or not writable; ``ParquetError`` as
    ///   ``init(sink:schema:options:)``.
    public convenience init(path: String, schema: Schema, options: ParquetWriteOptions = .init()) throws {
        try self.init(sink: LocalFileSink(path: path), schema: schema, options: options)
    }

    /// Buffers `batch`, writing row groups as they fill up.
    /// - Throws: ``ParquetError`` (schema mismatch) naming the first column whose type differs from
    ///   the writer's schema, or a null in a non-nullable column; errors from encoding or the sink.
    /// - Complexity: O(batch columns) unless a row group is written.
    public func write(_ batch: RecordBatch) async throws {
        try checkOpen("write")
        try checkSchema(batch.schema)
        do {
            try await buffer(batch)
        } catch {
            state = .failed
            throw error
        }
    }

    /// Buffers `batch` slice by slice, writing each row group that fills up.
    private func buffer(_ batch: RecordBatch) async throws {
        var rest = batch
        while rest.rowCount > 0 {
            let estimate = RowGroupSizing.estimatedBytes(rest)
            let take = RowGroupSizing.rowsToTake(
                available: rest.rowCount, estimatedBytes: estimate,
                roomRows: options.maxRowsPerRowGroup - bufferedRows,
                roomBytes: options.maxRowGroupBytes - bufferedBytes)
            let piece = take == rest.rowCount ? rest : rest.slice(0, take)
            buffered.append(piece)
            bufferedRows += take
            bufferedBytes += take == rest.rowCount ? estimate : RowGroupSizing.estimatedBytes(piece)
            rest = take == rest.rowCount ? rest.slice(0, 0) : rest.slice(take, rest.rowCount - take)
            if bufferedRows >= options.maxRowsPerRowGroup || bufferedBytes >= options.maxRowGroupBytes {
                try await flushRowGroup()
            }
        }
    }

    /// Writes the buffered rows, the page indexes and the footer, then closes the sink.
    /// - Returns: the footer as written.
    /// - Throws: errors from encoding or the sink; ``ParquetError`` when already closed.
    public func close() async throws -> FileMetaData {
        try checkOpen("close")
        do {
            let footer = try await finish()
            state = .closed
            return footer
        } catch {
            state = .failed
            throw error
        }
    }

    /// Writes the last row group, the page indexes and the footer, and closes the sink.
    private func finish() async throws -> FileMetaData {
        try await flushRowGroup()
        try await writeMagicIfNeeded()
        try await writePageIndexes()
        let footer = footerMetadata()
        var tail = footer.encoded()
        let length = UInt32(tail.count)
        tail.append(contentsOf: [UInt8(length & 0xFF), UInt8(length >> 8 & 0xFF), UInt8(length >> 16 & 0xFF), UInt8(length >> 24)])
        tail.append(contentsOf: Self.magic)
        try await append(tail)
        try await sink.close()
        return footer
    }

    static let magic: [UInt8] = Array("PAR1".utf8)

    /// Appends bytes to the sink and advances ``position``.
    func append(_ bytes: [UInt8]) async throws {
        guard !bytes.isEmpty else { return }
        try await sink.write(bytes)
        position += Int64(bytes.count)
    }

    /// Writes the leading magic bytes before the first row group (or the footer of an empty file).
    func writeMagicIfNeeded() async throws {
        if position == 0 { try await append(Self.magic) }
    }

    private func checkOpen(_ method: String) throws(ParquetError) {
        switch state {
        case .open:
            return
        case .closed:
            throw ParquetError(.invalidArgument, "ParquetFileWriter.\(method) called after close()")
        case .failed:
            throw ParquetError(
                .invalidArgument,
                "ParquetFileWriter.\(method) called after an earlier call failed; the file is incomplete, start a new writer"
            )
        }
    }

    private func checkSchema(_ other: Schema) throws(ParquetError) {
        guard other.fields.count == schema.fields.count else {
            throw ParquetError(
                .schemaMismatch,
                "the batch has \(other.fields.count) columns (\(other.fields.map(\.name).joined(separator: ", "))) but the writer's schema has \(schema.fields.count) (\(schema.fields.map(\.name).joined(separator: ", ")))"
            )
        }
        for (expected, actual) in zip(schema.fields, other.fields) where expected.type != actual.type {
            let hint =
                "\(expected.type)" == "\(actual.type)"
                ? " (the names, nullability or metadata of nested fields differ)" : ""
            throw ParquetError(
                .schemaMismatch,
                "column '\(expected.name)' is \(actual.type) in the batch but \(expected.type) in the writer's schema\(hint)"
            )
        }
    }
}
