public import LagoaColumnar
import LagoaCore
public import LagoaCSV
public import LagoaJSON
import LagoaParquet

/// The formats a folder source (and `lagoa convert`) reads, by file extension.
public enum FileKind: String, Sendable {
    case csv, jsonLines, parquet

    public init?(path: String) {
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
public struct FileBatchReader {
    private enum Reader {
        case csv(CSVReader)
        case json(JSONLinesReader)
        case parquet(ParquetBatchSequence.Iterator)
    }

    public let schema: Schema
    private var reader: Reader

    /// Opens `path` with the given reader options (CSV and JSON; Parquet needs none).
    /// - Throws: the format reader's own error (`CSVError`, `JSONError`, `ParquetError`).
    public static func open(_ path: String, kind: FileKind, csv: CSVReadOptions, json: JSONReadOptions) async throws -> FileBatchReader {
        switch kind {
        case .csv:
            let reader = try await CSVReader(path: path, options: csv)
            return FileBatchReader(schema: reader.schema, reader: .csv(reader))
        case .jsonLines:
            let reader = try await JSONLinesReader(path: path, options: json)
            return FileBatchReader(schema: reader.schema, reader: .json(reader))
        case .parquet:
            let reader = try await ParquetFileReader(path: path)
            return FileBatchReader(schema: reader.schema.arrowSchema, reader: .parquet(reader.batches().makeAsyncIterator()))
        }
    }

    /// Opens a file of a folder source: `schema` (from the table's first file) fixes CSV and JSON
    /// types so every file of a table reads alike; `.tsv` files are tab-separated.
    static func open(_ path: String, kind: FileKind, schema: Schema?, batchRows: Int) async throws(IngestFileError) -> FileBatchReader {
        var csv = CSVReadOptions(delimiter: path.lowercased().hasSuffix(".tsv") ? "\t" : ",", batchSize: batchRows)
        csv.schema = schema
        var json = JSONReadOptions()
        json.batchSize = batchRows
        json.schema = schema
        do {
            return try await open(path, kind: kind, csv: csv, json: json)
        } catch {
            throw IngestFileError(path: path, error: error)
        }
    }

    /// The next batch, or `nil` at the end of the file.
    public mutating func next() async throws -> RecordBatch? {
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

/// A reader's error with the file it came from.
struct IngestFileError: Error {
    var path: String
    var error: any Error
}
