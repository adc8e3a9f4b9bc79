public import LagoaColumnar
public import LagoaCore

/// Reads a CSV file as a stream of ``RecordBatch``es with bounded memory.
///
/// Creating a reader reads the header and infers column types from the first
/// ``CSVReadOptions/sampleRows`` rows (see ``CSVTypeInference``), then rewinds; each ``next()``
/// parses up to ``CSVReadOptions/batchSize`` rows straight from the bytes into column builders.
/// Memory holds one chunk of input (``CSVReadOptions/readChunkSize``, growing only for longer
/// records) plus one batch.
///
/// ```swift
/// var reader = try await CSVReader(path: "trips.csv")
/// print(reader.schema)
/// while let batch = try await reader.next() { … }
/// ```
///
/// Syntax: RFC 4180 quoting (delimiters, doubled quotes and line breaks inside quoted fields),
/// LF, CRLF or CR line ends, a leading UTF-8 byte-order mark is skipped, and empty lines are skipped
/// when there is more than one column. Every row must have as many fields as the header.
///
/// The reader is a value: iterating a copy leaves the original where it was. After an error,
/// ``next()`` returns `nil`.
public struct CSVReader: Sendable {
    /// The columns, as inferred or given; every field is nullable.
    public let schema: Schema
    private let options: CSVReadOptions
    private let plans: [CSVColumnPlan]
    private let nulls: CSVNullMatcher
    private var stream: CSVRecordStream
    private var finished = false

    /// Opens the CSV file at `path`.
    /// - Throws: ``CSVError`` when the file cannot be read, its header or sample rows are malformed,
    ///   or an option is invalid.
    public init(path: String, options: CSVReadOptions = CSVReadOptions()) async throws(CSVError) {
        let source: LocalFileSource
        do {
            source = try LocalFileSource(path: path)
        } catch {
            throw CSVError.io(error, path)
        }
        try await self.init(source: source, options: options)
    }

    /// Opens CSV bytes from any source (a local file, an object store, memory).
    /// - Throws: ``CSVError`` when the source cannot be read, its header or sample rows are
    ///   malformed, or an option is invalid.
    public init(source: any RandomAccessSource, options: CSVReadOptions = CSVReadOptions()) async throws(CSVError) {
        guard options.batchSize > 0, options.readChunkSize > 0, options.sampleRows >= 0 else {
            throw CSVError(.invalidArgument, "CSV batch size and read chunk size must be positive, sample rows not negative")
        }
        let dialect = try CSVDialect(delimiter: options.delimiter, quote: options.quote, escape: options.escape)
        let size: Int64
        do {
            size = try await source.size()
        } catch {
            throw CSVError.io(error, source.name)
        }
        var stream = CSVRecordStream(input: ChunkedInput(source: source, size: size, chunkSize: options.readChunkSize), dialect: dialect)
        try await stream.skipByteOrderMark()
        var header: [String]?
        if options.hasHeader, try await stream.advance() {
            header = stream.fieldStrings()
        }
        let dataOffset = stream.offset
        let dataLine = header == nil ? 1 : stream.line + 1
        stream.rewind(to: dataOffset, line: dataLine)
        let nulls = CSVNullMatcher(options.nullStrings)

        var fields: [Field]
        if let schema = options.schema {
            if let header, header.count != schema.fields.count {
                throw CSVError(
                    .invalidArgument,
                    "'\(stream.name)' has \(header.count) columns in its header but the given schema has \(schema.fields.count)"
                )
            }
            fields = schema.fields
        } else {
            fields = try await Self.infer(&stream, header: header, nulls: nulls, sampleRows: options.sampleRows)
            stream.rewind(to: dataOffset, line: dataLine)
        }
        for (name, type) in options.columnTypes {
            guard let index = fields.firstIndex(where: { $0.name == name }) else {
                let known = fields.map(\.name).joined(separator: ", ")
                throw CSVError(.invalidArgument, "type given for unknown CSV column '\(name)'; the columns are: \(known)")
            }
            fields[index].type = type
        }
        var plans: [CSVColumnPlan] = []
        for field in fields {
            plans.append(try CSVColumnPlan(name: field.name, type: field.type))
        }
        self.schema = Schema(fields, metadata: options.schema?.metadata ?? [:])
        self.options = options
        self.plans = plans
        self.nulls = nulls
        self.stream = stream
    }

    /// Reads up to `sampleRows` rows and infers one field per column.
    private static func infer(
        _ stream: inout CSVRecordStream,
        header: [String]?,
        nulls: CSVNullMatcher,
        sampleRows: Int
    ) async throws(CSVError) -> [Field] {
        var columnCount = header?.count
        var inference = [CSVTypeInference](repeating: CSVTypeInference(), count: columnCount ?? 0)
        var rows = 0
        while rows < sampleRows || columnCount == nil, try await stream.advance() {
            if stream.isBlankLine && (columnCount ?? 2) > 1 { continue }
            let expected = columnCount ?? stream.fieldCount
            if columnCount == nil {
                columnCount = expected
                inference = Array(repeating: CSVTypeInference(), count: expected)
            }
            guard stream.fieldCount == expected else {
                throw fieldCountError(stream, expected: expected, from: header == nil ? "the first row" : "the header")
            }
            rows += 1
            stream.withFields { fields, bytes, scratch in
                for (k, span) in fields.enumerated() {
                    let text = UnsafeBufferPointer(rebasing: (span.inScratch ? scratch : bytes)[span.start..<span.end])
                    if !nulls.matches(text) { inference[k].observe(text) }
                }
            }
        }
        let names = header.map(CSVTypeInference.columnNames) ?? (0..<(columnCount ?? 0)).map { "column\($0 + 1)" }
        return zip(names, inference).map { Field($0, $1.type, nullable: true) }
    }

    /// Reads the next batch of up to ``CSVReadOptions/batchSize`` rows.
    /// - Returns: `nil` after the last row.
    /// - Throws: ``CSVError`` naming the file, line and column of a malformed row or a value that
    ///   does not parse as its column's type.
    public mutating func next() async throws(CSVError) -> RecordBatch? {
        guard !finished, !plans.isEmpty else { return nil }
        guard !Task.isCancelled else {
            finished = true
            throw CSVError(.cancelled, "reading '\(stream.name)' was cancelled")
        }
        var batch = CSVBatchBuilder(plans: plans, nulls: nulls, capacity: Swift.min(options.batchSize, 4096))
        do throws(CSVError) {
            rows: while batch.rowCount < options.batchSize {
                switch try stream.nextBuffered() {
                case .end:
                    finished = true
                    break rows
                case .needsInput:
                    try await stream.refill()
                    continue rows
                case .record:
                    break
                }
                if stream.isBlankLine && plans.count > 1 { continue }
                guard stream.fieldCount == plans.count else {
                    let from = options.schema != nil ? "the schema" : options.hasHeader ? "the header" : "the first row"
                    throw Self.fieldCountError(stream, expected: plans.count, from: from)
                }
                do throws(CSVBatchBuilder.ValueFault) {
                    try batch.append(stream)
                } catch {
                    throw valueError(error)
                }
            }
        } catch {
            finished = true
            throw error
        }
        return batch.rowCount == 0 ? nil : batch.finish(schema: schema)
    }

    /// Reads every remaining batch; for tests and small files.
    public mutating func readAll() async throws(CSVError) -> [RecordBatch] {
        var batches: [RecordBatch] = []
        while let batch = try await next() { batches.append(batch) }
        return batches
    }

    private static func fieldCountError(_ stream: CSVRecordStream, expected: Int, from origin: String) -> CSVError {
        let actual = stream.fieldCount
        return CSVError(
            .malformedFile,
            "'\(stream.name)' line \(stream.line) has \(actual) field\(actual == 1 ? "" : "s"), expected \(expected) "
                + "(as in \(origin)); check the delimiter and quoting on that line"
        )
    }

    private func valueError(_ fault: CSVBatchBuilder.ValueFault) -> CSVError {
        let plan = plans[fault.column]
        return CSVError(
            .invalidValue,
            "'\(stream.name)' line \(stream.line), column '\(plan.name)': cannot parse \(fault.text) as \(plan.type); "
                + "pass --type \(plan.name)=string to read the column as text"
        )
    }
}

extension CSVReader: AsyncSequence, AsyncIteratorProtocol {
    public typealias Element = RecordBatch
    public typealias Failure = CSVError

    /// A copy of the reader at its current position.
    public func makeAsyncIterator() -> CSVReader { self }
}
