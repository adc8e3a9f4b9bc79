import LagoaColumnar
import LagoaCSV
import LagoaJSON
import LagoaParquet

/// Reads record batches from a CSV, JSON lines or Parquet file, one at a time.
struct BatchSource {
    struct Options {
        var csv: CSVReadOptions
        var json: JSONReadOptions
        var typeOverrides: [String: DataType]
    }

    private enum Reader {
        case csv(CSVReader)
        case json(JSONLinesReader)
        case parquet(ParquetBatchSequence.Iterator)
    }

    let schema: Schema
    private var reader: Reader

    static func open(_ path: String, format: FileFormat, options: Options) async throws -> BatchSource {
        switch format {
        case .csv:
            let reader = try await CSVReader(path: path, options: options.csv)
            return BatchSource(schema: reader.schema, reader: .csv(reader))
        case .jsonLines:
            let reader = try await JSONLinesReader(path: path, options: options.json)
            return BatchSource(schema: reader.schema, reader: .json(reader))
        case .parquet:
            let reader = try await ParquetFileReader(path: path)
            return BatchSource(schema: reader.schema.arrowSchema, reader: .parquet(reader.batches().makeAsyncIterator()))
        }
    }

    mutating func next() async throws -> RecordBatch? {
        switch reader {
        case .csv(var r):
            let batch = try await r.next()
            reader = .csv(r)
            return batch
        case .json(var r):
            let batch = try await r.next()
            reader = .json(r)
            return batch
        case .parquet(var r):
            let batch = try await r.next()
            reader = .parquet(r)
            return batch
        }
    }
}
