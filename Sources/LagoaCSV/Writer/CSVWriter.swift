public import LagoaColumnar
public import LagoaCore

/// Writes ``RecordBatch``es as CSV text to a ``ByteSink``.
///
/// The header (when ``CSVWriteOptions/includeHeader``) is written first, then one record per row,
/// each ended by ``CSVWriteOptions/lineTerminator``. Field formats are listed on
/// `CSVFieldEncoder`; quoting follows RFC 4180 and is applied only when needed. Output is
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
        self.delimiter = dialect.delimiter
        self.quote = dialect.quote
        self.nullText = Array(options.nullString.utf8)
        self.lineTerminator = Array(options.lineTerminator.utf8)
        buffer.reserveCapacity(Self.flushThreshold + 4096)
        if options.includeHeader && !schema.fields.isEmpty {
            for (k, field) in schema.fields.enumerated() {
                if k > 0 { buffer.append(delimiter) }
                Array(field.name.utf8).withUnsafeBytes { appendText($0, to: &buffer) }
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
        var row = 0
        while row < batch.rowCount {
            row = encodeRows(batch, from: row, into: &buffer)
            if buffer.count >= Self.flushThreshold {
                try await flush()
            }
        }
    }

    /// Appends rows from `start` until the batch ends or `out` reaches the flush threshold.
    /// - Returns: the next row to encode.
    private func encodeRows(_ batch: RecordBatch, from start: Int, into out: inout [UInt8]) -> Int {
        withExtendedLifetime(batch) {
            let columns = batch.columns
            let encoders = columns.map(CSVFieldEncoder.init)
            var row = start
            while row < batch.rowCount && out.count < Self.flushThreshold {
                for k in 0..<encoders.count {
                    if k > 0 { out.append(delimiter) }
                    let encoder = encoders[k]
                    if encoder.isNull(row) {
                        out.append(contentsOf: nullText)
                    } else if encoder.isString {
                        appendText(encoder.bytes(row), to: &out)
                    } else if encoder.isQuotable {
                        var text: [UInt8] = []
                        encoder.append(row, of: columns[k], to: &text)
                        text.withUnsafeBytes { appendText($0, to: &out) }
                    } else {
                        encoder.append(row, of: columns[k], to: &out)
                    }
                }
                out.append(contentsOf: lineTerminator)
                row += 1
            }
            return row
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
    private func appendText(_ text: UnsafeRawBufferPointer, to out: inout [UInt8]) {
        var needsQuotes = text.elementsEqual(nullText)
        if !needsQuotes {
            for byte in text where byte == delimiter || byte == quote || byte == 0x0A || byte == 0x0D {
                needsQuotes = true
                break
            }
        }
        guard needsQuotes else {
            out.append(contentsOf: text)
            return
        }
        out.append(quote)
        for byte in text {
            out.append(byte)
            if byte == quote { out.append(quote) }
        }
        out.append(quote)
    }
}
