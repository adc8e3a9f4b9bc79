import LagoaColumnar
import LagoaCore
import LagoaCSV
import LagoaEngine
import LagoaJSON
import LagoaParquet

/// Prints statement results for `lagoa query` and `lagoa sql`.
struct ResultPrinter {
    var format: ResultFormat
    /// File to write instead of standard output.
    var output: String?
    /// Whether the table format shows the elapsed time (`.timer on`).
    var timer: Bool = true
    /// Rows shown in the table format.
    var maxRows: Int = 40

    /// Writes one result. Statements without rows print their status tag in the table format and
    /// nothing in the machine formats.
    func print(_ result: QueryResult) async throws {
        switch format {
        case .table:
            var text: String
            if result.returnsRows {
                text = TableFormatter(maxRows: maxRows, maxCellWidth: result.schema.fields.count == 1 ? 400 : 60, showTypes: true).format(result.schema, result.batches)
            } else {
                text = result.statusTag
            }
            if timer { text += String(" (\(Self.seconds(result.elapsedSeconds)))") }
            try await write(text + "\n")
        case .csv, .json, .jsonl, .parquet:
            guard result.returnsRows else { return }
            try await writeMachine(result)
        }
    }

    private func writeMachine(_ result: QueryResult) async throws {
        switch format {
        case .parquet:
            guard let output else { throw CLIUsageError("--format parquet needs --output FILE") }
            let writer = try ParquetFileWriter(path: output, schema: result.schema, options: ParquetWriteOptions())
            for batch in result.batches { try await writer.write(batch) }
            _ = try await writer.close()
        case .csv:
            let writer = try CSVWriter(sink: try sink(), schema: result.schema)
            for batch in result.batches { try await writer.write(batch) }
            try await writer.finish()
        case .jsonl:
            let writer = JSONLinesWriter(sink: try sink(), schema: result.schema)
            for batch in result.batches { try await writer.write(batch) }
            try await writer.finish()
        case .json:
            let writer = JSONLinesWriter(sink: JSONArraySink(try sink()), schema: result.schema)
            for batch in result.batches { try await writer.write(batch) }
            try await writer.finish()
        case .table:
            break
        }
    }

    private func sink() throws -> any ByteSink {
        if let output { return try LocalFileSink(path: output) }
        return StandardOutputSink()
    }

    private func write(_ text: String) async throws {
        let sink = try sink()
        try await sink.write(Array(text.utf8))
        try await sink.close()
    }

    /// `0.012 s`, `1.53 s`.
    static func seconds(_ value: Double) -> String {
        let millis = (value * 1000).rounded()
        if millis < 1000 { return "\(Int(millis)) ms" }
        return "\((value * 100).rounded() / 100) s"
    }
}

/// A usage mistake found while running (after argument parsing).
struct CLIUsageError: LagoaError {
    var message: String
    init(_ message: String) { self.message = message }
    var codeName: String { "usage" }
    var context: [ErrorContext] { [] }
    var cause: (any Error)? { nil }
}
