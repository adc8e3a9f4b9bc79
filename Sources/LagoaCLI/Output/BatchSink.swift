import LagoaColumnar
import LagoaCore
import LagoaCSV
import LagoaJSON
import LagoaParquet

/// Writes record batches to a CSV, JSON lines or Parquet file; the file appears only on ``finish()``.
final class BatchSink {
    private enum Writer {
        case csv(CSVWriter)
        case json(JSONLinesWriter)
        case parquet(ParquetFileWriter)
    }

    private let writer: Writer

    private init(_ writer: Writer) {
        self.writer = writer
    }

    static func open(_ path: String, format: FileFormat, schema: Schema, options: ParquetWriteOptions) async throws -> BatchSink {
        switch format {
        case .csv:
            return BatchSink(.csv(try CSVWriter(sink: try LocalFileSink(path: path), schema: schema)))
        case .jsonLines:
            return BatchSink(.json(JSONLinesWriter(sink: try LocalFileSink(path: path), schema: schema)))
        case .parquet:
            return BatchSink(.parquet(try ParquetFileWriter(path: path, schema: schema, options: options)))
        }
    }

    /// JSON lines on standard output.
    static func stdout(schema: Schema) -> BatchSink {
        BatchSink(.json(JSONLinesWriter(sink: StandardOutputSink(), schema: schema)))
    }

    func write(_ batch: RecordBatch) async throws {
        switch writer {
        case .csv(let w): try await w.write(batch)
        case .json(let w): try await w.write(batch)
        case .parquet(let w): try await w.write(batch)
        }
    }

    func finish() async throws {
        switch writer {
        case .csv(let w): try await w.finish()
        case .json(let w): try await w.finish()
        case .parquet(let w): _ = try await w.close()
        }
    }
}
