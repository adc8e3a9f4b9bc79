import LagoaColumnar
import LagoaCore
import LagoaCSV
import LagoaJSON
import LagoaParquet

/// The formats a folder source reads, by file extension.
enum FileKind: String, Sendable {
    case csv, jsonLines, parquet

    init?(path: String) {
        let lower = path.lowercased()
        if lower.hasSuffix(".csv") || lower.hasSuffix(".tsv") {
            self = .csv
        } else if lower.hasSuffix(".jsonl") || lower.hasSuffix(".ndjson") || lower.hasSuffix(".json") {
            self = .jsonLines
        } else if lower.hasSuffix(".parquet") {
            self = .parquet
        } else {
            return nil
        }
    }
}

/// Batches of one file, whatever its format.
struct FileBatchReader {
    private enum Reader {
        case csv(CSVReader)
        case json(JSONLinesReader)
        case parquet(ParquetBatchSequence.Iterator)
    }

    let schema: Schema
    private var reader: Reader

    /// Opens `path`; `schema` (from the table's first file) fixes CSV and JSON types so every file
    /// of a table reads alike.
    static func open(_ path: String, kind: FileKind, schema: Schema?, batchRows: Int) async throws(IngestFileError) -> FileBatchReader {
        do {
            switch kind {
            case .csv:
                var options = CSVReadOptions(delimiter: path.lowercased().hasSuffix(".tsv") ? "\t" : ",", batchSize: batchRows)
                options.schema = schema
                let reader = try await CSVReader(path: path, options: options)
                return FileBatchReader(schema: reader.schema, reader: .csv(reader))
            case .jsonLines:
                var options = JSONReadOptions()
                options.batchSize = batchRows
                options.schema = schema
                let reader = try await JSONLinesReader(path: path, options: options)
                return FileBatchReader(schema: reader.schema, reader: .json(reader))
            case .parquet:
                let reader = try await ParquetFileReader(path: path)
                return FileBatchReader(schema: reader.schema.arrowSchema, reader: .parquet(reader.batches().makeAsyncIterator()))
            }
        } catch {
            throw IngestFileError(path: path, error: error)
        }
    }

    mutating func next() async throws(IngestFileError) -> RecordBatch? {
        do {
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
        } catch {
            throw IngestFileError(path: "", error: error)
        }
    }
}

/// A reader's error with the file it came from.
struct IngestFileError: Error {
    var path: String
    var error: any Error
}
