import LagoaColumnar
import LagoaConnectorFiles
import LagoaCSV
import LagoaJSON

/// Reads record batches from a CSV, JSON lines or Parquet file, one at a time (the folder source's
/// reader, with the command line's options).
struct BatchSource {
    struct Options {
        var csv: CSVReadOptions
        var json: JSONReadOptions
        var typeOverrides: [String: DataType]
    }

    let schema: Schema
    private var reader: FileBatchReader

    static func open(_ path: String, format: FileFormat, options: Options) async throws -> BatchSource {
        let kind: FileKind = switch format {
        case .csv: .csv
        case .jsonLines: .jsonLines
        case .parquet: .parquet
        }
        let reader = try await FileBatchReader.open(path, kind: kind, csv: options.csv, json: options.json)
        return BatchSource(schema: reader.schema, reader: reader)
    }

    mutating func next() async throws -> RecordBatch? {
        try await reader.next()
    }
}
