public import LagoaColumnar
public import LagoaCore

/// Writes ``RecordBatch``es as CSV text to a ``ByteSink``.
///
/// The header (when ``CSVWriteOptions/includeHeader``) is written first, then one record per row,
/// each ended by ``CSVWriteOptions/lineTerminator``. Field formats are listed on
/// ``CSVFieldEncoder``; quoting follows RFC 4180 and is applied only when needed. Output is
/// buffered and handed to the sink in chunks of about 1 MiB; ``finish()`` flushes and closes it.
///
/// ```swift
/// let writer = try CSVWriter(sink: try LocalFileSink(path: "out.csv"), schema: batch.schema)
/// try await writer.write(batch)
/// try await writer.finish()
/// ```
///
/// A writer is a reference type owning its sink; it is not `Sendable` because sinks are not.
public final class CSVWriter {
    /// The schema every written batch must have (field names may differ, types may not).
    public let schema: Schema
    private let sink: any ByteSink
    private let encoders: [CSVFieldEncoder]
    private let delimiter: UInt8
    private let quote: UInt8
    private let nullText: [UInt8]
    private let lineTerminator: [UInt8]
    private var buffer: [UInt8] = []
    private var finished = false
    private static let flushThreshold = 1 << 20

    /// Creates a writer and buffers the header row.
    /// - Throws: ``CSVError/Code/invalidArgument`` for a non-ASCII delimiter or quote.
    public init(sink: any ByteSink, schema: Schema, options: CSVWriteOptions = CSVWriteOptions()) throws(CSVError) {
        let dialect = try CSVDialect(delimiter: options.delimiter, quote: options.quote, escape: nil)
        self.schema = schema
        self.sink = sink
        self.encoders = schema.fields.map { CSVFieldEncoder($0.type) }
        self.delimiter = dialect.delimiter
        self.quote = dialect.quote
        self.nullText = Array(options.nullString.utf8)
        self.lineTerminator = Array(options.lineTerminator.utf8)
        buffer.reserveCapacity(Self.flushThreshold + 4096)
        if options.includeHeader && !schema.fields.isEmpty {
            for (k, field) in schema.fields.enumerated() {
                if k > 0 { buffer.append(delimiter) }
                Array(field.name.utf8).withUnsafeBytes { appendText($0) }
            }
            buffer.append(contentsOf: lineTerminator)
        }
    }

    /// Appends the rows of `batch`.
    /// - Throws: ``CSVError/Code/schemaMismatch`` when the batch's column types differ from
    ///   ``schema``; ``CSVError/Code/io`` when the sink fails.
    /// - Complexity: O(rows × columns + bytes written).
    public func write(_ batch: RecordBatch) async throws(CSVError) {
        precondition(!finished, "CSVWriter.write called after finish()")
        let types = batch.schema.fields.map(\.type)
        guard types == schema.fields.map(\.type) else {
            throw CSVError(
                .schemaMismatch,
                "cannot write a batch with columns (\(types.map(\.description).joined(separator: ", "))) "
                    + "to a CSV writer for (\(schema.fields.map(\.type.description).joined(separator: ", ")))"
            )
        }
        for row in 0..<batch.rowCount {
            for (k, column) in batch.columns.enumerated() {
                if k > 0 { buffer.append(delimiter) }
                if column.isNull(row) {
                    buffer.append(contentsOf: nullText)
                } else if encoders[k].isString {
                    appendText(column.bytes(at: row))
                } else if encoders[k].isNested {
                    var text: [UInt8] = []
                    encoders[k].append(column, row, to: &text)
                    text.withUnsafeBytes { appendText($0) }
                } else {
                    encoders[k].append(column, row, to: &buffer)
                }
            }
            buffer.append(contentsOf: lineTerminator)
            if buffer.count >= Self.flushThreshold {
                try await flush()
            }
        }
    }

    /// Flushes buffered rows and closes the sink; the writer must not be used afterwards.
    /// - Throws: ``CSVError/Code/io`` when the sink fails.
    public func finish() async throws(CSVError) {
        guard !finished else { return }
        finished = true
        try await flush()
        do {
            try await sink.close()
        } catch {
            throw CSVError.io(error, "CSV output")
        }
    }

    /// Encodes `batches` as CSV bytes in memory; for tests and small outputs.
    public static func encode(
        _ batches: [RecordBatch],
        schema: Schema,
        options: CSVWriteOptions = CSVWriteOptions()
    ) async throws(CSVError) -> [UInt8] {
        let sink = MemorySink()
        let writer = try CSVWriter(sink: sink, schema: schema, options: options)
        for batch in batches { try await writer.write(batch) }
        try await writer.finish()
        return sink.bytes
    }

    private func flush() async throws(CSVError) {
        guard !buffer.isEmpty else { return }
        do {
            try await sink.write(buffer)
        } catch {
            throw CSVError.io(error, "CSV output")
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Appends a text field, quoted when it contains the delimiter, the quote or a line break, or
    /// when unquoted it would read back as null.
    private func appendText(_ text: UnsafeRawBufferPointer) {
        var needsQuotes = text.elementsEqual(nullText)
        if !needsQuotes {
            for byte in text where byte == delimiter || byte == quote || byte == 0x0A || byte == 0x0D {
                needsQuotes = true
                break
            }
        }
        guard needsQuotes else {
            buffer.append(contentsOf: text)
            return
        }
        buffer.append(quote)
        for byte in text {
            buffer.append(byte)
            if byte == quote { buffer.append(quote) }
        }
        buffer.append(quote)
    }
}
