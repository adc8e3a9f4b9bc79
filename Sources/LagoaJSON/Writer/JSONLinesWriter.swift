public import LagoaColumnar
public import LagoaCore

/// Writes ``RecordBatch``es as JSON lines: one object per row, keys in schema order, each line
/// ended by `\n`.
///
/// Value formats are listed on ``JSONValueEncoder``; null fields are written as `null` (keys are
/// never omitted). Output is buffered and handed to the sink in chunks of about 1 MiB;
/// ``finish()`` flushes and closes it.
///
/// ```swift
/// let writer = JSONLinesWriter(sink: try LocalFileSink(path: "out.jsonl"), schema: batch.schema)
/// try await writer.write(batch)
/// try await writer.finish()
/// ```
///
/// A writer is a reference type owning its sink; it is not `Sendable` because sinks are not.
public final class JSONLinesWriter {
    /// The schema every written batch must have (field names may differ, types may not).
    public let schema: Schema
    private let sink: any ByteSink
    /// `"name":` for each field, escaped once.
    private let keys: [[UInt8]]
    private var buffer: [UInt8] = []
    private var finished = false
    private static let flushThreshold = 1 << 20

    public init(sink: any ByteSink, schema: Schema) {
        self.schema = schema
        self.sink = sink
        self.keys = schema.fields.map { field in
            var key: [UInt8] = []
            JSONEscaping.appendString(field.name, to: &key)
            key.append(0x3A)
            return key
        }
        buffer.reserveCapacity(Self.flushThreshold + 4096)
    }

    /// Appends one line per row of `batch`.
    /// - Throws: ``JSONError/Code/schemaMismatch`` when the batch's column types differ from
    ///   ``schema``; ``JSONError/Code/io`` when the sink fails.
    /// - Complexity: O(bytes written).
    public func write(_ batch: RecordBatch) async throws(JSONError) {
        precondition(!finished, "JSONLinesWriter.write called after finish()")
        let types = batch.schema.fields.map(\.type)
        guard types == schema.fields.map(\.type) else {
            throw JSONError(
                .schemaMismatch,
                "cannot write a batch with columns (\(types.map(\.description).joined(separator: ", "))) "
                    + "to a JSON writer for (\(schema.fields.map(\.type.description).joined(separator: ", ")))"
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

    /// Appends lines from `start` until the batch ends or `out` reaches the flush threshold.
    /// - Returns: the next row to encode.
    private func encodeRows(_ batch: RecordBatch, from start: Int, into out: inout [UInt8]) -> Int {
        withExtendedLifetime(batch) {
            let columns = batch.columns
            let encoders = columns.map(JSONFieldEncoder.init)
            var row = start
            while row < batch.rowCount && out.count < Self.flushThreshold {
                out.append(0x7B)
                for k in 0..<encoders.count {
                    if k > 0 { out.append(0x2C) }
                    out.append(contentsOf: keys[k])
                    encoders[k].append(row, of: columns[k], to: &out)
                }
                out.append(contentsOf: [0x7D, 0x0A])
                row += 1
            }
            return row
        }
    }

    /// Flushes buffered lines and closes the sink; the writer must not be used afterwards.
    /// - Throws: ``JSONError/Code/io`` when the sink fails.
    public func finish() async throws(JSONError) {
        guard !finished else { return }
        finished = true
        try await flush()
        do {
            try await sink.close()
        } catch {
            throw JSONError.io(error, "JSON output")
        }
    }

    /// Encodes `batches` as JSON-lines bytes in memory; for tests and small outputs.
    public static func encode(_ batches: [RecordBatch], schema: Schema) async throws(JSONError) -> [UInt8] {
        let sink = MemorySink()
        let writer = JSONLinesWriter(sink: sink, schema: schema)
        for batch in batches { try await writer.write(batch) }
        try await writer.finish()
        return sink.bytes
    }

    private func flush() async throws(JSONError) {
        guard !buffer.isEmpty else { return }
        do {
            try await sink.write(buffer)
        } catch {
            throw JSONError.io(error, "JSON output")
        }
        buffer.removeAll(keepingCapacity: true)
    }
}
