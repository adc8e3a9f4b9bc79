public import LagoaColumnar
public import LagoaCore

/// Reads a JSON-lines file (one JSON object per line) as a stream of ``RecordBatch``es with bounded
/// memory.
///
/// Creating a reader infers the schema from the first ``JSONReadOptions/sampleRows`` lines (see
/// ``JSONInferredType`` for the merge rules: int64 widens to float64, missing keys are null, objects
/// become structs with the union of their keys in first-seen order, arrays become lists, strings
/// that all look like dates or timestamps become `date32`/`timestamp[us]` when
/// ``JSONReadOptions/inferTemporal`` is on, and incompatible mixes become string holding JSON
/// text), then rewinds; each ``next()`` parses up to ``JSONReadOptions/batchSize`` lines. Blank
/// lines are skipped; a leading UTF-8 byte-order mark is skipped; keys not in the schema are
/// ignored. How each type accepts JSON values is listed on ``JSONRowDecoder``.
///
/// ```swift
/// var reader = try await JSONLinesReader(path: "events.jsonl")
/// while let batch = try await reader.next() { … }
/// ```
///
/// The reader is a value: iterating a copy leaves the original where it was. After an error,
/// ``next()`` returns `nil`.
public struct JSONLinesReader: Sendable {
    /// The fields, as inferred or given; inferred fields are all nullable.
    public let schema: Schema
    private let options: JSONReadOptions
    private let plans: [JSONDecodePlan]
    private var stream: JSONLineStream
    private var finished = false

    /// Opens the JSON-lines file at `path`.
    /// - Throws: ``JSONError`` when the file cannot be read, a sample line is not a valid JSON
    ///   object, or an option is invalid.
    public init(path: String, options: JSONReadOptions = JSONReadOptions()) async throws(JSONError) {
        let source: LocalFileSource
        do {
            source = try LocalFileSource(path: path)
        } catch {
            throw JSONError.io(error, path)
        }
        try await self.init(source: source, options: options)
    }

    /// Opens JSON-lines bytes from any source (a local file, an object store, memory).
    /// - Throws: ``JSONError`` when the source cannot be read, a sample line is not a valid JSON
    ///   object, or an option is invalid.
    public init(source: any RandomAccessSource, options: JSONReadOptions = JSONReadOptions()) async throws(JSONError) {
        guard options.batchSize > 0, options.readChunkSize > 0, options.sampleRows >= 0, options.maxDepth > 0 else {
            throw JSONError(.invalidArgument, "JSON batch size, read chunk size and depth limit must be positive, sample rows not negative")
        }
        let size: Int64
        do {
            size = try await source.size()
        } catch {
            throw JSONError.io(error, source.name)
        }
        let input = ChunkedInput(source: source, size: size, chunkSize: options.readChunkSize)
        var stream = JSONLineStream(input: input, maxDepth: options.maxDepth)
        try await stream.skipByteOrderMark()
        let dataOffset = stream.offset

        var fields: [Field]
        if let schema = options.schema {
            fields = schema.fields
        } else {
            var root = JSONInferredObject()
            var rows = 0
            while rows < options.sampleRows, try await stream.advance() {
                stream.withLine { view in root.absorbMembers(view, 0, temporal: options.inferTemporal) }
                rows += 1
            }
            fields = root.fields
            stream.rewind(to: dataOffset, line: 0)
        }
        for name in options.columnTypes.keys.sorted() {
            let type = options.columnTypes[name]!
            if let index = fields.firstIndex(where: { $0.name == name }) {
                fields[index].type = type
            } else {
                fields.append(Field(name, type, nullable: true))
            }
        }
        self.schema = Schema(fields, metadata: options.schema?.metadata ?? [:])
        self.options = options
        self.plans = fields.map(JSONDecodePlan.init)
        self.stream = stream
    }

    /// Reads the next batch of up to ``JSONReadOptions/batchSize`` rows.
    /// - Returns: `nil` after the last line.
    /// - Throws: ``JSONError`` naming the file and line of invalid JSON, or the field of a value that
    ///   does not fit its type.
    public mutating func next() async throws(JSONError) -> RecordBatch? {
        guard !finished, !plans.isEmpty else { return nil }
        guard !Task.isCancelled else {
            finished = true
            throw JSONError(.cancelled, "reading '\(stream.name)' was cancelled")
        }
        let builders = plans.map { ColumnBuilder($0.type, capacity: Swift.min(options.batchSize, 4096)) }
        var rows = 0
        var scratch: [UInt8] = []
        do throws(JSONError) {
            lines: while rows < options.batchSize {
                switch try stream.nextBuffered() {
                case .end:
                    finished = true
                    break lines
                case .needsInput:
                    try await stream.refill()
                    continue lines
                case .line:
                    break
                }
                do throws(JSONRowDecoder.Mismatch) {
                    try stream.withLine { (view) throws(JSONRowDecoder.Mismatch) in
                        try JSONRowDecoder(view: view).appendMembers(0, plans: plans, builders: builders, scratch: &scratch)
                    }
                } catch {
                    throw valueError(error)
                }
                rows += 1
            }
        } catch {
            finished = true
            throw error
        }
        guard rows > 0 else { return nil }
        return RecordBatch(schema: schema, columns: builders.map { $0.finish() }, rowCount: rows)
    }

    /// Reads every remaining batch; for tests and small files.
    public mutating func readAll() async throws(JSONError) -> [RecordBatch] {
        var batches: [RecordBatch] = []
        while let batch = try await next() { batches.append(batch) }
        return batches
    }

    private func valueError(_ mismatch: JSONRowDecoder.Mismatch) -> JSONError {
        let path = mismatch.path.joined(separator: ".")
        let top = mismatch.path.first ?? path
        return JSONError(
            .invalidValue,
            "'\(stream.name)' line \(stream.line), field '\(path)': expected \(mismatch.expected) but found \(mismatch.found); "
                + "pass --type \(top)=string to read the field as text"
        )
    }
}

extension JSONLinesReader: AsyncSequence, AsyncIteratorProtocol {
    public typealias Element = RecordBatch
    public typealias Failure = JSONError

    /// A copy of the reader at its current position.
    public func makeAsyncIterator() -> JSONLinesReader { self }
}
